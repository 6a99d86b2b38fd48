package io.aitrader.core.market.synthetic;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentType;
import io.aitrader.api.money.Price;

/**
 * One instrument's random process: event times (a Poisson process in the session's activity time), the latent
 * price (geometric Brownian motion in activity time, so variance follows the intraday U), trade sizes (Pareto,
 * whole lots) and the book sizes. Its random numbers come only from its own {@link Rng}, keyed by the instrument
 * id, so other instruments never change its stream. The latent price is a {@code double} (it is a model state,
 * not money); every emitted price is an exact multiple of the tick size, at least one tick. Not thread-safe.
 */
final class InstrumentStream {
  /** Pareto tail index of trade sizes: heavy tail, finite mean. */
  private static final double TRADE_SIZE_ALPHA = 1.6;
  /** Largest trade, in multiples of the typical one. */
  private static final double MAX_TRADE_MULTIPLE = 2_000;
  /** Typical trade value in rupees, which sets the typical trade size. */
  private static final double TYPICAL_TRADE_RUPEES = 25_000;
  /** Share of a session's variance that accrues overnight. */
  private static final double OVERNIGHT_VARIANCE_SHARE = 0.3;

  final Instrument instrument;
  private final Rng rng;
  private final long tickUnits;
  private final long lot;
  private final long typicalLots;
  private final boolean traded;
  private final double eventsPerActivityMilli;
  private final double variancePerActivityMilli;
  private final double driftPerActivityMilli;
  private final double repeatProbability;
  private double logPrice;

  private Seasonality season;
  private long open;
  private long close;
  private double act;
  private double prevAct;
  private int bucket;
  private long lastTime;

  long dayVolume;
  long lastPrice;
  long bidQuantity;
  long askQuantity;
  boolean repeat;

  InstrumentStream(Instrument instrument, long seed, Price startPrice, double annualVolatility, double annualDrift,
      double ticksPerSecond, double repeatProbability, Seasonality firstSeason) {
    this.instrument = instrument;
    this.rng = new Rng(seed, Rng.keyOf(instrument.id()));
    this.tickUnits = instrument.tickSize().units();
    this.lot = instrument.lotSize();
    this.traded = instrument.type() != InstrumentType.IDX;
    double start = startPrice.units() / (double) Price.UNITS_PER_RUPEE;
    this.typicalLots = Math.max(1, Math.round(TYPICAL_TRADE_RUPEES / (start * lot)));
    this.logPrice = StrictMath.log(start);
    double yearMillis = 252.0 * firstSeason.lengthMillis();
    double variance = annualVolatility * annualVolatility;
    this.variancePerActivityMilli = variance / yearMillis;
    this.driftPerActivityMilli = (annualDrift - variance / 2) / yearMillis;
    this.eventsPerActivityMilli = ticksPerSecond / 1000.0;
    this.repeatProbability = repeatProbability;
    this.season = firstSeason;
    this.lastPrice = roundToTick();
  }

  /** Resets the day's state for a session; after the first, applies an overnight move. */
  void startSession(Seasonality s, long openMillis, long closeMillis, boolean overnight) {
    if (overnight) {
      logPrice += StrictMath.sqrt(variancePerActivityMilli * s.lengthMillis() * OVERNIGHT_VARIANCE_SHARE)
          * rng.nextGaussian();
    }
    season = s;
    open = openMillis;
    close = closeMillis;
    dayVolume = 0;
    prevAct = 0;
    bucket = 0;
    lastTime = openMillis;
    act = rng.nextExponential() / eventsPerActivityMilli;
  }

  /** The time of the next event, or -1 when there is none before the close. */
  long nextTime() {
    int buckets = season.buckets();
    if (act >= season.totalActivity()) {
      return -1;
    }
    while (bucket < buckets - 1 && act >= season.cumulativeAt(bucket + 1)) {
      bucket++;
    }
    long offset = (long) ((act - season.cumulativeAt(bucket)) / season.rate(bucket));
    long t = open + bucket * Seasonality.BUCKET_MILLIS + offset;
    t = Math.min(Math.max(t, lastTime), close - 1);
    lastTime = t;
    return t;
  }

  /** Generates the event at the current activity time, then draws the next one. */
  void advance() {
    double dA = act - prevAct;
    prevAct = act;
    logPrice += driftPerActivityMilli * dA + StrictMath.sqrt(variancePerActivityMilli * dA) * rng.nextGaussian();
    lastPrice = roundToTick();
    long bits = rng.nextLong();
    if (traded) {
      double multiple = Math.min(StrictMath.exp(rng.nextExponential() / TRADE_SIZE_ALPHA), MAX_TRADE_MULTIPLE);
      dayVolume += (long) (typicalLots * multiple) * lot;
      bidQuantity = lot * typicalLots * (1 + (bits & 15));
      askQuantity = lot * typicalLots * (1 + ((bits >>> 4) & 15));
    }
    repeat = rng.nextDouble() < repeatProbability;
    act += rng.nextExponential() / eventsPerActivityMilli;
  }

  boolean traded() {
    return traded;
  }

  long tickUnits() {
    return tickUnits;
  }

  private long roundToTick() {
    double ticks = StrictMath.exp(logPrice) * Price.UNITS_PER_RUPEE / tickUnits;
    long n = ticks >= Long.MAX_VALUE / (2.0 * tickUnits) ? Long.MAX_VALUE / (2 * tickUnits) : Math.round(ticks);
    return Math.max(1, n) * tickUnits;
  }
}
