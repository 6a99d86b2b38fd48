package io.aitrader.core.bars;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.BarAggregator;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.market.BarListener;
import io.aitrader.api.market.Tick;
import io.aitrader.api.time.Ist;
import io.aitrader.api.time.MarketCalendar;
import io.aitrader.api.time.TradingSession;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Builds time bars (candles) of several intervals from ticks, aligned to the exchange session: an intraday bar
 * starts at {@code sessionOpen + k × interval} (09:15, 09:20, … for 5m on NSE) and the last one of the day is cut
 * at the session close; the daily bar spans the session.
 *
 * <pre>{@code
 * BarAggregator bars = TimeBarAggregator.builder()
 *     .calendar(ExchangeCalendar.nse())
 *     .intervals(BarInterval.M1, BarInterval.M5)
 *     .listener(bar -> bus.publish(Topics.bars(bar.interval()), bar.toBar()))
 *     .build();
 * feed ticks: bars.onTick(tick) ...; at the end: bars.advanceTo(sessionClose);
 * }</pre>
 *
 * <p><b>When a bar is emitted.</b> A bar is complete when its interval has ended, which the aggregator learns
 * (a) from a later tick of the same instrument, (b) from the event-time <em>watermark</em>: every tick moves it to
 * {@code tick time − watermarkLag}, and {@link #advanceTo} moves it explicitly (a timer in live trading, the
 * session close in a replay); every bar whose close time is at or before the watermark is emitted, whatever its
 * instrument. {@link #flush()} emits running bars at once, marked incomplete unless their interval has ended.
 *
 * <p><b>Policies.</b> Ticks outside the session (pre-open, after close, holidays, weekends) are dropped and
 * counted. A tick is late — dropped and counted — when it is older than its instrument's previous tick, or when
 * the watermark has already passed the end of a bar it would belong to (so no bar is ever changed after it was
 * emitted). An interval with no ticks produces no bar unless {@link Builder#fillGaps(boolean)} is on;
 * then it gets a flat bar at the previous close with zero volume (within the session only). A tick with quantity 0
 * moves the prices but adds no volume and no trade. OHLC, volume, turnover (Σ price × quantity) and trade count
 * are exact {@code long} arithmetic.
 *
 * <p><b>Hot path.</b> Per tick: one hash lookup, a few array updates per interval, no allocation in steady
 * state (bars are passed as a reused {@link io.aitrader.api.market.BarView}; call {@code toBar()} to keep one).
 *
 * <p>Threading: single writer; do not call back into the aggregator from a listener. {@link #stats()} read from
 * another thread may be slightly stale.
 */
public final class TimeBarAggregator implements BarAggregator {

  private final MarketCalendar calendar;
  private final BarInterval[] intervals;
  private final long[] intervalMillis;
  private final Set<BarInterval> intervalSet;
  private final BarListener listener;
  private final @Nullable BarListener partialListener;
  private final boolean fillGaps;
  private final long watermarkLagMillis;
  private final ReusableBarView view;

  private final Map<Instrument, Slot> slots = new HashMap<>();
  private Slot[] slotList = new Slot[16];
  private int slotCount;

  private long sessionDay = Long.MIN_VALUE;
  private boolean sessionExists;
  private long sessionOpen;
  private long sessionClose;

  private long watermark = Long.MIN_VALUE;
  /** A lower bound of the earliest close time among running (or gap-fillable) bars. */
  private long nextCloseTime = Long.MAX_VALUE;

  private long ticksAccepted;
  private long ticksLate;
  private long ticksOutsideSession;
  private long barsEmitted;

  private TimeBarAggregator(Builder b) {
    this.calendar = required(b.calendar, "TimeBarAggregator.calendar");
    this.listener = required(b.listener, "TimeBarAggregator.listener");
    check(!b.intervals.isEmpty(), "TimeBarAggregator.intervals", "must name at least one interval", b.intervals);
    check(!b.watermarkLag.isNegative(), "TimeBarAggregator.watermarkLag", "must be >= 0", b.watermarkLag);
    this.intervals = b.intervals.toArray(new BarInterval[0]);
    this.intervalMillis = new long[intervals.length];
    for (int j = 0; j < intervals.length; j++) {
      intervalMillis[j] = intervals[j].millis();
    }
    this.intervalSet = Collections.unmodifiableSet(EnumSet.copyOf(b.intervals));
    this.partialListener = b.partialListener;
    this.fillGaps = b.fillGaps;
    this.watermarkLagMillis = b.watermarkLag.toMillis();
    this.view = new ReusableBarView(placeholderInstrument(), intervals[0]);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void onTick(Tick tick) {
    onTrade(tick.instrument(), tick.timestampMillis(), tick.lastPrice(), tick.lastQuantity());
  }

  /**
   * Same as {@link #onTick} for a print given as primitives: the allocation-free entry point for feed decoders
   * and replays that do not materialize {@link Tick}s. Arguments are trusted (price > 0, quantity ≥ 0).
   */
  public void onTrade(Instrument instrument, long timestampMillis, long price, long qty) {
    long t = timestampMillis;
    long w = t - watermarkLagMillis;
    if (w > watermark) {
      watermark = w;
      if (w >= nextCloseTime) {
        closeDue(w);
      }
    }
    if (!inSession(t)) {
      ticksOutsideSession++;
      return;
    }
    Slot s = slots.get(instrument);
    if (s == null) {
      s = newSlot(instrument);
    }
    if (t < s.lastTickTime || t < s.closedThrough || (t < watermark && earliestClose(t) <= watermark)) {
      ticksLate++;
      return;
    }
    s.lastTickTime = t;
    for (int j = 0; j < intervalMillis.length; j++) {
      if (s.active[j] && t >= s.barClose[j]) {
        emit(s, j, true);
      }
      if (s.active[j]) {
        if (price > s.high[j]) {
          s.high[j] = price;
        }
        if (price < s.low[j]) {
          s.low[j] = price;
        }
        s.close[j] = price;
        if (qty > 0) {
          s.volume[j] += qty;
          s.turnover[j] += price * qty;
          s.trades[j]++;
        }
      } else {
        startBar(s, j, t, price, qty);
      }
      if (partialListener != null) {
        view.set(s.instrument, intervals[j], s.barOpen[j], s.barClose[j], s.open[j], s.high[j], s.low[j],
            s.close[j], s.volume[j], s.turnover[j], s.trades[j], false);
        partialListener.onBar(view);
      }
    }
    ticksAccepted++;
  }

  @Override
  public void advanceTo(long timestampMillis) {
    if (timestampMillis > watermark) {
      watermark = timestampMillis;
    }
    if (watermark >= nextCloseTime) {
      closeDue(watermark);
    }
  }

  @Override
  public void flush() {
    for (int i = 0; i < slotCount; i++) {
      Slot s = slotList[i];
      for (int j = 0; j < intervalMillis.length; j++) {
        if (s.active[j]) {
          emit(s, j, s.barClose[j] <= watermark);
        }
      }
    }
    nextCloseTime = Long.MAX_VALUE;
  }

  @Override
  public Set<BarInterval> intervals() {
    return intervalSet;
  }

  @Override
  public Stats stats() {
    return new Stats(ticksAccepted, ticksLate, ticksOutsideSession, barsEmitted);
  }

  /** Emits every bar (and, with gap filling, every empty interval) whose close is at or before {@code w}. */
  private void closeDue(long w) {
    long next = Long.MAX_VALUE;
    for (int i = 0; i < slotCount; i++) {
      Slot s = slotList[i];
      for (int j = 0; j < intervalMillis.length; j++) {
        if (s.active[j] && s.barClose[j] <= w) {
          emit(s, j, true);
        }
        if (fillGaps && !s.active[j]) {
          fillGapsUntil(s, j, w);
        }
        if (s.active[j]) {
          next = Math.min(next, s.barClose[j]);
        } else if (fillGaps && s.emittedClose[j] < s.sessionClose[j]) {
          next = Math.min(next, Math.min(s.emittedClose[j] + intervalMillis[j], s.sessionClose[j]));
        }
      }
    }
    nextCloseTime = next;
  }

  /** Emits flat bars for the empty intervals of {@code s}'s last session that closed at or before {@code w}. */
  private void fillGapsUntil(Slot s, int j, long w) {
    long open = s.emittedClose[j];
    while (open < s.sessionClose[j] && open > s.sessionOpen[j]) {
      long close = Math.min(open + intervalMillis[j], s.sessionClose[j]);
      if (close > w) {
        return;
      }
      emitFlat(s, j, open, close);
      open = close;
    }
  }

  /** The earliest close time among the bars that would contain {@code t} (slow path: lagging ticks only). */
  private long earliestClose(long t) {
    long earliest = sessionClose;
    for (int j = 0; j < intervalMillis.length; j++) {
      if (!intervals[j].isDaily()) {
        long m = intervalMillis[j];
        earliest = Math.min(earliest, sessionOpen + ((t - sessionOpen) / m + 1) * m);
      }
    }
    return earliest;
  }

  private void startBar(Slot s, int j, long t, long price, long qty) {
    long open;
    long close;
    if (intervals[j].isDaily()) {
      open = sessionOpen;
      close = sessionClose;
    } else {
      long m = intervalMillis[j];
      open = sessionOpen + (t - sessionOpen) / m * m;
      close = Math.min(open + m, sessionClose);
    }
    if (fillGaps && s.sessionOpen[j] == sessionOpen) {
      // same session as the previous bar: fill the empty intervals in between
      for (long o = s.emittedClose[j]; o < open; o = Math.min(o + intervalMillis[j], sessionClose)) {
        emitFlat(s, j, o, Math.min(o + intervalMillis[j], sessionClose));
      }
    }
    s.sessionOpen[j] = sessionOpen;
    s.sessionClose[j] = sessionClose;
    s.barOpen[j] = open;
    s.barClose[j] = close;
    s.open[j] = price;
    s.high[j] = price;
    s.low[j] = price;
    s.close[j] = price;
    s.volume[j] = qty;
    s.turnover[j] = price * qty;
    s.trades[j] = qty > 0 ? 1 : 0;
    s.active[j] = true;
    if (close < nextCloseTime) {
      nextCloseTime = close;
    }
  }

  private void emit(Slot s, int j, boolean complete) {
    view.set(s.instrument, intervals[j], s.barOpen[j], s.barClose[j], s.open[j], s.high[j], s.low[j], s.close[j],
        s.volume[j], s.turnover[j], s.trades[j], complete);
    s.active[j] = false;
    s.emittedClose[j] = s.barClose[j];
    s.lastClosePrice[j] = s.close[j];
    if (s.barClose[j] > s.closedThrough) {
      s.closedThrough = s.barClose[j];
    }
    barsEmitted++;
    listener.onBar(view);
  }

  private void emitFlat(Slot s, int j, long open, long close) {
    long p = s.lastClosePrice[j];
    view.set(s.instrument, intervals[j], open, close, p, p, p, p, 0, 0, 0, true);
    s.emittedClose[j] = close;
    if (close > s.closedThrough) {
      s.closedThrough = close;
    }
    barsEmitted++;
    listener.onBar(view);
  }

  private boolean inSession(long t) {
    long day = Ist.epochDayOf(t);
    if (day != sessionDay) {
      loadSession(day);
    }
    return sessionExists && t >= sessionOpen && t < sessionClose;
  }

  private void loadSession(long day) {
    sessionDay = day;
    Optional<TradingSession> session = calendar.session(LocalDate.ofEpochDay(day));
    sessionExists = session.isPresent();
    if (sessionExists) {
      sessionOpen = session.get().openMillis();
      sessionClose = session.get().closeMillis();
    }
  }

  private Slot newSlot(Instrument instrument) {
    Slot s = new Slot(instrument, intervals.length);
    slots.put(instrument, s);
    if (slotCount == slotList.length) {
      slotList = Arrays.copyOf(slotList, slotCount * 2);
    }
    slotList[slotCount++] = s;
    return s;
  }

  private static Instrument placeholderInstrument() {
    return Instrument.builder().exchange(io.aitrader.api.instrument.Exchange.NSE)
        .segment(io.aitrader.api.instrument.Segment.CASH).type(io.aitrader.api.instrument.InstrumentType.EQ)
        .tradingSymbol("NONE").exchangeToken("0").tickSize(io.aitrader.api.money.Price.ofUnits(1)).build();
  }

  /** The running bars of one instrument, one array element per interval. */
  private static final class Slot {
    final Instrument instrument;
    long lastTickTime = Long.MIN_VALUE;
    long closedThrough = Long.MIN_VALUE;
    final boolean[] active;
    final long[] barOpen;
    final long[] barClose;
    final long[] open;
    final long[] high;
    final long[] low;
    final long[] close;
    final long[] volume;
    final long[] turnover;
    final int[] trades;
    final long[] emittedClose;
    final long[] lastClosePrice;
    final long[] sessionOpen;
    final long[] sessionClose;

    Slot(Instrument instrument, int n) {
      this.instrument = instrument;
      active = new boolean[n];
      barOpen = new long[n];
      barClose = new long[n];
      open = new long[n];
      high = new long[n];
      low = new long[n];
      close = new long[n];
      volume = new long[n];
      turnover = new long[n];
      trades = new int[n];
      emittedClose = new long[n];
      lastClosePrice = new long[n];
      sessionOpen = new long[n];
      sessionClose = new long[n];
    }
  }

  /** Configures a {@link TimeBarAggregator}. Not thread-safe. */
  public static final class Builder {
    private @Nullable MarketCalendar calendar;
    private final EnumSet<BarInterval> intervals = EnumSet.noneOf(BarInterval.class);
    private @Nullable BarListener listener;
    private @Nullable BarListener partialListener;
    private boolean fillGaps;
    private Duration watermarkLag = Duration.ofSeconds(1);

    private Builder() {}

    /** The exchange calendar that defines sessions (required). */
    public Builder calendar(MarketCalendar calendar) {
      this.calendar = calendar;
      return this;
    }

    /** The intervals to build (at least one). */
    public Builder intervals(BarInterval... intervals) {
      this.intervals.addAll(Arrays.asList(intervals));
      return this;
    }

    public Builder intervals(Set<BarInterval> intervals) {
      this.intervals.addAll(intervals);
      return this;
    }

    /** Receives complete bars (and incomplete ones on {@link TimeBarAggregator#flush()}); required. */
    public Builder listener(BarListener listener) {
      this.listener = listener;
      return this;
    }

    /** Optional: receives the running (partial) bar of every interval after each accepted tick. */
    public Builder partialListener(BarListener partialListener) {
      this.partialListener = partialListener;
      return this;
    }

    /** Emit flat, zero-volume bars for intervals without ticks inside a session (default: off, no fake bars). */
    public Builder fillGaps(boolean fillGaps) {
      this.fillGaps = fillGaps;
      return this;
    }

    /**
     * How far event time may lag between instruments (default 1 s): each tick closes other instruments' bars that
     * ended more than this before it. 0 suits a single time-ordered stream (replays and backtests).
     */
    public Builder watermarkLag(Duration watermarkLag) {
      this.watermarkLag = required(watermarkLag, "TimeBarAggregator.watermarkLag");
      return this;
    }

    public TimeBarAggregator build() {
      return new TimeBarAggregator(this);
    }
  }
}
