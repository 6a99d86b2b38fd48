package io.aitrader.runtime.deploy;

import io.aitrader.api.ConfigurationException;
import io.aitrader.api.Secret;
import io.aitrader.api.audit.AuditLog;
import io.aitrader.api.bus.EventBus;
import io.aitrader.api.feature.FeatureCache;
import io.aitrader.api.feature.FeatureVector;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentRepository;
import io.aitrader.api.market.MarketDepth;
import io.aitrader.api.market.MarketStore;
import io.aitrader.api.notify.NotificationQueue;
import io.aitrader.api.order.OrderStore;
import io.aitrader.api.bus.Topics;
import io.aitrader.api.time.Ist;
import io.aitrader.api.time.TimeSource;
import io.aitrader.api.time.TradingSession;
import io.aitrader.connector.clickhouse.ClickHouseAuditLog;
import io.aitrader.connector.clickhouse.ClickHouseConfig;
import io.aitrader.connector.clickhouse.ClickHouseConnector;
import io.aitrader.connector.clickhouse.ClickHouseMarketStore;
import io.aitrader.connector.kafka.KafkaConfig;
import io.aitrader.connector.kafka.KafkaEventBus;
import io.aitrader.connector.kafka.codec.EventCodecs;
import io.aitrader.connector.postgres.PostgresConfig;
import io.aitrader.connector.postgres.PostgresConnector;
import io.aitrader.connector.redis.RedisConfig;
import io.aitrader.connector.redis.RedisConnector;
import io.aitrader.core.audit.FileAuditLog;
import io.aitrader.core.bus.InProcessEventBus;
import io.aitrader.core.calendar.ExchangeCalendar;
import io.aitrader.core.charges.IndianChargesModel;
import io.aitrader.core.features.InMemoryFeatureCache;
import io.aitrader.core.instruments.InMemoryInstrumentRepository;
import io.aitrader.core.market.synthetic.SyntheticMarket;
import io.aitrader.core.notify.AlertRules;
import io.aitrader.core.notify.InMemoryNotificationQueue;
import io.aitrader.core.notify.LogNotifier;
import io.aitrader.core.notify.NotificationService;
import io.aitrader.core.orders.FileOrderStore;
import io.aitrader.core.portfolio.DefaultPortfolioService;
import io.aitrader.core.services.AuditUnit;
import io.aitrader.core.services.BarAggregatorUnit;
import io.aitrader.core.services.FeatureUnit;
import io.aitrader.core.services.IngestorUnit;
import io.aitrader.core.services.MarketStoreUnit;
import io.aitrader.core.services.NotificationUnit;
import io.aitrader.core.services.OrderUnit;
import io.aitrader.core.services.PortfolioUnit;
import io.aitrader.core.services.ServiceUnit;
import io.aitrader.core.services.SessionPlan;
import io.aitrader.core.services.SignalUnit;
import io.aitrader.core.store.EmbeddedMarketStore;
import io.aitrader.core.strategy.reference.RulesModelStrategy;
import io.aitrader.core.risk.RiskLimits;
import io.aitrader.core.time.SystemTimeSource;
import io.aitrader.groww.broker.GrowwBroker;
import io.aitrader.groww.feed.GrowwOrderUpdate;
import io.aitrader.runtime.demo.DemoExecution;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the services of one deployment on the bus and stores its configuration names, and owns what it opened.
 * With the in-process bus every service shares one bus (synchronous delivery: the run is one deterministic thread);
 * with Kafka each service gets its own client in the consumer group {@code <kafka.group>.<service>}, so instances
 * of one service share its partitions and different services each see every event.
 *
 * <p>The audit service writes to the configured {@code auditLog} (idle with {@code none}); the notification service
 * queues the configured {@code alerts} in memory or in Redis and delivers them to the log; the feature service also
 * keeps the latest vector of each instrument in the {@code featureCache} (in memory or in Redis), when one is
 * configured.
 */
public final class Deployment implements AutoCloseable {
  /** The services, in the order {@code run} starts them (consumers before the ingestor). */
  public static final List<String> SERVICES = List.of("market-store", "bar-aggregator", "feature", "signal", "order",
      "portfolio", "audit", "notification", "ingestor");
  /** How long a vector lives in the online feature cache. */
  public static final Duration FEATURE_CACHE_TTL = Duration.ofHours(24);
  /** The name of the notification queue in Redis (under {@code redis.keyPrefix}). */
  public static final String NOTIFICATION_QUEUE = "notifications";

  private static final Logger LOG = LoggerFactory.getLogger(Deployment.class);

  private final DeploymentConfig config;
  private final Trading trading;
  private final ExchangeCalendar calendar = ExchangeCalendar.nse();
  private final InstrumentRepository instruments;
  private final @Nullable GrowwLink groww;
  private final DemoExecution account;
  private final SessionPlan plan;
  private final Deque<AutoCloseable> opened = new ArrayDeque<>();
  private final List<ServiceUnit> units = new ArrayList<>();
  private @Nullable InProcessEventBus inProcess;
  private @Nullable PostgresConnector postgres;
  private @Nullable ClickHouseConnector clickhouse;
  private @Nullable RedisConnector redis;
  private @Nullable FeatureCache featureCache;
  private @Nullable IngestorUnit ingestor;
  private @Nullable EventBus ingestorBus;
  private @Nullable OrderUnit orderUnit;

  /** A deployment of the simulated market and the paper broker, on the system clock and environment. */
  public Deployment(DeploymentConfig config) {
    this(config, Trading.SIMULATED, SystemTimeSource.INSTANCE, System.getenv());
  }

  /**
   * A deployment trading as {@code trading}; {@code clock} says what day and time it is (the system clock, or a
   * test's), {@code environment} holds the broker's credentials ({@code GROWW_*}).
   *
   * @throws ConfigurationException when the session cannot be traded as asked: not a trading day, over already, a
   *     past date with a live market, real orders without risk limits, missing credentials, unknown symbols
   */
  public Deployment(DeploymentConfig config, Trading trading, TimeSource clock, Map<String, String> environment) {
    this.config = config;
    this.trading = trading;
    LocalDate today = Ist.dateOf(clock.currentTimeMillis());
    LocalDate date = config.date().orElse(today);
    if (trading != Trading.SIMULATED) {
      if (!date.equals(today)) {
        throw new ConfigurationException(config.source() + ": session.date " + date + " is not today (" + today
            + "): Groww's live market trades today's session only; write date: today");
      }
      if (trading == Trading.GROWW_LIVE) {
        requireRiskLimits(config);
      }
    }
    TradingSession session = calendar.session(date).orElseThrow(() -> new ConfigurationException(
        config.source() + ": session.date " + date + " is not an NSE trading day; the next one is "
            + calendar.nextTradingDay(date)));
    if (trading != Trading.SIMULATED && clock.currentTimeMillis() >= session.closeMillis()) {
      throw new ConfigurationException("today's session (" + date + ") closed at " + Ist.at(session.closeMillis())
          .toLocalTime() + " IST: start a live run before the close of a trading day");
    }
    DemoExecution account = DemoExecution.standard();
    if (config.risk().isPresent()) {
      account = account.withLimits(config.risk().get());
    }
    if (trading == Trading.SIMULATED) {
      this.groww = null;
      this.instruments = InMemoryInstrumentRepository.bundledNse();
      this.plan = new SessionPlan(session, resolve(config, instruments, "the bundled NSE instrument master"),
          config.bars(), config.interval());
    } else {
      this.groww = GrowwLink.connect(config, clock, environment);
      opened.add(groww); // closed last: the feed and the broker outlive the services
      try {
        this.instruments = groww.instruments();
        this.plan = new SessionPlan(session, resolve(config, instruments, "Groww's instrument master"),
            config.bars(), config.interval());
        account = account.withPriceBands(groww.circuitBands(plan.instruments()));
        if (trading == Trading.GROWW_LIVE) {
          account = account.withStartingCash(groww.cash());
        }
      } catch (RuntimeException e) {
        close();
        throw e;
      }
    }
    this.account = account;
  }

  /** How a deployment reaches the market and where its orders go. */
  public enum Trading {
    /** The synthetic market of {@code session.seed}, orders filled by the paper broker: needs nothing. */
    SIMULATED,
    /** Groww's live feed for today's session, orders filled by the paper broker on it: no real order is sent. */
    GROWW_PAPER,
    /** Groww's live feed for today's session and real orders at Groww: needs risk limits. */
    GROWW_LIVE
  }

  private static void requireRiskLimits(DeploymentConfig config) {
    RiskLimits r = config.risk().orElseThrow(() -> new ConfigurationException(config.source()
        + ": real orders need risk limits, and this file has no risk section: add one with at least maxOrderValue and"
        + " maxDailyLoss in rupees, e.g. risk: {maxOrderValue: 50000, maxDailyLoss: 5000, maxOpenOrders: 10}"));
    List<String> missing = new ArrayList<>();
    if (r.maxOrderValue().isEmpty()) {
      missing.add("risk.maxOrderValue");
    }
    if (r.maxDailyLoss().isEmpty()) {
      missing.add("risk.maxDailyLoss");
    }
    if (!missing.isEmpty()) {
      throw new ConfigurationException(config.source() + ": real orders need risk.maxOrderValue and risk.maxDailyLoss"
          + " (rupees); missing: " + String.join(", ", missing));
    }
  }

  private static List<Instrument> resolve(DeploymentConfig config, InstrumentRepository repository, String master) {
    List<Instrument> list = new ArrayList<>();
    for (String symbol : config.symbols()) {
      list.add(repository.find(Exchange.NSE, symbol.toUpperCase(Locale.ROOT)).orElseThrow(() ->
          new ConfigurationException(config.source() + ": session.symbols: " + symbol + " is not in " + master)));
    }
    return list;
  }

  /** The in-process bus the services share, once one was started (tests). */
  Optional<EventBus> inProcessBus() {
    return Optional.ofNullable(inProcess);
  }

  /** The way to Groww, when trading there (tests). */
  GrowwLink growwLink() {
    if (groww == null) {
      throw new IllegalStateException("this deployment does not trade at Groww");
    }
    return groww;
  }

  /** How this deployment trades. */
  public Trading trading() {
    return trading;
  }

  public SessionPlan plan() {
    return plan;
  }

  /** Starts {@code names} (see {@link #SERVICES}) in that order; the ingestor only prepares: see {@link #runIngestor}. */
  public List<ServiceUnit> start(List<String> names) {
    for (String name : names) {
      if (!SERVICES.contains(name)) {
        throw new ConfigurationException("unknown service '" + name + "': the services are " + SERVICES);
      }
    }
    List<ServiceUnit> started = new ArrayList<>();
    for (String name : names) {
      ServiceUnit unit = create(name);
      units.add(unit);
      opened.push(unit);
      started.add(unit);
    }
    return started;
  }

  /** Runs the session's market through the ingestor started by {@link #start}; returns when the feed has ended. */
  public void runIngestor() {
    if (ingestor == null) {
      throw new IllegalStateException("the ingestor was not started");
    }
    if (groww == null) {
      ingestor.run(SyntheticMarket.builder().instruments(plan.instruments()).session(plan.session())
          .seed(config.seed()).build());
      return;
    }
    EventBus bus = ingestorBus;
    boolean live = trading == Trading.GROWW_LIVE;
    if (live && orderUnit == null) {
      throw new IllegalStateException("real orders need the order service in this process");
    }
    // feed status comes on the connection's threads; its subscribers (audit, alerts) are thread-safe
    Consumer<MarketDepth> depth = !config.growwDepth() ? null
        : d -> bus.publish(Topics.depth(d.instrument().exchange()), d); // on the feed's thread, like the ticks
    ingestor.run(groww.feed(plan.session(), calendar, s -> bus.publish(Topics.feedStatus(), s), depth,
        live ? this::onOrderUpdate : null, live ? this::pollOrders : null));
  }

  /** On the feed's thread: an order update of the account makes the broker read the order back (as the order unit). */
  private void onOrderUpdate(GrowwOrderUpdate update) {
    atBroker("read back an order Groww updated", b -> b.onFeedUpdate(update));
  }

  /** On the feed's thread: asks Groww for the state of the open orders (a safety net behind the order updates). */
  private void pollOrders() {
    atBroker("poll Groww's open orders", GrowwBroker::pollOpenOrders);
  }

  /**
   * Runs {@code work} on the broker, serialized with the order unit's events. A failure (e.g. a REST call that timed
   * out) is logged and does not end the feed: the next poll catches up.
   */
  private void atBroker(String what, Consumer<GrowwBroker> work) {
    GrowwLink g = groww;
    OrderUnit unit = orderUnit;
    if (g != null && unit != null) {
      try {
        unit.execute(() -> work.accept(g.broker()));
      } catch (RuntimeException e) {
        LOG.warn("could not {}: {}; the next poll tries again", what, e.getMessage());
      }
    }
  }

  /**
   * With real orders, after the session: how the account's positions differ from Groww's (quantities per instrument
   * and product; empty when they agree). Empty without real orders.
   */
  public List<String> reconcileWithBroker() {
    GrowwLink g = groww;
    OrderUnit unit = orderUnit;
    if (trading != Trading.GROWW_LIVE || g == null || unit == null) {
      return List.of();
    }
    return g.reconcile(unit.tier().portfolio().snapshot().positions(), plan.instruments());
  }

  /** One line on the market: the simulator's seed, or what came over Groww's feed. */
  public String marketReport() {
    return groww == null ? "market: synthetic, seed " + config.seed() : groww.describe();
  }

  private ServiceUnit create(String name) {
    EventBus bus = bus(name);
    RulesModelStrategy strategy = RulesModelStrategy.standard(plan.instruments(), plan.strategyInterval());
    switch (name) {
      case "ingestor":
        ingestor = new IngestorUnit(bus, plan);
        ingestorBus = bus;
        return ingestor;
      case "bar-aggregator":
        return new BarAggregatorUnit(bus, calendar, plan);
      case "market-store":
        return new MarketStoreUnit(bus, marketStore(), plan);
      case "feature":
        return new FeatureUnit(bus, plan, strategy.features(), featureSink());
      case "signal":
        return new SignalUnit(bus, plan, strategy.features(), strategy.ruleSet());
      case "order": {
        OrderStore store = orderStore();
        // with an audit log the account's intents, refusals and charged fills go to the audit service over the bus
        boolean auditTrail = config.auditLog() != DeploymentConfig.AuditLogKind.NONE;
        GrowwLink g = groww;
        OrderUnit.TierFactory tier = trading == Trading.GROWW_LIVE && g != null
            ? (clock, local, intents) -> account.build(clock, local, plan.instruments(), store, intents, g.broker())
            : (clock, local, intents) -> account.build(clock, local, plan.instruments(), store, intents);
        orderUnit = new OrderUnit(bus, plan, strategy, instruments, calendar, auditTrail, tier);
        return orderUnit;
      }
      case "portfolio":
        return new PortfolioUnit(bus, plan, account.startingCash(), IndianChargesModel.groww(),
            this::saveSnapshot);
      case "audit":
        if (config.auditLog() == DeploymentConfig.AuditLogKind.NONE) {
          return new Idle("audit", "audit: off (auditLog: none)");
        }
        return new AuditUnit(bus, plan, auditLog(), describe());
      case "notification":
        return new NotificationUnit(bus, plan, config.alerts(), NotificationService.builder()
            .queue(notificationQueue()).channel(new LogNotifier()).digestKind(AlertRules::digestKind)
            .dedupWindow(Duration.ofHours(24)).threadName("aitrader-notification").build());
      default:
        throw new IllegalArgumentException(name);
    }
  }

  private EventBus bus(String service) {
    if (config.bus() == DeploymentConfig.Bus.IN_PROCESS) {
      if (inProcess == null) {
        inProcess = InProcessEventBus.create();
        opened.add(inProcess); // closed last
      }
      return inProcess;
    }
    Map<String, String> k = config.kafka();
    KafkaConfig.Builder b = KafkaConfig.builder().bootstrapServers(k.get("bootstrapServers"))
        .clientId("aitrader-" + service).groupId(k.getOrDefault("group", "aitrader") + "." + service)
        .startFrom(KafkaConfig.StartFrom.EARLIEST);
    if (k.containsKey("partitions")) {
      b.partitions(Integer.parseInt(k.get("partitions")));
    }
    if (k.containsKey("topicPrefix")) {
      b.topicPrefix(k.get("topicPrefix"));
    }
    KafkaEventBus bus = KafkaEventBus.create(b.build(), EventCodecs.standard(instruments));
    opened.push(bus);
    return bus;
  }

  private MarketStore marketStore() {
    MarketStore store;
    if (config.marketStore() == DeploymentConfig.MarketStoreKind.EMBEDDED) {
      store = EmbeddedMarketStore.open(directory(config.output().resolve("market")));
    } else {
      store = ClickHouseMarketStore.open(clickhouse());
    }
    opened.push(store::close);
    return store;
  }

  private AuditLog auditLog() {
    if (config.auditLog() == DeploymentConfig.AuditLogKind.FILE) {
      return FileAuditLog.builder().directory(directory(config.output().resolve("audit")))
          .timeSource(SystemTimeSource.INSTANCE).syncOnAppend(false).open();
    }
    return ClickHouseAuditLog.open(clickhouse(), SystemTimeSource.INSTANCE);
  }

  /** The deployment's settings, recorded by the audit service at the session's start. */
  private Map<String, String> describe() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("session", plan.session().date().toString());
    m.put("trading", DeploymentConfig.label(trading));
    m.put("symbols", String.join(",", config.symbols()));
    m.put("seed", Long.toString(config.seed()));
    m.put("strategy", config.strategy());
    m.put("interval", config.interval().label());
    m.put("bus", DeploymentConfig.label(config.bus()));
    m.put("marketStore", DeploymentConfig.label(config.marketStore()));
    m.put("orderStore", DeploymentConfig.label(config.orderStore()));
    m.put("portfolioSnapshots", DeploymentConfig.label(config.portfolioSnapshots()));
    m.put("auditLog", DeploymentConfig.label(config.auditLog()));
    m.put("notificationQueue", DeploymentConfig.label(config.notificationQueue()));
    m.put("featureCache", DeploymentConfig.label(config.featureCache()));
    return m;
  }

  private NotificationQueue notificationQueue() {
    if (config.notificationQueue() == DeploymentConfig.NotificationQueueKind.REDIS) {
      return redis().notificationQueue(NOTIFICATION_QUEUE);
    }
    return new InMemoryNotificationQueue();
  }

  /** The online feature cache the feature service writes to, when one is configured (built on first use). */
  public synchronized Optional<FeatureCache> featureCache() {
    if (featureCache == null) {
      switch (config.featureCache()) {
        case MEMORY -> featureCache = new InMemoryFeatureCache(FEATURE_CACHE_TTL, SystemTimeSource.INSTANCE);
        case REDIS -> featureCache = redis().featureCache(FEATURE_CACHE_TTL);
        case NONE -> { }
        default -> throw new IllegalStateException(config.featureCache().name());
      }
    }
    return Optional.ofNullable(featureCache);
  }

  private Consumer<FeatureVector> featureSink() {
    Optional<FeatureCache> cache = featureCache();
    if (cache.isEmpty()) {
      return v -> { };
    }
    FeatureCache c = cache.get();
    AtomicLong failures = new AtomicLong();
    return v -> {
      try {
        c.put(v);
      } catch (RuntimeException e) { // the cache is a convenience: the features still go out on the bus
        long n = failures.incrementAndGet();
        if (Long.bitCount(n) == 1) { // 1st, 2nd, 4th…: loud without flooding the log
          LOG.warn("the feature cache did not take the vector of {} ({} failures so far): {}", v.instrument().id(), n,
              e.toString());
        }
      }
    };
  }

  private OrderStore orderStore() {
    OrderStore store;
    if (config.orderStore() == DeploymentConfig.OrderStoreKind.FILE) {
      store = FileOrderStore.open(directory(config.output()).resolve("orders.journal"), instruments);
    } else {
      store = postgres().orderStore(instruments);
    }
    opened.push(store::close);
    long from = plan.session().preOpenStartMillis();
    long to = plan.endMillis();
    long before = store.orders().stream().filter(o -> o.recordedAtMillis() >= from && o.recordedAtMillis() < to).count();
    if (before > 0) {
      throw new ConfigurationException("the order store (" + store.name() + ") already holds " + before
          + " order(s) of the session " + plan.session().date() + ": this session was run into it before, and running"
          + " it again would trade it twice; use a fresh output directory or database (resuming a session after a"
          + " restart is not supported yet)");
    }
    return store;
  }

  private void saveSnapshot(DefaultPortfolioService portfolio) {
    long at = plan.session().closeMillis();
    if (config.portfolioSnapshots() == DeploymentConfig.SnapshotsKind.POSTGRES) {
      postgres().portfolioSnapshots(30).save(config.strategy(), portfolio, at);
    } else {
      try {
        Files.writeString(directory(config.output()).resolve("portfolio.state"), portfolio.saveState());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot save the portfolio's state in " + config.output(), e);
      }
    }
  }

  /** The PostgreSQL connector, opened (and migrated) on first use. */
  public synchronized PostgresConnector postgres() {
    if (postgres == null) {
      Map<String, String> p = config.postgres();
      PostgresConfig.Builder b = PostgresConfig.builder().jdbcUrl(p.get("url")).user(p.getOrDefault("user", "aitrader"));
      String password = p.getOrDefault("password", "");
      if (!password.isEmpty()) {
        b.password(Secret.of("postgres.password", password));
      }
      postgres = PostgresConnector.open(b.build());
      opened.add(postgres);
    }
    return postgres;
  }

  /** The ClickHouse connector, opened (database created, migrations applied) on first use. */
  public synchronized ClickHouseConnector clickhouse() {
    if (clickhouse == null) {
      Map<String, String> c = config.clickhouse();
      ClickHouseConfig.Builder b = ClickHouseConfig.builder().url(c.get("url"))
          .database(c.getOrDefault("database", "aitrader")).user(c.getOrDefault("user", "default"));
      String password = c.getOrDefault("password", "");
      if (!password.isEmpty()) {
        b.password(Secret.of("clickhouse.password", password));
      }
      clickhouse = ClickHouseConnector.open(b.build());
      opened.add(clickhouse);
    }
    return clickhouse;
  }

  /** The Redis connector, connected on first use. */
  public synchronized RedisConnector redis() {
    if (redis == null) {
      Map<String, String> r = config.redis();
      RedisConfig.Builder b = RedisConfig.builder().address(r.get("address"))
          .keyPrefix(r.getOrDefault("keyPrefix", RedisConfig.DEFAULT_KEY_PREFIX));
      String password = r.getOrDefault("password", "");
      if (!password.isEmpty()) {
        b.password(Secret.of("redis.password", password));
      }
      redis = RedisConnector.connect(b.build());
      opened.add(redis);
    }
    return redis;
  }

  private static Path directory(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the directory " + dir, e);
    }
  }

  /** The started services. */
  public List<ServiceUnit> units() {
    return List.copyOf(units);
  }

  /** Closes the services, then the buses and stores, newest first. */
  @Override
  public void close() {
    while (!opened.isEmpty()) {
      try {
        opened.pop().close();
      } catch (Exception e) {
        LOG.warn("closing part of the deployment failed", e);
      }
    }
  }

  /** A service the configuration turned off: nothing to do, so its session is always done. */
  private record Idle(String name, String report) implements ServiceUnit {
    @Override
    public boolean sessionDone() {
      return true;
    }

    @Override
    public void close() {
      // nothing subscribed
    }
  }
}
