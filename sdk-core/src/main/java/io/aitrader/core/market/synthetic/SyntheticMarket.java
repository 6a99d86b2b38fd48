package io.aitrader.core.market.synthetic;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.NotFoundException;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.MarketDataFeed;
import io.aitrader.api.market.Quote;
import io.aitrader.api.market.QuoteListener;
import io.aitrader.api.money.Price;
import io.aitrader.api.time.TradingSession;
import io.aitrader.core.instruments.ReferencePrices;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A deterministic synthetic market: a {@link MarketDataFeed} that generates NSE-like quotes for a set of
 * instruments over one or more trading sessions, as fast as the listener takes them.
 *
 * <pre>{@code
 * SyntheticMarket market = SyntheticMarket.builder()
 *     .instruments(repo.all())
 *     .session(session)            // e.g. from the MarketCalendar
 *     .seed(7)
 *     .build();
 * market.run(ingestor::onQuote);   // returns after the last session's close
 * }</pre>
 *
 * <p>Model, per instrument: quotes arrive as a Poisson process (default 1.5 a second on average) whose rate follows
 * an intraday U (busier at the open and the close); the price is a geometric Brownian motion whose variance accrues
 * at the same U-shaped rate, rounded to the tick size and never below one tick; trade sizes are heavy-tailed
 * (Pareto, tail index 1.6) whole lots around a typical ₹25,000 trade; each quote carries the <em>cumulative</em>
 * day volume (reset each session), and a bid and ask one tick around the last price with sizes. Indices
 * ({@code IDX}) get last prices only, with no volume or book. With a small probability (default 0.2%) a quote is
 * delivered twice, as real feeds sometimes do. Starting prices come from {@link #builder()}'s
 * {@code startPrice}, else the {@link ReferencePrices} (the bundled NSE ones by default), else a deterministic
 * price derived from the instrument id.
 *
 * <p>Order and determinism: quotes of all instruments are delivered merged in timestamp order, ties in the order
 * the instruments were given, all within each session's {@code [open, close)}. The same inputs and seed give the
 * identical sequence on every run and every JVM (own generator, {@link StrictMath}); each instrument draws from
 * its own stream keyed by (seed, first session date, instrument id), so adding or removing instruments never changes the others'
 * quotes. Subscribing does not change the streams either, only which quotes are delivered.
 *
 * <p>Threading: {@link #run} delivers on the calling thread and may be called again (each run starts over);
 * concurrent runs are refused. {@link #subscribe} and {@link #close()} may be called from any thread; close makes a
 * running {@code run} return after the quote being delivered. Per quote, only the {@link Quote} is allocated.
 */
public final class SyntheticMarket implements MarketDataFeed {
  private static final Logger log = LoggerFactory.getLogger(SyntheticMarket.class);

  private final List<Instrument> instruments;
  private final Map<String, Integer> indexById;
  private final List<TradingSession> sessions;
  private final List<Seasonality> seasons;
  private final Price[] startPrices;
  private final long seed;
  private final double annualVolatility;
  private final double annualDrift;
  private final double ticksPerSecond;
  private final double repeatProbability;
  private final AtomicBoolean running = new AtomicBoolean();
  private volatile boolean closed;
  /** Which instruments are delivered; all until the first {@link #subscribe}. Replaced, never mutated. */
  private volatile boolean[] delivered;
  private boolean restricted;

  private SyntheticMarket(Builder b) {
    this.instruments = List.copyOf(b.instruments.values());
    this.indexById = new HashMap<>();
    for (int i = 0; i < instruments.size(); i++) {
      indexById.put(instruments.get(i).id(), i);
    }
    this.sessions = List.copyOf(b.sessions);
    this.seed = b.seed;
    this.annualVolatility = b.annualVolatility;
    this.annualDrift = b.annualDrift;
    this.ticksPerSecond = b.ticksPerSecond;
    this.repeatProbability = b.repeatProbability;
    Map<Long, Seasonality> byLength = new HashMap<>();
    List<Seasonality> s = new ArrayList<>();
    for (TradingSession session : sessions) {
      long length = session.closeMillis() - session.openMillis();
      s.add(byLength.computeIfAbsent(length, l -> new Seasonality(l, b.intradaySeasonality)));
    }
    this.seasons = List.copyOf(s);
    this.startPrices = new Price[instruments.size()];
    for (int i = 0; i < startPrices.length; i++) {
      Instrument inst = instruments.get(i);
      Price explicit = b.startPrices.get(inst.id());
      startPrices[i] = explicit != null ? explicit
          : b.referencePrices.find(inst).orElseGet(() -> defaultPrice(inst));
    }
    boolean[] all = new boolean[instruments.size()];
    Arrays.fill(all, true);
    this.delivered = all;
  }

  /** A price between ₹50 and ₹5000 derived from the id alone, on the instrument's tick. */
  private static Price defaultPrice(Instrument inst) {
    long rupees = 50 + Math.floorMod(Rng.keyOf(inst.id()), 4951L);
    long units = rupees * Price.UNITS_PER_RUPEE;
    long tick = inst.tickSize().units();
    return Price.ofUnits(Math.max(tick, units / tick * tick));
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return "synthetic";
  }

  /** The instruments of this market, in tie-breaking order. */
  public List<Instrument> instruments() {
    return instruments;
  }

  /** The sessions generated, in order. */
  public List<TradingSession> sessions() {
    return sessions;
  }

  /** The starting price of {@code instrument}, as resolved at build time. */
  public Price startPrice(Instrument instrument) {
    return startPrices[indexOf(instrument)];
  }

  /**
   * Restricts delivery to subscribed instruments (the first call; later calls add to the set). Every instrument
   * must be part of this market, otherwise a {@link NotFoundException}. Allowed during {@link #run}.
   */
  @Override
  public synchronized void subscribe(Collection<Instrument> toAdd) {
    boolean[] next = restricted ? delivered.clone() : new boolean[instruments.size()];
    for (Instrument i : toAdd) {
      next[indexOf(i)] = true;
    }
    restricted = true;
    delivered = next;
  }

  private int indexOf(Instrument instrument) {
    Integer i = indexById.get(instrument.id());
    if (i == null || !instruments.get(i).equals(instrument)) {
      throw new NotFoundException("instrument " + instrument.id() + " is not part of this synthetic market ("
          + instruments.size() + " instruments, e.g. " + instruments.subList(0, Math.min(5, instruments.size())) + ")");
    }
    return i;
  }

  @Override
  public void run(QuoteListener listener) {
    required(listener, "listener");
    if (!running.compareAndSet(false, true)) {
      throw new IllegalStateException("SyntheticMarket.run is already running on another thread");
    }
    try {
      log.debug("synthetic market run: {} instruments, {} sessions, seed {}", instruments.size(), sessions.size(), seed);
      InstrumentStream[] streams = new InstrumentStream[instruments.size()];
      // each date gets its own paths: the same seed on another day is another day
      long streamSeed = Rng.keyOf(seed + "@" + sessions.get(0).date());
      for (int i = 0; i < streams.length; i++) {
        streams[i] = new InstrumentStream(instruments.get(i), streamSeed, startPrices[i], annualVolatility, annualDrift,
            ticksPerSecond, repeatProbability, seasons.get(0));
      }
      EventQueue queue = new EventQueue(streams.length);
      for (int d = 0; d < sessions.size() && !closed; d++) {
        runSession(sessions.get(d), seasons.get(d), d > 0, streams, queue, listener);
      }
    } finally {
      running.set(false);
    }
  }

  private void runSession(TradingSession session, Seasonality season, boolean overnight, InstrumentStream[] streams,
      EventQueue queue, QuoteListener listener) {
    long open = session.openMillis();
    long n = streams.length;
    queue.clear();
    for (int i = 0; i < streams.length; i++) {
      streams[i].startSession(season, open, session.closeMillis(), overnight);
      long t = streams[i].nextTime();
      if (t >= 0) {
        queue.push((t - open) * n + i);
      }
    }
    while (!queue.isEmpty() && !closed) {
      long key = queue.pop();
      int i = (int) (key % n);
      long t = open + key / n;
      InstrumentStream s = streams[i];
      s.advance();
      if (delivered[i]) {
        Quote q = quote(s, t);
        listener.onQuote(q);
        if (s.repeat) {
          listener.onQuote(q);
        }
      }
      long next = s.nextTime();
      if (next >= 0) {
        queue.push((next - open) * n + i);
      }
    }
  }

  private static Quote quote(InstrumentStream s, long t) {
    long last = s.lastPrice;
    if (!s.traded()) {
      return new Quote(s.instrument, t, last, 0, 0, 0, 0, 0, 0);
    }
    long tick = s.tickUnits();
    long bid = last - tick;
    return new Quote(s.instrument, t, last, s.dayVolume, bid, bid > 0 ? s.bidQuantity : 0, last + tick,
        s.askQuantity, 0);
  }

  /** Stops a running {@link #run} and refuses further runs. Idempotent, any thread. */
  @Override
  public void close() {
    closed = true;
  }

  /**
   * Builds a {@link SyntheticMarket}. Required: at least one instrument and one session. Defaults: seed 42,
   * annual volatility 0.25, annual drift 0, 1.5 quotes per instrument per second, U-shaped seasonality on, repeat
   * probability 0.002, reference prices {@link ReferencePrices#bundledNse()}. Not thread-safe.
   */
  public static final class Builder {
    private final Map<String, Instrument> instruments = new LinkedHashMap<>();
    private final List<TradingSession> sessions = new ArrayList<>();
    private final Map<String, Price> startPrices = new HashMap<>();
    private ReferencePrices referencePrices = ReferencePrices.bundledNse();
    private long seed = 42;
    private double annualVolatility = 0.25;
    private double annualDrift;
    private double ticksPerSecond = 1.5;
    private double repeatProbability = 0.002;
    private boolean intradaySeasonality = true;

    private Builder() {}

    /** Adds instruments, in tie-breaking order; ids must be unique. */
    public Builder instruments(Collection<Instrument> list) {
      for (Instrument i : list) {
        Instrument previous = instruments.putIfAbsent(i.id(), i);
        check(previous == null, "SyntheticMarket.instruments", "must have unique ids", i.id() + " twice");
      }
      return this;
    }

    /** Adds one session; sessions must be in time order and not overlap. */
    public Builder session(TradingSession session) {
      required(session, "SyntheticMarket.session");
      if (!sessions.isEmpty()) {
        TradingSession last = sessions.get(sessions.size() - 1);
        check(session.openMillis() >= last.closeMillis(), "SyntheticMarket.sessions",
            "must be in time order without overlap, after " + last.date(), session.date());
      }
      sessions.add(session);
      return this;
    }

    /** Adds several sessions, in time order. */
    public Builder sessions(Collection<TradingSession> list) {
      list.forEach(this::session);
      return this;
    }

    public Builder seed(long v) {
      this.seed = v;
      return this;
    }

    /** The starting price of one instrument, overriding the reference prices. */
    public Builder startPrice(Instrument instrument, Price price) {
      check(price.isPositive(), "SyntheticMarket.startPrice", "must be > 0 for " + instrument.id(), price);
      startPrices.put(instrument.id(), price);
      return this;
    }

    /** Where starting prices come from when not set one by one; {@link ReferencePrices#empty()} for none. */
    public Builder referencePrices(ReferencePrices v) {
      this.referencePrices = required(v, "SyntheticMarket.referencePrices");
      return this;
    }

    /** Annualized volatility of log returns, e.g. 0.25 for 25%; in [0, 5]. */
    public Builder annualVolatility(double v) {
      check(v >= 0 && v <= 5, "SyntheticMarket.annualVolatility", "must be within [0, 5]", v);
      this.annualVolatility = v;
      return this;
    }

    /** Annualized drift of log prices, e.g. 0.1 for +10% a year; in [-5, 5]. */
    public Builder annualDrift(double v) {
      check(v >= -5 && v <= 5, "SyntheticMarket.annualDrift", "must be within [-5, 5]", v);
      this.annualDrift = v;
      return this;
    }

    /** Mean quotes per instrument per second over a session; in (0, 1000]. */
    public Builder ticksPerSecond(double v) {
      check(v > 0 && v <= 1000, "SyntheticMarket.ticksPerSecond", "must be within (0, 1000]", v);
      this.ticksPerSecond = v;
      return this;
    }

    /** Probability that a quote is delivered twice; in [0, 0.5]. */
    public Builder repeatProbability(double v) {
      check(v >= 0 && v <= 0.5, "SyntheticMarket.repeatProbability", "must be within [0, 0.5]", v);
      this.repeatProbability = v;
      return this;
    }

    /** Whether activity and volatility follow the intraday U (default) or stay flat. */
    public Builder intradaySeasonality(boolean v) {
      this.intradaySeasonality = v;
      return this;
    }

    public SyntheticMarket build() {
      check(!instruments.isEmpty(), "SyntheticMarket.instruments", "must not be empty", "none");
      check(!sessions.isEmpty(), "SyntheticMarket.sessions", "must not be empty", "none");
      for (String id : startPrices.keySet()) {
        check(instruments.containsKey(id), "SyntheticMarket.startPrice", "is set for an instrument not in the market", id);
      }
      return new SyntheticMarket(this);
    }
  }
}
