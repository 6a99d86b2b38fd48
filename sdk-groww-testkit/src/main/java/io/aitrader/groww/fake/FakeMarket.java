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
  private final Map<String, long[]> ranges = new ConcurrentHashMap<>();

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

  /** A day's trading up to a time: what quotes, LTP and OHLC report. */
  record Day(Tick last, long open, long high, long low, long volume, long turnoverUnits, long previousClose,
      long lastQuantity) {}

  /** The current session's trading of {@code instrument} up to {@code atMillis}; empty before any data. */
  Optional<Day> day(Instrument instrument, long atMillis) {
    Optional<TradingSession> s = sessionAt(atMillis);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    Optional<Minutes> mo = minutes(instrument, s.get());
    if (mo.isEmpty()) {
      return Optional.empty();
    }
    Minutes m = mo.get();
    Tick last = lastTick(instrument, atMillis).orElseThrow();
    int lastSlot = (int) ((last.timestampMillis() - s.get().openMillis()) / TICK_SPACING_MILLIS);
    long high = 0;
    long low = Long.MAX_VALUE;
    long turnover = 0;
    for (int slot = 0; slot <= lastSlot; slot++) {
      long p = m.tickPrice(slot);
      high = Math.max(high, p);
      low = Math.min(low, p);
      turnover += p * m.tickQuantity[slot];
    }
    long previousClose = sessionBefore(s.get().date()).flatMap(b -> minutes(instrument, b))
        .map(b -> b.close[b.size() - 1]).orElse(m.open[0]);
    return Optional.of(new Day(last, m.open[0], high, low, m.tickDayVolume[lastSlot], turnover, previousClose,
        m.tickQuantity[lastSlot]));
  }

  /** The highest high and lowest low of the complete sessions in the year before {@code atMillis} (52 weeks). */
  long[] yearRange(Instrument instrument, long atMillis) {
    LocalDate to = Ist.dateOf(atMillis).minusDays(1);
    String key = "52w:" + instrument.id() + "@" + to;
    long[] cached = ranges.get(key);
    if (cached != null) {
      return cached;
    }
    long high = 0;
    long low = Long.MAX_VALUE;
    try {
      LocalDate from = to.minusWeeks(52);
      if (from.isBefore(bars.anchor())) {
        from = bars.anchor();
      }
      if (!to.isBefore(from)) {
        for (Bar b : bars.bars(instrument, BarInterval.D1, from, to)) {
          high = Math.max(high, b.high());
          low = Math.min(low, b.low());
        }
      }
    } catch (ValidationException e) {
      high = 0;
    }
    long[] range = high == 0 ? new long[] {0, 0} : new long[] {high, low};
    if (ranges.size() > MAX_CACHED_SESSIONS) {
      ranges.clear();
    }
    ranges.put(key, range);
    return range;
  }

  /**
   * Candles of {@code interval} over {@code [fromMillis, toMillis)}, from the one-minute bars complete at {@code
   * nowMillis}: each {@code [openTime, open, high, low, close, volume]}. Intraday candles open at session open + k ×
   * interval; daily at the session open; weekly and monthly at the first session of the week (Monday-based) or
   * month.
   */
  List<long[]> candles(Instrument instrument, CandleInterval interval, long fromMillis, long toMillis,
      long nowMillis) {
    List<long[]> out = new ArrayList<>();
    long end = Math.min(toMillis, nowMillis);
    long[] current = null;
    long currentKey = Long.MIN_VALUE;
    for (TradingSession s : sessions(fromMillis, end)) {
      Optional<Minutes> mo = minutes(instrument, s);
      if (mo.isEmpty()) {
        continue;
      }
      Minutes m = mo.get();
      for (int i = 0; i < m.size(); i++) {
        long t = m.minuteTime(i);
        if (t < fromMillis || t >= toMillis || t + MINUTE > nowMillis) {
          continue;
        }
        long key = bucketKey(interval, s, t);
        if (current == null || key != currentKey) {
          if (current != null) {
            out.add(current);
          }
          currentKey = key;
          long openTime = interval.intraday() ? s.openMillis() + (t - s.openMillis()) / (interval.minutes * MINUTE)
              * interval.minutes * MINUTE : s.openMillis();
          current = new long[] {openTime, m.open[i], m.high[i], m.low[i], m.close[i], m.volume[i]};
        } else {
          current[2] = Math.max(current[2], m.high[i]);
          current[3] = Math.min(current[3], m.low[i]);
          current[4] = m.close[i];
          current[5] += m.volume[i];
        }
      }
    }
    if (current != null) {
      out.add(current);
    }
    return out;
  }

  private static long bucketKey(CandleInterval interval, TradingSession s, long t) {
    LocalDate d = s.date();
    switch (interval) {
      case D1:
        return d.toEpochDay();
      case W1:
        return d.toEpochDay() - d.getDayOfWeek().getValue();
      case MO1:
        return d.getYear() * 12L + d.getMonthValue();
      default:
        return s.date().toEpochDay() * 10_000 + (t - s.openMillis()) / (interval.minutes * MINUTE);
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
