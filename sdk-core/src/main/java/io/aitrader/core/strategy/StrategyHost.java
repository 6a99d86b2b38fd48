package io.aitrader.core.strategy;

import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.NotFoundException;
import io.aitrader.api.Registration;
import io.aitrader.api.bus.EventBus;
import io.aitrader.api.bus.Subscription;
import io.aitrader.api.bus.SubscriptionOptions;
import io.aitrader.api.bus.Topic;
import io.aitrader.api.bus.Topics;
import io.aitrader.api.feature.FeatureService;
import io.aitrader.api.feature.FeatureVector;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentRepository;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.market.Tick;
import io.aitrader.api.money.Money;
import io.aitrader.api.order.Fill;
import io.aitrader.api.order.Order;
import io.aitrader.api.order.OrderListener;
import io.aitrader.api.order.OrderModification;
import io.aitrader.api.order.OrderRequest;
import io.aitrader.api.order.OrderService;
import io.aitrader.api.order.Product;
import io.aitrader.api.portfolio.Portfolio;
import io.aitrader.api.portfolio.PortfolioService;
import io.aitrader.api.portfolio.Position;
import io.aitrader.api.signal.Signal;
import io.aitrader.api.signal.SignalService;
import io.aitrader.api.strategy.Strategy;
import io.aitrader.api.strategy.StrategyContext;
import io.aitrader.api.time.Ist;
import io.aitrader.api.time.MarketCalendar;
import io.aitrader.api.time.TradingSession;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link Strategy}: defines its features, lets it subscribe, delivers its bars, ticks, signals and session
 * events, and is its {@link StrategyContext}. The same host runs a strategy in a backtest, on paper and live: only
 * the bus's sources, the order service behind it and the data differ.
 *
 * <pre>{@code
 * StrategyHost host = StrategyHost.builder(new EmaCrossRsiStrategy(...))
 *     .bus(bus).instruments(repository).calendar(ExchangeCalendar.nse())
 *     .features(featureService).signals(signalService).orders(orderService)
 *     .build();
 * host.start();           // after the feature service subscribed to the bar topics, so features are ready first
 * }</pre>
 *
 * <p><b>Clock.</b> {@link #now()} is the time of the latest event delivered (a bar's close time, a tick's or a
 * signal's timestamp): event time everywhere, so a replay decides as live did.
 *
 * <p><b>Threading.</b> Events reach the strategy on the thread that delivers them (synchronous bus delivery);
 * deliver from one thread. A callback that throws is logged and counted ({@link #failures()}); delivery continues.
 */
public final class StrategyHost implements StrategyContext, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StrategyHost.class);
  private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd", Locale.ROOT);

  private final Strategy strategy;
  private final EventBus bus;
  private final InstrumentRepository instruments;
  private final Map<Exchange, MarketCalendar> calendars;
  private final @Nullable FeatureService features;
  private final @Nullable SignalService signals;
  private final boolean signalsFromBus;
  private final OrderService orders;
  private final Money startingCash;
  private final @Nullable PortfolioService portfolio;
  private final String referencePrefix;

  private final Map<BarInterval, Set<Instrument>> barSubscriptions = new EnumMap<>(BarInterval.class);
  private final Set<Instrument> tickSubscriptions = new HashSet<>();
  private final List<AutoCloseable> registrations = new ArrayList<>();
  private static final Product[] PRODUCTS = Product.values();
  /** Flat positions handed out, per instrument by product ordinal: asked for on every entry decision. */
  private final Map<Instrument, Optional<Position>[]> flats = new HashMap<>();
  private boolean starting;
  private boolean started;
  private long now;
  private long referenceCounter;
  private long prefixDay = Long.MIN_VALUE;
  private @Nullable String dayPrefix;
  private long failures;
  private long signalsEmitted;
  /** The signal the strategy is handling right now, if any: what caused the orders it submits meanwhile. */
  private volatile @Nullable Signal handling;

  private StrategyHost(Builder b) {
    this.strategy = b.strategy;
    this.bus = required(b.bus, "StrategyHost.bus");
    this.instruments = required(b.instruments, "StrategyHost.instruments");
    this.calendars = new EnumMap<>(b.calendars);
    if (calendars.isEmpty()) {
      throw new io.aitrader.api.ValidationException("StrategyHost.calendar", "StrategyHost.calendar is required: give at least the NSE calendar");
    }
    this.features = b.features;
    this.signals = b.signals;
    this.signalsFromBus = b.signalsFromBus;
    if (signals != null && signalsFromBus) {
      throw new io.aitrader.api.ValidationException("StrategyHost.signals",
          "StrategyHost.signals: give a signal service or signalsFromBus(), not both");
    }
    this.orders = required(b.orders, "StrategyHost.orders");
    this.startingCash = b.startingCash;
    this.portfolio = b.portfolio;
    String alnum = strategy.id().replaceAll("[^A-Za-z0-9]", "");
    this.referencePrefix = alnum.substring(0, Math.min(6, alnum.length())).toLowerCase(Locale.ROOT);
  }

  public static Builder builder(Strategy strategy) {
    return new Builder(strategy);
  }

  /** Defines the strategy's features, calls {@link Strategy#onStart}, then subscribes to what it asked for. */
  public void start() {
    if (started) {
      throw new IllegalStateException("strategy " + strategy.id() + " is already started");
    }
    if (features != null && !strategy.features().isEmpty()) {
      features.define(strategy.features());
    }
    starting = true;
    try {
      strategy.onStart(this);
    } finally {
      starting = false;
    }
    started = true;
    for (Map.Entry<BarInterval, Set<Instrument>> e : barSubscriptions.entrySet()) {
      Set<Instrument> wanted = e.getValue();
      registrations.add(bus.subscribe(Topics.bars(e.getKey()), bar -> {
        if (wanted.contains(bar.instrument())) {
          deliverBar(bar);
        }
      }, SubscriptionOptions.SYNCHRONOUS));
    }
    EnumSet<Exchange> tickExchanges = EnumSet.noneOf(Exchange.class);
    tickSubscriptions.forEach(i -> tickExchanges.add(i.exchange()));
    for (Exchange exchange : tickExchanges) {
      Topic<Tick> topic = Topics.ticks(exchange);
      registrations.add(bus.subscribe(topic, tick -> {
        if (tickSubscriptions.contains(tick.instrument())) {
          advance(tick.timestampMillis());
          try {
            strategy.onTick(tick, this);
          } catch (RuntimeException e) {
            failed(e);
          }
        }
      }, SubscriptionOptions.SYNCHRONOUS));
    }
    if (signals != null) {
      registrations.add(signals.subscribe(this::deliverSignal));
    }
    if (signalsFromBus) {
      registrations.add(bus.subscribe(Topics.signals(strategy.id()), this::deliverSignal, SubscriptionOptions.SYNCHRONOUS));
    }
    registrations.add(orders.subscribe(new OrderListener() { // per order event: no lambda
      @Override
      public void onOrderUpdate(Order order) {
        if (order.request().strategyId().equals(strategy.id())) {
          try {
            strategy.onOrderUpdate(order, StrategyHost.this);
          } catch (RuntimeException e) {
            failed(e);
          }
        }
      }

      @Override
      public void onFill(Fill fill) {
        Optional<Order> order = orders.find(fill.referenceId());
        if (order.isPresent() && order.orElseThrow().request().strategyId().equals(strategy.id())) {
          advance(fill.timestampMillis());
          try {
            strategy.onFill(fill, StrategyHost.this);
          } catch (RuntimeException e) {
            failed(e);
          }
        }
      }
    }));
  }

  private void deliverSignal(Signal signal) {
    if (signal.strategyId().equals(strategy.id())) {
      advance(signal.timestampMillis());
      handling = signal;
      try {
        call(ctx -> strategy.onSignal(signal, ctx));
      } finally {
        handling = null;
      }
    }
  }

  /** Tells the strategy a session begins; the runtime calls it before the session's first event. */
  public void sessionStarted(TradingSession session) {
    advance(session.openMillis());
    call(ctx -> strategy.onSessionStart(session, ctx));
  }

  /** Tells the strategy a session has ended; the runtime calls it after the session's last bar. */
  public void sessionEnded(TradingSession session) {
    advance(session.closeMillis());
    call(ctx -> strategy.onSessionEnd(session, ctx));
  }

  /** Callbacks that threw so far. */
  public long failures() {
    return failures;
  }

  /**
   * The signal the strategy is handling right now (during its {@code onSignal} callback), empty otherwise: orders
   * submitted meanwhile were decided on it, so the audit service links their intent to it.
   */
  public Optional<Signal> currentSignal() {
    return Optional.ofNullable(handling);
  }

  /** Signals the strategy emitted through {@link #emit}. */
  public long signalsEmitted() {
    return signalsEmitted;
  }

  public Strategy strategy() {
    return strategy;
  }

  /** Stops deliveries and calls {@link Strategy#onStop}. Idempotent. */
  @Override
  public void close() {
    if (!started) {
      return;
    }
    started = false;
    for (AutoCloseable r : registrations) {
      try {
        r.close();
      } catch (Exception e) {
        LOG.warn("Closing a subscription of strategy {} failed: {}", strategy.id(), e.toString());
      }
    }
    registrations.clear();
    call(strategy::onStop);
  }

  /** Per bar: no lambda, nothing allocated by the host (bars and ticks are hot paths). */
  private void deliverBar(Bar bar) {
    advance(bar.closeTimeMillis());
    try {
      strategy.onBar(bar, this);
    } catch (RuntimeException e) {
      failed(e);
    }
  }

  private void advance(long t) {
    if (t > now) {
      now = t;
    }
  }

  /** For the rare events (start, sessions, signals, stop); bars and ticks call the strategy directly. */
  private void call(Consumer<StrategyContext> callback) {
    try {
      callback.accept(this);
    } catch (RuntimeException e) {
      failed(e);
    }
  }

  private void failed(RuntimeException e) {
    failures++;
    LOG.warn("Strategy {} threw from a callback (failure {}): {}", strategy.id(), failures, e.toString(), e);
  }

  // ---- StrategyContext

  @Override
  public long now() {
    return now;
  }

  @Override
  public String strategyId() {
    return strategy.id();
  }

  @Override
  public Instrument instrument(String id) {
    return instruments.findById(id).orElseThrow(() -> new NotFoundException(
        "strategy " + strategy.id() + " asked for instrument " + id + ", which the instrument repository does not have"));
  }

  @Override
  public InstrumentRepository instruments() {
    return instruments;
  }

  @Override
  public void subscribe(Instrument instrument, BarInterval interval) {
    if (!starting) {
      throw new IllegalStateException("strategy " + strategy.id() + ": subscribe only from onStart");
    }
    barSubscriptions.computeIfAbsent(interval, i -> new HashSet<>()).add(instrument);
    tickSubscriptions.add(instrument);
  }

  @Override
  public Optional<FeatureVector> features(Instrument instrument, BarInterval interval) {
    if (features == null) {
      return Optional.empty();
    }
    Optional<FeatureVector> latest = features.latest(instrument, interval);
    return latest.isPresent() && latest.orElseThrow().timestampMillis() > now ? Optional.empty() : latest;
  }

  @Override
  public Optional<Position> position(Instrument instrument, Product product) {
    if (portfolio == null) {
      return Optional.empty();
    }
    // with an account wired, "nothing held" is a flat position, not an unknown one
    Optional<Position> held = portfolio.position(instrument, product);
    return held.isPresent() ? held : flat(instrument, product);
  }

  /** The flat position of {@code instrument} under {@code product}, made once and kept (it never changes). */
  private Optional<Position> flat(Instrument instrument, Product product) {
    Optional<Position>[] byProduct = flats.get(instrument);
    if (byProduct == null) {
      byProduct = newByProduct();
      flats.put(instrument, byProduct);
    }
    Optional<Position> flat = byProduct[product.ordinal()];
    if (flat == null) {
      flat = Optional.of(Position.flat(instrument, product));
      byProduct[product.ordinal()] = flat;
    }
    return flat;
  }

  @Override
  public Portfolio portfolio() {
    return portfolio == null ? Portfolio.ofCash(startingCash, Math.max(1, now)) : portfolio.snapshot();
  }

  /**
   * {@code <prefix><yyMMdd>-<nnnnn>}: the strategy's prefix, the IST date of {@link #now()} and a counter modulo
   * 100,000, zero-padded. The date part is formatted once per day and the counter padded by hand (orders are
   * frequent in a backtest; no formatter per order).
   */
  @Override
  public String newReferenceId() {
    long day = Ist.epochDayOf(Math.max(0, now));
    if (day != prefixDay || dayPrefix == null) {
      dayPrefix = referencePrefix + YYMMDD.format(LocalDate.ofEpochDay(day)) + "-";
      prefixDay = day;
    }
    String prefix = dayPrefix;
    String id;
    do { // skip ids the order service already knows: another strategy with the same prefix, or before a restart
      referenceCounter++;
      id = padded(prefix, referenceCounter % 100_000);
    } while (orders.isKnown(id));
    return id;
  }

  /** {@code prefix} followed by {@code n} (0 ≤ n < 100,000) as five digits. */
  private static String padded(String prefix, long n) {
    char[] digits = new char[5];
    long v = n;
    for (int i = 4; i >= 0; i--) {
      digits[i] = (char) ('0' + v % 10);
      v /= 10;
    }
    return new StringBuilder(prefix.length() + 5).append(prefix).append(digits).toString();
  }

  @Override
  public OrderRequest.Builder newOrder(Instrument instrument) {
    return OrderRequest.builder().instrument(instrument).strategyId(strategy.id()).referenceId(newReferenceId());
  }

  @Override
  public Order submit(OrderRequest request) {
    return orders.submit(request);
  }

  @Override
  public Order modify(String referenceId, OrderModification change) {
    return orders.modify(referenceId, change);
  }

  @Override
  public Order cancel(String referenceId) {
    return orders.cancel(referenceId);
  }

  @Override
  public void emit(Signal signal) {
    if (!signal.strategyId().equals(strategy.id())) {
      throw new IllegalArgumentException("strategy " + strategy.id() + " cannot emit a signal of strategy " + signal.strategyId());
    }
    signalsEmitted++;
    bus.publish(Topics.signals(strategy.id()), signal);
  }

  @Override
  public MarketCalendar calendar(Exchange exchange) {
    MarketCalendar c = calendars.get(exchange);
    if (c == null) {
      throw new NotFoundException("no calendar for " + exchange + " was configured; configured: " + calendars.keySet());
    }
    return c;
  }

  @SuppressWarnings("unchecked") // a generic array: created raw, holds only Optional<Position>
  private static Optional<Position>[] newByProduct() {
    return (Optional<Position>[]) new Optional<?>[PRODUCTS.length];
  }

  /** Configures a {@link StrategyHost}. */
  public static final class Builder {
    private final Strategy strategy;
    private @Nullable EventBus bus;
    private @Nullable InstrumentRepository instruments;
    private final Map<Exchange, MarketCalendar> calendars = new EnumMap<>(Exchange.class);
    private @Nullable FeatureService features;
    private @Nullable SignalService signals;
    private boolean signalsFromBus;
    private @Nullable OrderService orders;
    private Money startingCash = Money.ofRupees(1_000_000);
    private @Nullable PortfolioService portfolio;

    private Builder(Strategy strategy) {
      this.strategy = required(strategy, "StrategyHost.strategy");
    }

    public Builder bus(EventBus v) { this.bus = v; return this; }

    public Builder instruments(InstrumentRepository v) { this.instruments = v; return this; }

    /** The calendar of its exchange; NSE's calendar also serves BSE unless BSE's is given. */
    public Builder calendar(MarketCalendar v) {
      calendars.put(v.exchange(), v);
      if (v.exchange() == Exchange.NSE) {
        calendars.putIfAbsent(Exchange.BSE, v);
      }
      return this;
    }

    public Builder features(FeatureService v) { this.features = v; return this; }

    public Builder signals(SignalService v) { this.signals = v; return this; }

    /**
     * Takes the strategy's signals from {@code Topics.signals(strategy id)} on the bus instead of a signal service
     * in this process (the signal service runs elsewhere and publishes them there).
     */
    public Builder signalsFromBus() { this.signalsFromBus = true; return this; }

    public Builder orders(OrderService v) { this.orders = v; return this; }

    /** The account the strategy's positions and portfolio come from; without one every position is flat. */
    public Builder portfolio(PortfolioService v) { this.portfolio = v; return this; }

    /** Cash the portfolio snapshot reports when no portfolio service is wired (default ₹10,00,000). */
    public Builder startingCash(Money v) { this.startingCash = v; return this; }

    public StrategyHost build() {
      return new StrategyHost(this);
    }
  }
}
