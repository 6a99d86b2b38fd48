package io.aitrader.runtime.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ConfigurationException;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.bus.SubscriptionOptions;
import io.aitrader.api.bus.Topics;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.market.MarketDepth;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.money.Money;
import io.aitrader.api.order.Order;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.OrderStatus;
import io.aitrader.api.portfolio.Position;
import io.aitrader.api.time.Ist;
import io.aitrader.core.instruments.InMemoryInstrumentRepository;
import io.aitrader.core.orders.FileOrderStore;
import io.aitrader.core.services.OrderUnit;
import io.aitrader.core.services.ServiceUnit;
import io.aitrader.core.store.EmbeddedMarketStore;
import io.aitrader.core.time.ManualTimeSource;
import io.aitrader.groww.fake.FakeGroww;
import io.aitrader.groww.fake.live.FakeLiveGroww;
import io.aitrader.groww.rest.GrowwPosition;
import io.aitrader.groww.fake.nats.FakeFeedServer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --broker groww --paper | --live}: today's session on Groww's live feed, orders to the paper broker or to
 * Groww — here the fake Groww (REST on loopback, a real nats-server feed), reached through the configurable URLs,
 * on a manual clock that the fake's market and the deployment share.
 */
class GrowwDeploymentTest {
  private static final LocalDate DAY = LocalDate.of(2025, 6, 2);
  private static final List<String> SYMBOLS = List.of("RELIANCE", "TCS", "INFY");

  @TempDir
  Path dir;

  private final InMemoryInstrumentRepository master = InMemoryInstrumentRepository.bundledNse();
  private final List<Instrument> instruments = SYMBOLS.stream()
      .map(s -> master.find(Exchange.NSE, s).orElseThrow()).toList();
  private final ManualTimeSource clock = new ManualTimeSource(Ist.toEpochMillis(DAY, LocalTime.of(9, 10)));
  private FakeLiveGroww groww;
  private final List<MarketDepth> depths = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void startFakeGroww() {
    groww = FakeLiveGroww.start(FakeGroww.builder().seed(11).clock(clock), FakeFeedServer.builder(), instruments);
  }

  @AfterEach
  void stopFakeGroww() {
    groww.close();
  }

  private DeploymentConfig config(String risk) throws Exception {
    Path secrets = dir.resolve("groww.env");
    Files.writeString(secrets, "GROWW_API_KEY=" + FakeGroww.DEFAULT_API_KEY + "\nGROWW_TOTP_SECRET="
        + FakeGroww.DEFAULT_TOTP_SECRET + "\n");
    Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-------"));
    String yaml = "session: {date: today, symbols: [" + String.join(", ", SYMBOLS) + "], strategy: rules-model,"
        + " interval: 5m, bars: [1m, 5m]}\n"
        + "bus: in-process\nmarketStore: embedded\norderStore: file\nportfolioSnapshots: file\n"
        + "output: " + dir.resolve("out") + "\n"
        + "auditLog: file\n"
        + risk
        + "groww: {baseUrl: '" + groww.rest().baseUrl() + "', instrumentsUrl: '" + groww.rest().csvUrl()
        + "', feedUrl: '" + groww.feed().websocketUrl() + "', secretsFile: '" + secrets + "'}\n";
    Path file = dir.resolve("groww.yaml");
    Files.writeString(file, yaml);
    return DeploymentConfig.load(file, Map.of());
  }

  private static final String RISK = "risk: {maxOrderValue: 150000, maxDailyLoss: 20000, maxGrossExposure: 1000000,"
      + " maxOpenOrders: 20}\n";

  /** Runs the session through the deployment, moving the fake's market in 15-second steps, each delivered first. */
  private Deployment runSession(Deployment.Trading trading) throws Exception {
    return runSession(trading, Long.MAX_VALUE, Long.MAX_VALUE);
  }

  /**
   * The same, with the last instrument's feed falling silent from {@code silentFrom} to the end of the session, and
   * the feed server down for three minutes from {@code outageFrom}.
   */
  private Deployment runSession(Deployment.Trading trading, long silentFrom, long outageFrom) throws Exception {
    Deployment deployment = new Deployment(config(RISK), trading, clock, Map.of());
    List<ServiceUnit> units = deployment.start(Deployment.SERVICES);
    deployment.inProcessBus().orElseThrow().subscribe(Topics.depth(Exchange.NSE), depths::add,
        SubscriptionOptions.SYNCHRONOUS);
    Thread ingestor = new Thread(deployment::runIngestor, "test-ingestor");
    ingestor.start();
    await(() -> groww.subscribedSubjects().size() >= SYMBOLS.size(), "the feed's subscriptions");
    GrowwLink link = deployment.growwLink();
    long open = deployment.plan().session().openMillis();
    long close = deployment.plan().session().closeMillis();
    for (long t = open; t <= close; t += 15_000) {
      if (t == silentFrom) {
        groww.mute(instruments.get(2), true);
      }
      if (t == outageFrom) {
        groww.feed().stop();
        groww.advanceTo(t + 3 * 60_000); // the market moves on while the feed is down: its ticks are lost
        groww.feed().start();
        await(() -> link.stats().orElseThrow().outages() == 1, "the reconnection");
        t += 3 * 60_000;
      }
      groww.advanceTo(t);
      long published = groww.published();
      await(() -> liveQuotesHandled(link) >= published, "the quotes of " + Ist.at(t));
    }
    groww.advanceTo(close + GrowwLink.CLOSE_GRACE.toMillis()); // the deployment's clock ends the feed
    ingestor.join(TimeUnit.SECONDS.toMillis(30));
    assertThat(ingestor.isAlive()).as("the feed ended at the session's end").isFalse();
    await(() -> units.stream().allMatch(ServiceUnit::sessionDone), "every service to finish the session");
    return deployment;
  }

  /** The live quotes the feed has handed over or held back (the minutes they were part of are rebuilt instead). */
  private static long liveQuotesHandled(GrowwLink link) {
    return link.stats().map(s -> s.delivered() - s.repairQuotes() + s.heldBack()).orElse(0L);
  }

  private static void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("timed out waiting for " + what).isLessThan(deadline);
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
  }

  /** The orders the order service journaled, in their last reported state. */
  private List<Order> journal() {
    try (FileOrderStore store = FileOrderStore.open(dir.resolve("out/orders.journal"), master)) {
      return store.orders().stream().flatMap(o -> o.state().stream()).toList();
    }
  }

  @Test
  void liveOrdersGoToGrowwAndTheAccountAgreesWithGrowwsOrderBookAcrossAFeedOutage() throws Exception {
    long outageFrom = Ist.toEpochMillis(DAY, LocalTime.of(11, 0));
    try (Deployment deployment = runSession(Deployment.Trading.GROWW_LIVE, Long.MAX_VALUE, outageFrom)) {
      assertThat(groww.lost()).as("ticks published while the feed server was down").isPositive();
      List<Order> journal = journal();
      assertThat(groww.rest().requests("/v1/order/create")).as("orders placed over REST").isNotEmpty();
      List<Order> sent = journal.stream().filter(o -> groww.rest().order(o.brokerOrderId()).isPresent()).toList();
      assertThat(sent).as("every order Groww received is in the journal")
          .hasSize(groww.rest().requests("/v1/order/create").size());
      for (Order o : sent) {
        Order atGroww = groww.rest().order(o.brokerOrderId()).orElseThrow();
        assertThat(o.status()).as("status of " + o.referenceId()).isEqualTo(atGroww.status());
        assertThat(o.filledQuantity()).as("filled quantity of " + o.referenceId()).isEqualTo(atGroww.filledQuantity());
      }
      assertThat(sent).anyMatch(o -> o.status() == OrderStatus.EXECUTED);
      OrderUnit order = (OrderUnit) deployment.units().stream().filter(u -> u.name().equals("order")).findFirst()
          .orElseThrow();
      for (Order o : sent) { // the account's positions are what Groww's order book says was filled
        Instrument i = o.request().instrument();
        long filled = sent.stream().filter(x -> x.request().instrument().equals(i)
            && x.request().product() == o.request().product())
            .mapToLong(x -> x.request().side().sign() * x.filledQuantity()).sum();
        assertThat(order.tier().portfolio().position(i, o.request().product()).map(Position::netQuantity).orElse(0L))
            .as("position in " + i.id()).isEqualTo(filled);
      }
      assertThat(deployment.marketReport()).startsWith("groww: ").contains("quotes");
      assertThat(deployment.reconcileWithBroker()).as("positions agree with the fake Groww's").isEmpty();
      assertThat(deployment.growwLink().stats().orElseThrow().repairs()).as("every instrument repaired")
          .isEqualTo(instruments.size());
      assertCompleteMinuteBars(deployment); // the outage's minutes too: rebuilt from candles
    }
  }

  @Test
  void paperOrdersStayInTheProcessWhileTheMarketComesFromGrowwsFeedAndASilentInstrumentIsBackfilled() throws Exception {
    long silentFrom = Ist.toEpochMillis(DAY, LocalTime.of(14, 0));
    try (Deployment deployment = runSession(Deployment.Trading.GROWW_PAPER, silentFrom, Long.MAX_VALUE)) {
      List<Order> journal = journal();
      assertThat(journal).as("the strategy traded").isNotEmpty();
      assertThat(journal).anyMatch(o -> o.status() == OrderStatus.EXECUTED);
      assertThat(groww.rest().requests("/v1/order/create")).as("nothing was sent to Groww").isEmpty();
      assertThat(depths).as("the books went out on market.depth.nse").hasSize(
          Math.toIntExact(deployment.growwLink().stats().orElseThrow().depths())).isNotEmpty();
      assertThat(depths).allSatisfy(d -> {
        assertThat(instruments).contains(d.instrument());
        assertThat(d.bids()).hasSize(5);
        assertThat(d.bestBid().orElseThrow().price()).isLessThan(d.bestAsk().orElseThrow().price());
      });
      assertThat(deployment.growwLink().stats().orElseThrow().silentInstruments()).as("INFY fell silent at 14:00")
          .isEqualTo(1);
      assertCompleteMinuteBars(deployment); // INFY's too: rebuilt from candles while silent and at the close
    }
  }

  private void assertCompleteMinuteBars(Deployment deployment) {
    long open = deployment.plan().session().openMillis();
    long close = deployment.plan().session().closeMillis();
    deployment.close(); // the market store is closed with the deployment before it is read again
    try (EmbeddedMarketStore store = EmbeddedMarketStore.open(dir.resolve("out/market"))) {
      for (Instrument i : instruments) {
        assertThat(store.bars(i, BarInterval.M1, open, close)).as("1m bars of " + i.id()).hasSize(375);
      }
    }
  }

  @Test
  void refusesRealOrdersWithoutRiskLimits() throws Exception {
    DeploymentConfig noRisk = config("");
    assertThatThrownBy(() -> new Deployment(noRisk, Deployment.Trading.GROWW_LIVE, clock, Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("real orders need risk limits").hasMessageContaining("maxOrderValue");

    DeploymentConfig partial = config("risk: {maxOpenOrders: 5}\n");
    assertThatThrownBy(() -> new Deployment(partial, Deployment.Trading.GROWW_LIVE, clock, Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("risk.maxOrderValue and risk.maxDailyLoss")
        .hasMessageContaining("missing: risk.maxOrderValue, risk.maxDailyLoss");
    assertThat(groww.rest().requests()).as("refused before reaching Groww").isEmpty();
  }

  @Test
  void tradesTodayOnlyAndNotAfterTheClose() throws Exception {
    Path file = Files.writeString(dir.resolve("past.yaml"), "session: {date: 2025-05-30, symbols: [TCS],"
        + " strategy: rules-model, interval: 5m}\nbus: in-process\nmarketStore: embedded\norderStore: file\n"
        + "portfolioSnapshots: file\n");
    DeploymentConfig past = DeploymentConfig.load(file, Map.of());
    assertThatThrownBy(() -> new Deployment(past, Deployment.Trading.GROWW_PAPER, clock, Map.of()))
        .hasMessageContaining("session.date 2025-05-30 is not today (2025-06-02)").hasMessageContaining("date: today");

    DeploymentConfig today = config(RISK);
    clock.set(Ist.toEpochMillis(DAY, LocalTime.of(15, 31)));
    assertThatThrownBy(() -> new Deployment(today, Deployment.Trading.GROWW_PAPER, clock, Map.of()))
        .hasMessageContaining("today's session (2025-06-02) closed at 15:30 IST");
  }

  @Test
  void missingCredentialsNameTheVariablesToSet() throws Exception {
    Path file = Files.writeString(dir.resolve("nocreds.yaml"), "session: {date: today, symbols: [TCS],"
        + " strategy: rules-model, interval: 5m}\nbus: in-process\nmarketStore: embedded\norderStore: file\n"
        + "portfolioSnapshots: file\ngroww: {baseUrl: '" + groww.rest().baseUrl() + "'}\n");
    DeploymentConfig config = DeploymentConfig.load(file, Map.of());
    assertThatThrownBy(() -> new Deployment(config, Deployment.Trading.GROWW_PAPER, clock, Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("Groww credentials").hasMessageContaining("GROWW_ACCESS_TOKEN")
        .hasMessageContaining("groww.secretsFile");
  }

  @Test
  void aRefusedTokenIsReportedWithoutTheToken() throws Exception {
    config(RISK);
    Map<String, String> bad = Map.of("GROWW_ACCESS_TOKEN", "not-a-real-token-4f9a");
    Path file = Files.writeString(dir.resolve("token.yaml"), Files.readString(dir.resolve("groww.yaml"))
        .replaceAll(", secretsFile: '[^']*'", ""));
    DeploymentConfig tokenOnly = DeploymentConfig.load(file, Map.of());
    assertThatThrownBy(() -> new Deployment(tokenOnly, Deployment.Trading.GROWW_PAPER, clock, bad))
        .hasMessageContaining("GROWW_ACCESS_TOKEN")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("not-a-real-token-4f9a"));
  }

  @Test
  void reconciliationNamesEachQuantityThatDiffersFromGrowws() {
    Instrument tcs = instruments.get(1);
    Instrument infy = instruments.get(2);
    List<Position> ours = List.of(new Position(tcs, Product.MIS, 10, Money.of("35000"), Money.ZERO),
        new Position(infy, Product.CNC, 5, Money.of("7500"), Money.ZERO));
    List<GrowwPosition> theirs = List.of(growwPosition("TCS", "MIS", 10), growwPosition("INFY", "CNC", 7),
        growwPosition("WIPRO", "CNC", 100)); // not traded here: ignored

    assertThat(GrowwLink.differences(ours, theirs, instruments)).containsExactly("NSE:INFY/CNC: here 5, at Groww 7");
    assertThat(GrowwLink.differences(ours, theirs.subList(0, 1), instruments))
        .containsExactly("NSE:INFY/CNC: here 5, at Groww 0");
  }

  private static GrowwPosition growwPosition(String symbol, String product, long quantity) {
    BigDecimal z = BigDecimal.ZERO;
    return new GrowwPosition(symbol, Segment.CASH, Optional.of("NSE"), Optional.of(product), Optional.empty(),
        BigDecimal.valueOf(quantity), z, z, z, z, z, z, z, z, z, z, z, z);
  }
}
