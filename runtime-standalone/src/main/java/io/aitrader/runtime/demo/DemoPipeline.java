package io.aitrader.runtime.demo;

import io.aitrader.api.bus.EventBus;
import io.aitrader.api.bus.SubscriptionOptions;
import io.aitrader.api.bus.Topics;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentRepository;
import io.aitrader.api.signal.Signal;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.market.MarketDataFeed;
import io.aitrader.api.market.Quote;
import io.aitrader.api.market.QuoteListener;
import io.aitrader.api.time.MarketCalendar;
import io.aitrader.api.time.TradingSession;
import io.aitrader.core.bars.TimeBarAggregator;
import io.aitrader.core.features.DefaultFeatureService;
import io.aitrader.core.features.StandardIndicators;
import io.aitrader.core.execution.ExecutionTier;
import io.aitrader.core.signals.DefaultSignalService;
import io.aitrader.core.strategy.StrategyHost;
import io.aitrader.core.time.ManualTimeSource;
import io.aitrader.core.strategy.reference.RulesModelStrategy;
import io.aitrader.core.ingest.FirstQuotePolicy;
import io.aitrader.core.ingest.MarketIngestor;
import io.aitrader.api.notify.Notification;
import io.aitrader.core.audit.AuditRecorder;
import io.aitrader.core.audit.AuditService;
import io.aitrader.core.notify.Alert;
import io.aitrader.core.notify.AlertRules;
import io.aitrader.api.order.Broker;
import io.aitrader.core.orders.IntentRecorder;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Assembles the services built so far — feed → Market Ingestor → bus ({@code market.ticks.*}) → Bar Aggregator →
 * bus ({@code market.candles.*}) → Feature service → Signal service ({@code signals.<strategy>}) → the reference
 * strategy's order intents — runs one session through them and reports what came out.
 *
 * <p>Delivery on the bus is synchronous, so the whole run is one deterministic thread: the same feed gives the
 * same bar stream, byte for byte ({@link DemoReport#digest()}).
 */
public final class DemoPipeline {
  private final MarketCalendar calendar;
  private final EventBus bus;
  private final Instrument sampleInstrument;
  private final BarInterval sampleInterval;
  private final InstrumentRepository repository;
  private final BarInterval strategyInterval;
  private final DemoExecution execution;
  private @Nullable AuditRecorder auditRecorder;
  private @Nullable Consumer<Notification> alertSink;
  private Set<Alert> alerts = EnumSet.of(Alert.SESSION_SUMMARY);
  private @Nullable AuditService audit;
  private @Nullable Broker broker;

  /**
   * @param repository       instruments for the strategy's context
   * @param strategyInterval the bars the reference strategy ({@link RulesModelStrategy}) trades on
   */
  public DemoPipeline(MarketCalendar calendar, EventBus bus, InstrumentRepository repository, Instrument sampleInstrument,
      BarInterval sampleInterval, BarInterval strategyInterval, DemoExecution execution) {
    this.calendar = calendar;
    this.bus = bus;
    this.repository = repository;
    this.sampleInstrument = sampleInstrument;
    this.sampleInterval = sampleInterval;
    this.strategyInterval = strategyInterval;
    this.execution = execution;
  }

  /**
   * Records every decision of the run through {@code recorder} (signals, risk checks, order intents, updates, fills,
   * the day's summary); the caller closes the recorder.
   */
  public DemoPipeline audit(AuditRecorder recorder) {
    this.auditRecorder = recorder;
    return this;
  }

  /** Raises {@code alerts} (by default only the day's summary) and hands them to {@code sink}. */
  public DemoPipeline alerts(Consumer<Notification> sink, Set<Alert> alerts) {
    this.alertSink = sink;
    this.alerts = EnumSet.copyOf(alerts);
    return this;
  }

  /** Sends the orders to {@code broker} (e.g. Groww, or the fake Groww) instead of the account's paper broker. */
  public DemoPipeline broker(Broker broker) {
    this.broker = broker;
    return this;
  }

  /** The audit service of the last run, when {@link #audit} was given. */
  public Optional<AuditService> auditService() {
    return Optional.ofNullable(audit);
  }

  /**
   * Runs {@code feed} for {@code session}.
   *
   * @param speed real-time multiple for pacing quotes (60 = one market minute per second); 0 = as fast as possible
   * @param digest receives every complete bar in emission order
   */
  public DemoReport run(MarketDataFeed feed, List<Instrument> instruments, TradingSession session, double speed,
      BarStreamDigest digest) {
    Map<BarInterval, long[]> counts = new EnumMap<>(BarInterval.class);
    List<Bar> samples = new ArrayList<>();
    long[] firstBarNanos = {-1};
    long startNanos = System.nanoTime();

    TimeBarAggregator aggregator = TimeBarAggregator.builder()
        .calendar(calendar)
        .intervals(EnumSet.allOf(BarInterval.class))
        .watermarkLag(Duration.ZERO) // one time-ordered stream
        .listener(bar -> bus.publish(Topics.bars(bar.interval()), bar.toBar()))
        .build();
    for (Exchange exchange : Exchange.values()) {
      bus.subscribe(Topics.ticks(exchange), aggregator::onTick, SubscriptionOptions.SYNCHRONOUS);
    }
    for (BarInterval interval : BarInterval.values()) {
      long[] count = new long[1];
      counts.put(interval, count);
      bus.subscribe(Topics.bars(interval), bar -> {
        if (firstBarNanos[0] < 0) {
          firstBarNanos[0] = System.nanoTime() - startNanos;
        }
        count[0]++;
        digest.add(bar);
        if (bar.interval() == sampleInterval && bar.instrument().equals(sampleInstrument)) {
          samples.add(bar);
        }
      }, SubscriptionOptions.SYNCHRONOUS);
    }

    ManualTimeSource clock = new ManualTimeSource(session.preOpenStartMillis());
    if (auditRecorder != null) { // first, so that its packets come before what other subscribers cause
      audit = AuditService.builder(auditRecorder).timeSource(clock).build().attach(bus);
    }
    if (alertSink != null) {
      AlertRules.builder(alertSink).only(alerts).build().attach(bus);
    }
    // intelligence tier: features on closed bars -> signal rules + model -> the strategy's order intents
    RulesModelStrategy strategy = RulesModelStrategy.standard(instruments, strategyInterval);
    DefaultFeatureService features = new DefaultFeatureService(StandardIndicators.catalog());
    features.define(strategy.features());
    bus.subscribe(Topics.bars(strategyInterval), features::onBar, SubscriptionOptions.SYNCHRONOUS);
    DefaultSignalService signalService = DefaultSignalService.builder().featureNames(features.featureNames())
        .eventBus(bus).build();
    signalService.register(strategy.ruleSet());
    if (audit != null) {
      audit.attach(signalService);
    }
    features.subscribe(signalService::onFeatures);
    List<Signal> signals = new ArrayList<>();
    signalService.subscribe(signals::add);
    // execution tier: risk -> order service -> paper broker -> portfolio, charges per fill
    IntentRecorder intents = audit != null ? audit : IntentRecorder.NONE;
    ExecutionTier tier = broker != null ? execution.build(clock, bus, instruments, intents, broker)
        : execution.build(clock, bus, instruments, intents);
    if (audit != null) {
      audit.attach(tier);
    }
    for (Exchange exchange : Exchange.values()) {
      bus.subscribe(Topics.ticks(exchange), tier::onTick, SubscriptionOptions.SYNCHRONOUS);
    }
    bus.subscribe(Topics.bars(strategyInterval), tier::onBar, SubscriptionOptions.SYNCHRONOUS);
    StrategyHost host = StrategyHost.builder(strategy).bus(bus).instruments(repository).calendar(calendar)
        .features(features).signals(signalService).orders(tier.orderService()).portfolio(tier.portfolio()).build();
    if (audit != null) {
      audit.linkSignals(host::currentSignal);
      Map<String, String> config = new LinkedHashMap<>();
      config.put("strategy", strategy.id());
      config.put("interval", strategyInterval.label());
      config.put("instruments", String.join(",", instruments.stream().map(Instrument::id).toList()));
      config.put("session", session.date().toString());
      config.putAll(execution.describe());
      audit.configuration("demo", config);
    }
    tier.sessionStarted(session);
    host.start();
    host.sessionStarted(session);

    MarketIngestor ingestor = new MarketIngestor(bus, FirstQuotePolicy.COUNT_AS_TRADE);
    Pacer pacer = new Pacer(speed);
    long[] quotes = {0};
    QuoteListener input = (Quote q) -> {
      quotes[0]++;
      pacer.await(q.timestampMillis());
      clock.set(Math.max(clock.currentTimeMillis(), q.timestampMillis()));
      ingestor.onQuote(q);
    };
    feed.subscribe(instruments);
    feed.run(input);
    aggregator.advanceTo(session.closeMillis()); // the session has ended: close every bar
    host.sessionEnded(session);
    tier.sessionEnded(session);
    host.close();
    if (audit != null && !audit.flush(Duration.ofSeconds(30))) {
      throw new IllegalStateException("the audit log did not confirm the run's packets within 30 s: "
          + audit.stats());
    }
    long elapsed = System.nanoTime() - startNanos;

    Map<BarInterval, Long> barsPerInterval = new EnumMap<>(BarInterval.class);
    counts.forEach((i, c) -> barsPerInterval.put(i, c[0]));
    return new DemoReport(session, instruments, quotes[0], ingestor.stats(), aggregator.stats(), barsPerInterval,
        elapsed, firstBarNanos[0], samples, digest.hex(), strategy.id(), strategyInterval, signals,
        tier.summary());
  }

  /** Holds quotes back so that market time runs {@code speed} times faster than real time. */
  static final class Pacer {
    private final double speed;
    private long firstEventMillis = Long.MIN_VALUE;
    private long startNanos;

    Pacer(double speed) {
      this.speed = speed;
    }

    void await(long eventMillis) {
      if (speed <= 0) {
        return;
      }
      if (firstEventMillis == Long.MIN_VALUE) {
        firstEventMillis = eventMillis;
        startNanos = System.nanoTime();
        return;
      }
      long due = startNanos + (long) ((eventMillis - firstEventMillis) * 1_000_000L / speed);
      for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
        LockSupport.parkNanos(wait);
      }
    }
  }
}
