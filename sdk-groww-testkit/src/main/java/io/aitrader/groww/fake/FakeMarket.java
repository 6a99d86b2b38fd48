package io.aitrader.groww.fake;

import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentType;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.market.Tick;
import io.aitrader.api.time.Ist;
import io.aitrader.api.time.MarketCalendar;
import io.aitrader.api.time.TradingSession;
import io.aitrader.core.market.synthetic.SyntheticBars;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fake's market: deterministic one-minute bars from {@link SyntheticBars} (a pure function of seed, instrument
 * and date), and the ticks derived from them. Quotes, LTP, OHLC, historical candles and order fills all come from
 * the same path, so they agree with each other exactly.
 *
 * <pre>{@code
 * FakeMarket market = FakeMarket.synthetic(7);
 * Optional<Tick> last = market.lastTick(reliance, clock.currentTimeMillis());
 * List<Tick> ticks = market.ticks(reliance, from, to);     // e.g. to publish them on a feed
 * }</pre>
 *
 * <p><b>Ticks.</b> Each one-minute bar opening at {@code t} gives four ticks, at {@code t}, {@code t+15s},
 * {@code t+30s} and {@code t+45s}: open, low, high, close for a rising bar, open, high, low, close for a falling
 * one; the bar's volume is split over them in whole lots (cumulative day volume on each tick); bid and ask are one
 * tick size around the price. Indices have prices only (no volume, no book). There are no ticks outside a
 * session's {@code [open, close)}.
 *
 * <p>Thread-safe; sessions' bars are cached (bounded).
 */
public final class FakeMarket {
  /** Ticks per one-minute bar. */
  public static final int TICKS_PER_MINUTE = 4;
  /** Milliseconds between the ticks of one minute. */
  public static final long TICK_SPACING_MILLIS = 15_000L;
  private static final long MINUTE = 60_000L;
  private static final int MAX_CACHED_SESSIONS = 2048;
  private static final int LOOK_BACK_DAYS = 15;

  private final SyntheticBars bars;
  private final MarketCalendar calendar;
  private final Map<String, Minutes> cache = new ConcurrentHashMap<>();

  private FakeMarket(SyntheticBars bars) {
    this.bars = bars;
    this.calendar = bars.calendar();
  }

  /** A synthetic NSE market with this seed (bundled reference prices, NSE calendar, paths from 2020-01-01). */
  public static FakeMarket synthetic(long seed) {
    return new FakeMarket(SyntheticBars.builder().seed(seed).build());
  }

  /** A market over custom synthetic bars (another calendar, anchor, start prices or volatility). */
  public static FakeMarket of(SyntheticBars bars) {
    return new FakeMarket(required(bars, "FakeMarket.bars"));
  }

  public MarketCalendar calendar() {
    return calendar;
  }

  /** The latest session that opened at or before {@code atMillis} (within the last two weeks). */
  public Optional<TradingSession> sessionAt(long atMillis) {
    LocalDate d = Ist.dateOf(atMillis);
    for (int i = 0; i < LOOK_BACK_DAYS; i++, d = d.minusDays(1)) {
      Optional<TradingSession> s = calendar.session(d);
      if (s.isPresent() && s.get().openMillis() <= atMillis) {
        return s;
      }
    }
    return Optional.empty();
  }

  /** The session before the one on {@code date}. */
  Optional<TradingSession> sessionBefore(LocalDate date) {
    LocalDate d = date.minusDays(1);
    for (int i = 0; i < LOOK_BACK_DAYS; i++, d = d.minusDays(1)) {
      Optional<TradingSession> s = calendar.session(d);
      if (s.isPresent()) {
        return s;
      }
    }
    return Optional.empty();
  }

  /** The last tick stamped at or before {@code atMillis}: the current price. Empty before the market's data. */
  public Optional<Tick> lastTick(Instrument instrument, long atMillis) {
    Optional<TradingSession> s = sessionAt(atMillis);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    Optional<Minutes> m = minutes(instrument, s.get());
    if (m.isEmpty()) {
      return Optional.empty();
    }
    Minutes mm = m.get();
    long offset = Math.min(atMillis, s.get().closeMillis() - 1) - s.get().openMillis();
    int slot = (int) Math.min(offset / TICK_SPACING_MILLIS, (long) mm.size() * TICKS_PER_MINUTE - 1);
    return Optional.of(mm.tick(slot));
  }

  /** The ticks stamped in {@code (fromExclusive, toInclusive]}, in time order. */
  public List<Tick> ticks(Instrument instrument, long fromExclusive, long toInclusive) {
    List<Tick> out = new ArrayList<>();
    forEachSession(fromExclusive + 1, toInclusive, s -> minutes(instrument, s).ifPresent(m -> {
      for (int slot = 0; slot < m.size() * TICKS_PER_MINUTE; slot++) {
        long t = m.tickTime(slot);
        if (t > fromExclusive && t <= toInclusive) {
          out.add(m.tick(slot));
        }
      }
    }));
    return out;
  }

  /** The sessions overlapping {@code [fromMillis, toMillis]}, in order. */
  List<TradingSession> sessions(long fromMillis, long toMillis) {
    List<TradingSession> out = new ArrayList<>();
    forEachSession(fromMillis, toMillis, out::add);
    return out;
  }

  private void forEachSession(long fromMillis, long toMillis, java.util.function.Consumer<TradingSession> action) {
    if (toMillis < fromMillis) {
      return;
    }
    LocalDate last = Ist.dateOf(toMillis);
    for (LocalDate d = Ist.dateOf(fromMillis); !d.isAfter(last); d = d.plusDays(1)) {
      Optional<TradingSession> s = calendar.session(d);
      if (s.isPresent() && s.get().closeMillis() > fromMillis && s.get().openMillis() <= toMillis) {
        action.accept(s.get());
      }
    }
  }

  /** One-minute bars of a session, cached; empty for a date the synthetic bars cannot produce. */
  Optional<Minutes> minutes(Instrument instrument, TradingSession session) {
    String key = instrument.id() + "@" + session.date();
    Minutes m = cache.get(key);
    if (m != null) {
      return Optional.of(m);
    }
    List<Bar> list;
    try {
      list = bars.session(instrument, BarInterval.M1, session);
    } catch (ValidationException e) {
      return Optional.empty();
    }
    if (list.isEmpty()) {
      return Optional.empty();
    }
    if (cache.size() > MAX_CACHED_SESSIONS) {
      cache.clear();
    }
    m = new Minutes(instrument, session, list);
    cache.put(key, m);
    return Optional.of(m);
  }

  /** One session's one-minute bars of one instrument as arrays, and the ticks they give. */
  static final class Minutes {
    final Instrument instrument;
    final TradingSession session;
    final long[] open;
    final long[] high;
    final long[] low;
    final long[] close;
    final long[] volume;
    /** Cumulative session volume up to and including each tick slot. */
    final long[] tickDayVolume;
    final long[] tickQuantity;

    Minutes(Instrument instrument, TradingSession session, List<Bar> bars) {
      this.instrument = instrument;
      this.session = session;
      int n = bars.size();
      open = new long[n];
      high = new long[n];
      low = new long[n];
      close = new long[n];
      volume = new long[n];
      tickDayVolume = new long[n * TICKS_PER_MINUTE];
      tickQuantity = new long[n * TICKS_PER_MINUTE];
      boolean index = instrument.type() == InstrumentType.IDX;
      long lot = instrument.lotSize();
      long cumulative = 0;
      for (int i = 0; i < n; i++) {
        Bar b = bars.get(i);
        open[i] = b.open();
        high[i] = b.high();
        low[i] = b.low();
        close[i] = b.close();
        volume[i] = index ? 0 : b.volume();
        long lots = volume[i] / lot;
        long each = lots / TICKS_PER_MINUTE;
        for (int k = 0; k < TICKS_PER_MINUTE; k++) {
          long q = (k == TICKS_PER_MINUTE - 1 ? lots - each * (TICKS_PER_MINUTE - 1) : each) * lot;
          cumulative += q;
          tickQuantity[i * TICKS_PER_MINUTE + k] = q;
          tickDayVolume[i * TICKS_PER_MINUTE + k] = cumulative;
        }
      }
    }

    int size() {
      return open.length;
    }

    long minuteTime(int i) {
      return session.openMillis() + i * MINUTE;
    }

    long tickTime(int slot) {
      return session.openMillis() + slot * TICK_SPACING_MILLIS;
    }

    long tickPrice(int slot) {
      int i = slot / TICKS_PER_MINUTE;
      boolean rising = close[i] >= open[i];
      switch (slot % TICKS_PER_MINUTE) {
        case 0:
          return open[i];
        case 1:
          return rising ? low[i] : high[i];
        case 2:
          return rising ? high[i] : low[i];
        default:
          return close[i];
      }
    }

    Tick tick(int slot) {
      long price = tickPrice(slot);
      if (instrument.type() == InstrumentType.IDX) {
        return new Tick(instrument, tickTime(slot), price, 0, 0, 0, 0, 0, 0, 0);
      }
      long tickSize = instrument.tickSize().units();
      long lot = instrument.lotSize();
      long bid = price - tickSize;
      long bidQty = lot * (1 + (slot * 7L) % 40);
      long askQty = lot * (1 + (slot * 11L + 3) % 40);
      return new Tick(instrument, tickTime(slot), price, tickQuantity[slot], tickDayVolume[slot],
          bid > 0 ? bid : 0, bid > 0 ? bidQty : 0, price + tickSize, askQty, 0);
    }

    /** The index of the last minute complete at {@code atMillis}, or -1. */
    int lastCompleteMinute(long atMillis) {
      long done = (atMillis - session.openMillis()) / MINUTE - 1;
      return (int) Math.min(done, size() - 1);
    }
  }
}
