package io.aitrader.core.market.synthetic;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.money.Price;
import io.aitrader.api.time.MarketCalendar;
import io.aitrader.api.time.TradingSession;
import io.aitrader.core.calendar.ExchangeCalendar;
import io.aitrader.core.instruments.ReferencePrices;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deterministic synthetic bars (candles) generated directly, without quotes or ticks: years of one-minute to daily
 * bars for dozens of instruments in seconds, for backtests when no market store is configured.
 *
 * <pre>{@code
 * SyntheticBars synthetic = SyntheticBars.builder().seed(7).build();    // NSE calendar, bundled prices
 * TradingSession day = ExchangeCalendar.nse().session(LocalDate.of(2025, 6, 2)).orElseThrow();
 * List<Bar> m5 = synthetic.session(reliance, BarInterval.M5, day);       // 75 bars, 09:15 .. 15:30 IST
 * List<Bar> year = synthetic.bars(reliance, BarInterval.D1, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
 * }</pre>
 *
 * <p><b>Model.</b> Each instrument has a daily path from the anchor date (default 2020-01-01, where it starts at
 * its start price): a trading day opens at the previous close moved by an overnight gap (20% of the daily
 * variance) and closes after an open-to-close log return (the other 80%, plus the drift); a special session
 * shorter than 375 minutes gets a proportional share. Within the session a one-minute path runs as a Brownian
 * bridge from that open to that close whose variance follows the intraday U of trading activity (busier at the
 * open and the close); each minute's high and low are drawn from the exact distribution of a Brownian bridge's
 * maximum and minimum between its endpoints. Prices are rounded to the instrument's tick, at least one tick, and
 * are exact {@code long} ₹0.0001 units ({@code double} is used only inside the random walk).
 *
 * <p><b>Volume.</b> Each instrument has a typical daily traded value between ₹50 and ₹800 crore (fixed by its
 * id), varied per day and spread over the minutes by the same U, with noise and more volume on bigger moves;
 * volume is a whole number of lots, at least one lot a minute. A minute's turnover is its volume times its typical
 * price {@code (open + high + low + close) / 4} in ₹0.0001 units, exact, so {@link Bar#vwap()} lies within the
 * bar's range; a bar's turnover is the sum of its minutes'. The trade count assumes trades of about ₹25,000, at
 * least one a minute and at most one per lot. Indices ({@code IDX}) have prices only: volume, turnover and trade
 * count are 0, as bars aggregated from index ticks are.
 *
 * <p><b>Consistency and determinism.</b> Every interval aggregates the same one-minute path: the M5, H1 or D1 bars
 * of a session equal the aggregation of its M1 bars exactly (open of the first, highest high, lowest low, close
 * of the last, sums of volume, turnover and trade count), bars open at session open + k × interval and the last is
 * cut at the close. A session's bars are a pure function of (seed, instrument id, date) — given the calendar,
 * anchor and model options — whichever dates, instruments or intervals were asked before and in whatever order:
 * every day draws from its own hashed random stream, and the daily closes are a prefix sum from the anchor,
 * cached per instrument in a {@code double[]}. Identical on every JVM ({@link StrictMath}).
 *
 * <p><b>Threading and cost.</b> Thread-safe; calls may run concurrently. A call allocates the returned bars and
 * their array; the first call for an instrument, or for a date later than any before, computes the daily path up
 * to it once (O(days)).
 */
public final class SyntheticBars {
  /** Share of a day's variance that accrues overnight, between the previous close and the open. */
  static final double OVERNIGHT_VARIANCE_SHARE = 0.2;
  /** Trading days per year, to scale annual volatility and drift to a day. */
  static final double TRADING_DAYS_PER_YEAR = 252;
  /** Median typical daily traded value in rupees (₹200 crore); instruments range over ÷4 .. ×4 of it. */
  private static final double TYPICAL_DAILY_VALUE_RUPEES = 2e9;
  /** Typical trade value in rupees, which sets the trade count. */
  private static final double TYPICAL_TRADE_RUPEES = 25_000;
  /** Mean of {@code 0.7 + 0.4·|z|} for a standard normal z: normalizes the move-volume coupling to mean 1. */
  private static final double MOVE_COUPLING_MEAN = 0.7 + 0.4 * Math.sqrt(2 / Math.PI);
  private static final long MINUTE_MILLIS = 60_000L;
  /** Dates are accepted up to this many days after the anchor (about 100 years). */
  private static final long MAX_DAYS_AFTER_ANCHOR = 36_525;
  /** How far beyond a requested date the trading-day index is scanned, so extensions stay rare. */
  private static final long SCAN_AHEAD_DAYS = 366;

  private final long seed;
  private final MarketCalendar calendar;
  private final ReferencePrices referencePrices;
  private final Map<String, Price> startPrices;
  private final Price fallbackStartPrice;
  private final double annualVolatility;
  private final double annualDrift;
  private final LocalDate anchor;
  private final long anchorDay;
  private final DailyPath.DayModel dayModel;
  private final ConcurrentHashMap<String, DailyPath> paths = new ConcurrentHashMap<>();
  private volatile TradingDays days;
  /** The seasonality of the last session length asked for (almost always the regular 375 minutes). */
  private volatile Seasonality lastSeason;

  private SyntheticBars(Builder b) {
    this.seed = b.seed;
    this.calendar = b.calendar;
    this.referencePrices = b.referencePrices;
    this.startPrices = Map.copyOf(b.startPrices);
    this.fallbackStartPrice = b.fallbackStartPrice;
    this.annualVolatility = b.annualVolatility;
    this.annualDrift = b.annualDrift;
    this.anchor = b.anchor;
    this.anchorDay = b.anchor.toEpochDay();
    double dailyVariance = annualVolatility * annualVolatility / TRADING_DAYS_PER_YEAR;
    double dailyLogDrift = (annualDrift - annualVolatility * annualVolatility / 2) / TRADING_DAYS_PER_YEAR;
    this.dayModel = new DailyPath.DayModel(Math.sqrt(dailyVariance * OVERNIGHT_VARIANCE_SHARE),
        dailyVariance * (1 - OVERNIGHT_VARIANCE_SHARE), dailyLogDrift);
    this.days = TradingDays.empty(anchorDay);
    this.lastSeason = new Seasonality(TradingDays.REGULAR_SESSION_MILLIS, true);
  }

  /** A builder with the defaults: NSE calendar, bundled reference prices, seed 42, 25% volatility, 5% drift. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The complete bars of {@code instrument} over one session: opening at {@code session.openMillis() + k ×
   * interval}, the last cut at the close (D1: one bar for the session). Immutable list, every bar complete.
   *
   * @throws ValidationException when the session's date is not a trading day of the calendar, is before the
   *     anchor date or more than about 100 years after it
   */
  public List<Bar> session(Instrument instrument, BarInterval interval, TradingSession session) {
    required(instrument, "SyntheticBars.instrument");
    required(interval, "SyntheticBars.interval");
    required(session, "SyntheticBars.session");
    if (!interval.isDaily() && interval.millis() < MINUTE_MILLIS) {
      throw new ValidationException("SyntheticBars.interval",
          "SyntheticBars.interval must be at least one minute (synthetic bars start at one minute), was " + interval);
    }
    long epochDay = session.date().toEpochDay();
    TradingDays index = tradingDaysThrough(epochDay);
    int k = index.indexOf(epochDay);
    if (k < 0) {
      throw new ValidationException("SyntheticBars.session",
          "SyntheticBars.session must be on a trading day of the " + calendar.exchange() + " calendar, was "
              + session.date() + " (" + session.date().getDayOfWeek()
              + calendar.holiday(session.date()).map(h -> ", " + h).orElse("") + ")");
    }
    DailyPath path = path(instrument);
    long dayKey = Draws.dayKey(path.instrumentKey, epochDay);
    double open = dayModel.logOpen(path.previousLogClose(k, index), dayKey);
    double close = path.logClose(k, index);
    double intradayVariance = dayModel.intradayVariance() * index.varianceShare(k);
    double dayValue = dailyValue(path.instrumentKey, dayKey);
    return generate(instrument, interval, session, season(session), open, close, intradayVariance, dayValue, dayKey);
  }

  /**
   * The bars of every trading day of the calendar from {@code from} to {@code to}, both inclusive, in time order.
   * Empty when there is none. Immutable list.
   */
  public List<Bar> bars(Instrument instrument, BarInterval interval, LocalDate from, LocalDate to) {
    required(from, "SyntheticBars.from");
    required(to, "SyntheticBars.to");
    check(!to.isBefore(from), "SyntheticBars.to", "must not be before from " + from, to);
    List<Bar> out = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      Optional<TradingSession> s = calendar.session(d);
      if (s.isPresent()) {
        out.addAll(session(instrument, interval, s.get()));
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** The price {@code instrument} starts from on the anchor date: set, else referenced, else the fallback. */
  public Price startPrice(Instrument instrument) {
    Price explicit = startPrices.get(instrument.id());
    return explicit != null ? explicit : referencePrices.find(instrument).orElse(fallbackStartPrice);
  }

  /** The seed. */
  public long seed() {
    return seed;
  }

  /** The calendar whose trading days make up the daily path. */
  public MarketCalendar calendar() {
    return calendar;
  }

  /** The date the daily paths start from, at their start prices. */
  public LocalDate anchor() {
    return anchor;
  }

  private TradingDays tradingDaysThrough(long epochDay) {
    if (epochDay < anchorDay || epochDay - anchorDay > MAX_DAYS_AFTER_ANCHOR) {
      throw new ValidationException("SyntheticBars.session", "SyntheticBars.session date must be within ["
          + anchor + ", " + LocalDate.ofEpochDay(anchorDay + MAX_DAYS_AFTER_ANCHOR) + "] (the anchor date and "
          + "about 100 years after; see Builder.anchor), was " + LocalDate.ofEpochDay(epochDay));
    }
    TradingDays d = days;
    return epochDay <= d.throughDay ? d : scanThrough(epochDay);
  }

  private synchronized TradingDays scanThrough(long epochDay) {
    TradingDays d = days;
    if (epochDay > d.throughDay) {
      long through = Math.min(anchorDay + MAX_DAYS_AFTER_ANCHOR, Math.max(epochDay, d.throughDay) + SCAN_AHEAD_DAYS);
      d = TradingDays.scan(calendar, anchorDay, through, d);
      days = d;
    }
    return d;
  }

  private DailyPath path(Instrument instrument) {
    DailyPath p = paths.get(instrument.id());
    return p != null ? p : paths.computeIfAbsent(instrument.id(), id -> new DailyPath(
        Draws.instrumentKey(seed, id), StrictMath.log(startPrice(instrument).units() / (double) Price.UNITS_PER_RUPEE),
        dayModel));
  }

  private Seasonality season(TradingSession session) {
    long length = session.closeMillis() - session.openMillis();
    Seasonality s = lastSeason;
    if (s.lengthMillis() != length) {
      s = new Seasonality(length, true);
      lastSeason = s;
    }
    return s;
  }

  /** The day's traded value in rupees: the instrument's typical value (÷4 .. ×4), varied by the day. */
  private static double dailyValue(long instrumentKey, long dayKey) {
    double instrumentLevel = StrictMath.pow(2, 4 * ((instrumentKey >>> 11) * 0x1.0p-53) - 2);
    double dayLevel = (0.6 + 0.8 * Draws.uniform(dayKey, 2)) * (0.75 + 0.3 * Math.abs(Draws.returnNormal(dayKey)));
    return TYPICAL_DAILY_VALUE_RUPEES * instrumentLevel * dayLevel;
  }

  /**
   * Walks the session's one-minute Brownian bridge from {@code open} to {@code close} (log rupees) and folds the
   * minutes into bars of {@code interval}. Allocates the bars and their array only.
   */
  private static List<Bar> generate(Instrument instrument, BarInterval interval, TradingSession session,
      Seasonality season, double open, double close, double intradayVariance, double dayValue, long dayKey) {
    long openMillis = session.openMillis();
    long closeMillis = session.closeMillis();
    int minutes = season.buckets();
    long barMillis = interval.isDaily() ? closeMillis - openMillis : interval.millis();
    int perBar = interval.isDaily() ? minutes : (int) (interval.millis() / MINUTE_MILLIS);
    Bar[] bars = new Bar[(minutes + perBar - 1) / perBar];
    long tick = instrument.tickSize().units();
    double ticksPerRupee = Price.UNITS_PER_RUPEE / (double) tick;
    boolean traded = instrument.type().isTradable();
    long lot = instrument.lotSize();
    double total = season.totalActivity();
    double variancePerActivity = intradayVariance / total;
    double valuePerActivity = dayValue / total / MOVE_COUPLING_MEAN;

    double x = open;
    long previousClose = units(open, ticksPerRupee, tick);
    long counter = Draws.FIRST_INTRADAY;
    double spare = 0;
    boolean hasSpare = false;
    int b = 0;
    int inBar = 0;
    long bo = 0;
    long bh = 0;
    long bl = 0;
    long bv = 0;
    long bt = 0;
    int bn = 0;
    for (int m = 0; m < minutes; m++) {
      double z;
      if (hasSpare) {
        z = spare;
        hasSpare = false;
      } else {
        double u;
        double v;
        double s;
        do {
          u = 2 * Draws.uniform(dayKey, counter++) - 1;
          v = 2 * Draws.uniform(dayKey, counter++) - 1;
          s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double f = Math.sqrt(-2 * StrictMath.log(s) / s);
        spare = v * f;
        hasSpare = true;
        z = u * f;
      }
      double done = season.cumulativeAt(m);
      double a = season.cumulativeAt(m + 1) - done;
      double remaining = total - done;
      double next;
      if (m == minutes - 1) {
        next = close;
      } else {
        double bridgeVariance = variancePerActivity * a * Math.max(0, remaining - a) / remaining;
        next = x + (close - x) * (a / remaining) + Math.sqrt(bridgeVariance) * z;
      }
      // extremes of a Brownian bridge from x to next with variance w: P(max > y) = exp(-2(y-x)(y-next)/w)
      double w = variancePerActivity * a;
      double d = next - x;
      double hiLog = 0.5 * (x + next + Math.sqrt(d * d - 2 * w * StrictMath.log(Draws.uniform(dayKey, counter++))));
      double loLog = 0.5 * (x + next - Math.sqrt(d * d - 2 * w * StrictMath.log(Draws.uniform(dayKey, counter++))));
      double noise = 0.5 + Draws.uniform(dayKey, counter++);
      x = next;

      long o = previousClose;
      long c = units(next, ticksPerRupee, tick);
      long h = Math.max(units(hiLog, ticksPerRupee, tick), Math.max(o, c));
      long l = Math.min(units(loLog, ticksPerRupee, tick), Math.min(o, c));
      previousClose = c;
      long volume = 0;
      long turnover = 0;
      int trades = 0;
      if (traded) {
        long typical = (o + h + l + c) >> 2;
        double value = valuePerActivity * a * noise * (0.7 + 0.4 * Math.abs(z));
        long lots = Math.max(1, (long) (value * Price.UNITS_PER_RUPEE / ((double) typical * lot) + 0.5));
        volume = lots * lot;
        turnover = volume * typical;
        trades = (int) Math.min(lots, Math.max(1, (long) (value / TYPICAL_TRADE_RUPEES + 0.5)));
      }
      if (inBar == 0) {
        bo = o;
        bh = h;
        bl = l;
        bv = volume;
        bt = turnover;
        bn = trades;
      } else {
        bh = Math.max(bh, h);
        bl = Math.min(bl, l);
        bv += volume;
        bt += turnover;
        bn += trades;
      }
      if (++inBar == perBar || m == minutes - 1) {
        long barOpen = openMillis + b * barMillis;
        bars[b++] = new Bar(instrument, interval, barOpen, Math.min(barOpen + barMillis, closeMillis), bo, bh, bl, c,
            bv, bt, bn, true);
        inBar = 0;
      }
    }
    return Collections.unmodifiableList(Arrays.asList(bars));
  }

  /** The price of log-rupees {@code x} in ₹0.0001 units, rounded to the tick, at least one tick. */
  private static long units(double x, double ticksPerRupee, long tick) {
    return Math.max(1, Math.round(StrictMath.exp(x) * ticksPerRupee)) * tick;
  }

  /**
   * Builds {@link SyntheticBars}. Defaults: seed 42, {@link ExchangeCalendar#nse()}, {@link
   * ReferencePrices#bundledNse()}, fallback start price ₹1,000, annual volatility 0.25, annual drift 0.05, anchor
   * date 2020-01-01. Not thread-safe.
   */
  public static final class Builder {
    private long seed = 42;
    private MarketCalendar calendar = ExchangeCalendar.nse();
    private ReferencePrices referencePrices = ReferencePrices.bundledNse();
    private final Map<String, Price> startPrices = new HashMap<>();
    private Price fallbackStartPrice = Price.ofRupees(1_000);
    private double annualVolatility = 0.25;
    private double annualDrift = 0.05;
    private LocalDate anchor = LocalDate.of(2020, 1, 1);

    private Builder() {}

    public Builder seed(long v) {
      this.seed = v;
      return this;
    }

    /** The calendar whose trading days the daily path steps through; sessions passed in must be its sessions. */
    public Builder calendar(MarketCalendar v) {
      this.calendar = required(v, "SyntheticBars.calendar");
      return this;
    }

    /** Where start prices come from when not set one by one; {@link ReferencePrices#empty()} for none. */
    public Builder referencePrices(ReferencePrices v) {
      this.referencePrices = required(v, "SyntheticBars.referencePrices");
      return this;
    }

    /** The start price of one instrument (by id) on the anchor date, overriding the reference prices. */
    public Builder startPrice(Instrument instrument, Price price) {
      required(instrument, "SyntheticBars.startPrice.instrument");
      check(price.isPositive(), "SyntheticBars.startPrice", "must be > 0 for " + instrument.id(), price);
      startPrices.put(instrument.id(), price);
      return this;
    }

    /** The start price of instruments with neither a set nor a reference price; ₹1,000 by default. */
    public Builder fallbackStartPrice(Price v) {
      check(v.isPositive(), "SyntheticBars.fallbackStartPrice", "must be > 0", v);
      this.fallbackStartPrice = v;
      return this;
    }

    /** Annualized volatility of log returns, e.g. 0.25 for 25%; in [0, 2]. */
    public Builder annualVolatility(double v) {
      check(v >= 0 && v <= 2, "SyntheticBars.annualVolatility", "must be within [0, 2]", v);
      this.annualVolatility = v;
      return this;
    }

    /** Annualized expected return, e.g. 0.05 for +5% a year; in [-1, 1]. */
    public Builder annualDrift(double v) {
      check(v >= -1 && v <= 1, "SyntheticBars.annualDrift", "must be within [-1, 1]", v);
      this.annualDrift = v;
      return this;
    }

    /**
     * The date the daily paths start from, at the start prices; sessions before it are refused. Moving it
     * changes every path. 2020-01-01 by default.
     */
    public Builder anchor(LocalDate v) {
      this.anchor = required(v, "SyntheticBars.anchor");
      return this;
    }

    public SyntheticBars build() {
      return new SyntheticBars(this);
    }
  }
}
