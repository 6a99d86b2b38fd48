package io.aitrader.runtime.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.order.StoredOrder;
import io.aitrader.connector.clickhouse.ClickHouseConnector;
import io.aitrader.connector.clickhouse.ClickHouseMarketStore;
import io.aitrader.connector.clickhouse.ClickHouseServer;
import io.aitrader.connector.kafka.KafkaBroker;
import io.aitrader.connector.postgres.PostgresPortfolioSnapshots;
import io.aitrader.connector.postgres.PostgresServer;
import io.aitrader.core.instruments.InMemoryInstrumentRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same synthetic session run twice: every service in one process on the in-process bus, and the services as
 * separate processes connected through a real Kafka broker (two bar aggregators in one consumer group). Bars land in
 * ClickHouse, orders and the portfolio's end-of-session state in PostgreSQL — one database of each per run — and
 * both runs must agree exactly.
 */
class MultiProcessDeploymentTest {
  private static final Duration START = Duration.ofSeconds(120);
  private static final Duration SESSION = Duration.ofSeconds(300);
  private static final List<String> SYMBOLS = List.of("RELIANCE", "TCS", "INFY", "HDFCBANK", "ICICIBANK", "SBIN");
  private static final Pattern AGGREGATED = Pattern.compile("bar-aggregator: (\\d+) bars of \\d+ instrument\\(s\\) \\[([^]]*)]");

  @TempDir
  Path dir;

  private final String run = "e2e" + Integer.toUnsignedString(new Random().nextInt(), 36);

  private Path config(String name, String bus, String clickhouseDb, String postgresUrl) throws Exception {
    String yaml = "session:\n"
        + "  date: 2025-06-02\n"
        + "  symbols: [" + String.join(", ", SYMBOLS) + "]\n"
        + "  seed: 7\n"
        + "  strategy: rules-model\n"
        + "  interval: 5m\n"
        + "  bars: [1m, 5m, 15m]\n"
        + "bus: " + bus + "\n"
        + "marketStore: clickhouse\n"
        + "orderStore: postgres\n"
        + "portfolioSnapshots: postgres\n"
        + "output: " + dir.resolve(name + "-out") + "\n"
        + "kafka:\n"
        + "  bootstrapServers: " + KafkaBroker.shared().bootstrapServers() + "\n"
        + "  group: " + run + "\n"
        + "  partitions: 4\n"
        + "clickhouse:\n"
        + "  url: " + ClickHouseServer.get().url() + "\n"
        + "  database: " + clickhouseDb + "\n"
        + "  user: " + ClickHouseServer.USER + "\n"
        + "  password: ${TEST_CLICKHOUSE_PASSWORD:-" + ClickHouseServer.PASSWORD + "}\n"
        + "postgres:\n"
        + "  url: " + postgresUrl + "\n"
        + "  user: " + PostgresServer.USER + "\n";
    Path file = dir.resolve(name + ".yaml");
    Files.writeString(file, yaml);
    return file;
  }

  @Test
  void servicesInSeparateProcessesDecideExactlyAsInOneProcess() throws Exception {
    // given the reference: every service in this JVM on the in-process bus
    Path reference = config("reference", "in-process", run + "_ref", PostgresServer.shared().newDatabase(run + "_ref"));
    try (Deployment d = new Deployment(DeploymentConfig.load(reference, Map.of()))) {
      d.start(Deployment.SERVICES);
      d.runIngestor();
      assertThat(d.units()).allMatch(u -> u.sessionDone(), "every service saw the session end");
    }

    // when the same session runs across processes connected through Kafka
    Path multi = config("multi", "kafka", run + "_multi", PostgresServer.shared().newDatabase(run + "_multi"));
    List<ServiceProcess> processes = new ArrayList<>();
    try {
      ServiceProcess aggregatorA = start(processes, "bar-aggregator-a", "service", "bar-aggregator", "--config", multi.toString());
      ServiceProcess aggregatorB = start(processes, "bar-aggregator-b", "service", "bar-aggregator", "--config", multi.toString());
      List<ServiceProcess> untilEnd = new ArrayList<>();
      for (String service : List.of("market-store", "feature", "signal", "order", "portfolio")) {
        untilEnd.add(start(processes, service, "service", service, "--config", multi.toString(), "--until-session-end"));
      }
      for (ServiceProcess p : processes) {
        p.awaitLine(l -> l.startsWith("ready: "), START);
      }
      awaitBothAggregatorsHoldPartitions(run + ".bar-aggregator.market.ticks.nse");
      ServiceProcess ingestor = start(processes, "ingestor", "service", "ingestor", "--config", multi.toString());
      assertThat(ingestor.awaitExit(SESSION)).as(ingestor.output()).isZero();
      for (ServiceProcess p : untilEnd) {
        assertThat(p.awaitExit(SESSION)).as(p.output()).isZero();
      }
      assertThat(aggregatorA.stop(START)).as(aggregatorA.output()).isIn(0, 143);
      assertThat(aggregatorB.stop(START)).as(aggregatorB.output()).isIn(0, 143);

      // then the two aggregators split the instruments and made every bar once between them
      Set<String> a = aggregatedInstruments(aggregatorA);
      Set<String> b = aggregatedInstruments(aggregatorB);
      assertThat(a).as(aggregatorA.output()).isNotEmpty();
      assertThat(b).as(aggregatorB.output()).isNotEmpty();
      assertThat(a).doesNotContainAnyElementsOf(b);
      Set<String> all = new TreeSet<>(a);
      all.addAll(b);
      assertThat(all).hasSize(SYMBOLS.size());
    } finally {
      processes.forEach(ServiceProcess::close);
    }

    // and bars, orders and the portfolio agree with the one-process run
    InMemoryInstrumentRepository repository = InMemoryInstrumentRepository.bundledNse();
    try (Deployment ref = new Deployment(DeploymentConfig.load(reference, Map.of()));
        Deployment mp = new Deployment(DeploymentConfig.load(multi, Map.of()))) {
      ClickHouseMarketStore refBars = ClickHouseMarketStore.open(ref.clickhouse());
      ClickHouseMarketStore mpBars = ClickHouseMarketStore.open(mp.clickhouse());
      long session0 = ref.plan().session().openMillis();
      long session1 = ref.plan().session().closeMillis() + 1;
      int compared = 0;
      for (Instrument i : ref.plan().instruments()) {
        for (BarInterval interval : ref.plan().barIntervals()) {
          List<Bar> expected = refBars.bars(i, interval, session0, session1);
          assertThat(expected).as("reference bars of %s %s", i.id(), interval).isNotEmpty();
          assertThat(mpBars.bars(i, interval, session0, session1)).as("bars of %s %s", i.id(), interval)
              .containsExactlyElementsOf(expected);
          compared += expected.size();
        }
      }
      assertThat(rows(mp.clickhouse(), "bars")).as("every bar stored exactly once").isEqualTo(compared);
      assertThat(rows(ref.clickhouse(), "bars")).isEqualTo(compared);

      List<StoredOrder> expectedOrders = ref.postgres().orderStore(repository).orders();
      assertThat(expectedOrders).as("the reference run traded").isNotEmpty();
      assertThat(mp.postgres().orderStore(repository).orders()).containsExactlyElementsOf(expectedOrders);

      PostgresPortfolioSnapshots.Snapshot expectedState = ref.postgres().portfolioSnapshots(30).latest("rules-model")
          .orElseThrow();
      assertThat(mp.postgres().portfolioSnapshots(30).latest("rules-model")).hasValue(expectedState);
    }
  }

  private static ServiceProcess start(List<ServiceProcess> processes, String label, String... args) {
    ServiceProcess p = ServiceProcess.start(label, Path.of("."), args);
    processes.add(p);
    return p;
  }

  private static long rows(ClickHouseConnector c, String table) {
    return Long.parseLong(c.queryText("SELECT count() FROM " + table).trim());
  }

  private static Set<String> aggregatedInstruments(ServiceProcess p) {
    Set<String> ids = new HashSet<>();
    for (String line : p.lines()) {
      Matcher m = AGGREGATED.matcher(line);
      if (m.find() && !m.group(2).isBlank()) {
        for (String id : m.group(2).split(", ")) {
          ids.add(id.trim());
        }
      }
    }
    return ids;
  }

  /** The ingestor starts only once the group has settled: each aggregator holds some of the tick partitions. */
  private static void awaitBothAggregatorsHoldPartitions(String group) throws Exception {
    Map<String, Object> props = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers());
    try (Admin admin = Admin.create(props)) {
      long deadline = System.nanoTime() + START.toNanos();
      String last = "";
      while (System.nanoTime() < deadline) {
        ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
        last = d.groupState() + " " + d.members();
        if (d.members().size() == 2 && d.members().stream().map(MemberDescription::assignment)
            .allMatch(x -> !x.topicPartitions().isEmpty()) && "STABLE".equals(d.groupState().name())) {
          return;
        }
        Thread.onSpinWait();
        java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
      }
      throw new AssertionError("the bar aggregators' group " + group + " did not settle: " + last);
    }
  }
}
