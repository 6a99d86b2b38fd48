package io.aitrader.groww.rest;

import io.aitrader.api.ValidationException;
import io.aitrader.api.market.BarInterval;
import java.time.Duration;

/**
 * Groww's {@code candle_interval} values with the longest span one candles request may cover (§3.7): 30 days for
 * 1–5 minutes, 90 days for 10–30 minutes, 180 days from one hour up.
 */
public enum CandleInterval {
  MINUTE_1("1minute", 1, 30),
  MINUTE_2("2minute", 2, 30),
  MINUTE_3("3minute", 3, 30),
  MINUTE_5("5minute", 5, 30),
  MINUTE_10("10minute", 10, 90),
  MINUTE_15("15minute", 15, 90),
  MINUTE_30("30minute", 30, 90),
  HOUR_1("1hour", 60, 180),
  HOUR_4("4hour", 240, 180),
  DAY_1("1day", 1440, 180),
  WEEK_1("1week", 10_080, 180),
  MONTH_1("1month", 43_200, 180);

  private final String wireName;
  private final long minutes;
  private final int maxSpanDays;

  CandleInterval(String wireName, long minutes, int maxSpanDays) {
    this.wireName = wireName;
    this.minutes = minutes;
    this.maxSpanDays = maxSpanDays;
  }

  /** The wire value, e.g. {@code 5minute}. */
  public String wireName() {
    return wireName;
  }

  /** The nominal length (a month counts 30 days). */
  public Duration length() {
    return Duration.ofMinutes(minutes);
  }

  /** The longest span one request may cover. */
  public Duration maxSpan() {
    return Duration.ofDays(maxSpanDays);
  }

  /** The Groww interval of an SDK bar interval. */
  public static CandleInterval of(BarInterval interval) {
    ValidationException.required(interval, "CandleInterval.interval");
    for (CandleInterval c : values()) {
      if (c.wireName.equals(interval.growwName())) {
        return c;
      }
    }
    throw new ValidationException("CandleInterval.interval", "CandleInterval.interval has no Groww candle interval, was "
        + interval);
  }
}
