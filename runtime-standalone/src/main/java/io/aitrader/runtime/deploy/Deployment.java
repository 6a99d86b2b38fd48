package io.aitrader.runtime.deploy;

import io.aitrader.api.ConfigurationException;
import io.aitrader.api.Secret;
import io.aitrader.api.bus.EventBus;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.MarketStore;
import io.aitrader.api.order.OrderStore;
import io.aitrader.api.time.TradingSession;
import io.aitrader.connector.clickhouse.ClickHouseConfig;
import io.aitrader.connector.clickhouse.ClickHouseConnector;
import io.aitrader.connector.clickhouse.ClickHouseMarketStore;
import io.aitrader.connector.kafka.KafkaConfig;
import io.aitrader.connector.kafka.KafkaEventBus;
import io.aitrader.connector.kafka.codec.EventCodecs;
import io.aitrader.connector.postgres.PostgresConfig;
import io.aitrader.connector.postgres.PostgresConnector;
import io.aitrader.core.bus.InProcessEventBus;
import io.aitrader.core.calendar.ExchangeCalendar;
import io.aitrader.core.charges.IndianChargesModel;
import io.aitrader.core.instruments.InMemoryInstrumentRepository;
import io.aitrader.core.market.synthetic.SyntheticMarket;
import io.aitrader.core.orders.FileOrderStore;
import io.aitrader.core.portfolio.DefaultPortfolioService;
import io.aitrader.core.services.BarAggregatorUnit;
import io.aitrader.core.services.FeatureUnit;
import io.aitrader.core.services.IngestorUnit;
import io.aitrader.core.services.MarketStoreUnit;
import io.aitrader.core.services.OrderUnit;
import io.aitrader.core.services.PortfolioUnit;
import io.aitrader.core.services.ServiceUnit;
import io.aitrader.core.services.SessionPlan;
import io.aitrader.core.services.SignalUnit;
import io.aitrader.core.store.EmbeddedMarketStore;
import io.aitrader.core.strategy.reference.RulesModelStrategy;
import io.aitrader.runtime.demo.DemoExecution;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Starts the services of one deployment on the bus and stores its configuration names, and owns what it opened.
 * With the in-process bus every service shares one bus (synchronous delivery: the run is one deterministic thread);
 * with Kafka each service gets its own client in the consumer group {@code <kafka.group>.<service>}, so instances
 * of one service share its partitions and different services each see every event.
 */
public final class Deployment implements AutoCloseable {
  /** The services, in the order {@code run} starts them (consumers before the ingestor). */
  public static final List<String> SERVICES = List.of("market-store", "bar-aggregator", "feature", "signal", "order",
      "portfolio", "ingestor");

  private final DeploymentConfig config;
  private final ExchangeCalendar calendar = ExchangeCalendar.nse();
  private final InMemoryInstrumentRepository instruments = InMemoryInstrumentRepository.bundledNse();
  private final SessionPlan plan;
  private final Deque<AutoCloseable> opened = new ArrayDeque<>();
  private final List<ServiceUnit> units = new ArrayList<>();
  private @Nullable InProcessEventBus inProcess;
  private @Nullable PostgresConnector postgres;
  private @Nullable ClickHouseConnector clickhouse;
  private @Nullable IngestorUnit ingestor;

  public Deployment(DeploymentConfig config) {
    this.config = config;
    TradingSession session = calendar.session(config.date()).orElseThrow(() -> new ConfigurationException(
        config.source() + ": session.date " + config.date() + " is not an NSE trading day; the next one is "
            + calendar.nextTradingDay(config.date())));
    List<Instrument> list = new ArrayList<>();
    for (String symbol : config.symbols()) {
      list.add(instruments.find(Exchange.NSE, symbol.toUpperCase(Locale.ROOT)).orElseThrow(() ->
          new ConfigurationException(config.source() + ": session.symbols: " + symbol
              + " is not in the bundled NSE instrument master")));
    }
    this.plan = new SessionPlan(session, list, config.bars(), config.interval());
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
    ingestor.run(SyntheticMarket.builder().instruments(plan.instruments()).session(plan.session())
        .seed(config.seed()).build());
  }

  private ServiceUnit create(String name) {
    EventBus bus = bus(name);
    RulesModelStrategy strategy = RulesModelStrategy.standard(plan.instruments(), plan.strategyInterval());
    switch (name) {
      case "ingestor":
        ingestor = new IngestorUnit(bus, plan);
        return ingestor;
      case "bar-aggregator":
        return new BarAggregatorUnit(bus, calendar, plan);
      case "market-store":
        return new MarketStoreUnit(bus, marketStore(), plan);
      case "feature":
        return new FeatureUnit(bus, plan, strategy.features(), v -> { });
      case "signal":
        return new SignalUnit(bus, plan, strategy.features(), strategy.ruleSet());
      case "order": {
        DemoExecution account = DemoExecution.standard();
        OrderStore store = orderStore();
        return new OrderUnit(bus, plan, strategy, instruments, calendar,
            (clock, local) -> account.build(clock, local, plan.instruments(), store));
      }
      case "portfolio":
        return new PortfolioUnit(bus, plan, DemoExecution.standard().startingCash(), IndianChargesModel.groww(),
            this::saveSnapshot);
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
        org.slf4j.LoggerFactory.getLogger(Deployment.class).warn("closing part of the deployment failed", e);
      }
    }
  }
}
