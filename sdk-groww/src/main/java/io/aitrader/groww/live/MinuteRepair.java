package io.aitrader.groww.live;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.Quote;
import io.aitrader.groww.rest.Candle;
import java.util.ArrayList;
import java.util.List;

/**
 * The quotes that make the minutes an outage cut open whole again, from that instrument's one-minute candles.
 *
 * <p>An instrument's feed stopped after its last delivered quote (at {@code lastMillis}, cumulative day volume
 * {@code lastVolume}) and came back in minute {@code firstMinute}, whose quotes before the first one heard are lost
 * and are therefore all dropped — or it is still silent and {@code firstMinute} is the last completed minute. For
 * every minute from the last quote's minute (or, when no quote was delivered yet, from {@code fromMinute}) through
 * {@code firstMinute}, the repair emits quotes a bar aggregator turns into exactly that minute's candle:
 * <ul>
 *   <li>the minute of the last quote (part of it was delivered): its high, low and close, 1–3 ms after that quote,
 *       the close carrying the day volume at the minute's end;
 *   <li>every later minute: its open, high, low and close at the minute's start + 0–3 ms, the open, high and low at
 *       the previous minute's day volume, the close at this minute's — so the minute's volume is the candle's.
 * </ul>
 * The day volume at a minute's end is the sum of the candles' volumes from the session's first candle, never below
 * what the feed already reported. A minute without a candle (no trades) emits nothing.
 */
final class MinuteRepair {
  static final long MINUTE = 60_000L;

  private MinuteRepair() {}

  /**
   * @param sessionCandles the instrument's one-minute candles from the session's open through {@code firstMinute}'s,
   *                       in time order
   * @param lastMillis     the time of the last quote delivered before the gap, or 0 when none was
   * @param lastVolume     its cumulative day volume (0 when none)
   * @param fromMinute     the first minute to rebuild when no quote was delivered ({@code lastMillis} 0); ignored
   *                       otherwise (the last quote's minute is the first)
   * @param firstMinute    the start (epoch ms) of the last minute to rebuild: the one the feed came back in, or the
   *                       last completed one of a silent instrument
   */
  static List<Quote> quotes(Instrument instrument, List<Candle> sessionCandles, long lastMillis, long lastVolume,
      long fromMinute, long firstMinute) {
    long lastMinute = lastMillis > 0 ? minuteOf(lastMillis) : fromMinute;
    List<Quote> out = new ArrayList<>();
    long cumulative = 0;
    long emittedVolume = lastVolume;
    for (Candle c : sessionCandles) {
      long before = cumulative;
      cumulative += volumeOf(c);
      long m = c.startMillis();
      if (m < lastMinute || m > firstMinute) {
        continue;
      }
      long endVolume = Math.max(cumulative, emittedVolume);
      if (lastMillis > 0 && m == lastMinute) {
        long t = lastMillis;
        if (t + 3 >= m + MINUTE) {
          continue; // the last quote was the minute's last moment: nothing can follow it inside the minute
        }
        out.add(Quote.ltp(instrument, t + 1, c.high().units(), emittedVolume));
        out.add(Quote.ltp(instrument, t + 2, c.low().units(), emittedVolume));
        out.add(Quote.ltp(instrument, t + 3, c.close().units(), endVolume));
      } else {
        long startVolume = Math.max(before, emittedVolume);
        out.add(Quote.ltp(instrument, m, c.open().units(), startVolume));
        out.add(Quote.ltp(instrument, m + 1, c.high().units(), startVolume));
        out.add(Quote.ltp(instrument, m + 2, c.low().units(), startVolume));
        out.add(Quote.ltp(instrument, m + 3, c.close().units(), Math.max(endVolume, startVolume)));
      }
      emittedVolume = Math.max(endVolume, emittedVolume);
    }
    return out;
  }

  static long minuteOf(long millis) {
    return Math.floorDiv(millis, MINUTE) * MINUTE;
  }

  /** The start of the first minute that begins at or after {@code millis}. */
  static long ceilMinute(long millis) {
    return -minuteOf(-millis);
  }

  private static long volumeOf(Candle c) {
    return c.volume().longValue();
  }
}
