package io.aitrader.runtime.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.audit.AuditRecord;
import io.aitrader.api.feature.FeatureCache;
import io.aitrader.api.feature.FeatureVector;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.notify.NotificationQueue;
import io.aitrader.connector.kafka.KafkaBroker;
import io.aitrader.connector.redis.RedisConnector;
import io.aitrader.connector.redis.RedisServer;
import io.aitrader.core.audit.AuditPackets;
import io.aitrader.core.audit.FileAuditLog;
import io.aitrader.core.notify.NotificationStats;
import io.aitrader.core.services.NotificationUnit;
import io.aitrader.core.services.ServiceUnit;
import io.aitrader.core.time.SystemTimeSource;
import io.aitrader.runtime.cli.AitraderCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every service in one process with the audit and notification services: the audit packets land in the file log,
 * the day's summary is delivered, and the feature cache holds each instrument's latest vector — in memory, or with
 * the notification queue and the feature cache in a real Redis.
 */
class DeploymentServicesTest {
  @TempDir
  Path dir;

  private Path config(String extra) throws Exception {
    return config("in-process", extra);
  }

  private Path config(String bus, String extra) throws Exception {
    return config(bus, extra, "out");
  }

  private Path config(String bus, String extra, String output) throws Exception {
    String yaml = "session:\n"
        + "  date: 2025-06-02\n"
        + "  symbols: [RELIANCE, TCS, INFY]\n"
        + "  seed: 7\n"
        + "  strategy: rules-model\n"
        + "  interval: 5m\n"
        + "  bars: [1m, 5m]\n"
        + "bus: " + bus + "\n"
        + "marketStore: embedded\n"
        + "orderStore: file\n"
        + "portfolioSnapshots: file\n"
        + "output: " + dir.resolve(output) + "\n"
        + extra;
    Path file = dir.resolve(output + ".yaml");
    Files.writeString(file, yaml);
    return file;
  }

  private static NotificationUnit notification(Deployment d) {
    return d.units().stream().filter(NotificationUnit.class::isInstance).map(NotificationUnit.class::cast)
        .findFirst().orElseThrow();
  }

  private static List<String> reports(Deployment d) {
    return d.units().stream().map(ServiceUnit::report).toList();
  }

  private List<AuditRecord> auditPackets() {
    return auditPackets("out");
  }

  private List<AuditRecord> auditPackets(String output) {
    try (FileAuditLog log = FileAuditLog.builder().directory(dir.resolve(output).resolve("audit"))
        .timeSource(SystemTimeSource.INSTANCE).open()) {
      assertThat(log.verify().isValid()).as("the hash chain verifies: %s", log.verify()).isTrue();
      return log.read(1, 1_000_000);
    }
  }

  @Test
  void auditsToTheFileLogAndDeliversTheDaySummary() throws Exception {
    // given a deployment with a file audit log, the memory queue and a memory feature cache
    Path file = config("auditLog: file\nnotificationQueue: memory\nfeatureCache: memory\nalerts: [summary]\n");
    NotificationStats stats;
    List<String> reports;
    try (Deployment d = new Deployment(DeploymentConfig.load(file, Map.of()))) {
      // when every service runs the session in this process
      d.start(Deployment.SERVICES);
      d.runIngestor();

      // then every service saw the session's end, the summary was delivered and the cache holds the last vectors
      reports = reports(d);
      assertThat(d.units()).as("%s", reports).allMatch(ServiceUnit::sessionDone);
      stats = notification(d).notifications().stats();
      assertThat(notification(d).notifications().deadLetters()).isEmpty();
      FeatureCache cache = d.featureCache().orElseThrow();
      for (Instrument i : d.plan().instruments()) {
        Optional<FeatureVector> latest = cache.latest(i, BarInterval.M5);
        assertThat(latest).as(i.id()).isPresent();
        assertThat(latest.get().timestampMillis()).isGreaterThan(d.plan().session().openMillis())
            .isLessThanOrEqualTo(d.plan().session().closeMillis());
      }
    }
    assertThat(stats.submitted()).as("one alert: the day summary").isEqualTo(1);
    assertThat(stats.delivered()).as("%s", reports).isEqualTo(1);

    // and the audit log holds the deployment's configuration, the orders' intents, risk checks, updates and charged
    // fills, and the day's summary
    List<AuditRecord> packets = auditPackets();
    List<String> types = packets.stream().map(AuditRecord::type).toList();
    assertThat(types).as("%s", reports).startsWith(AuditPackets.CONFIG).contains(AuditPackets.ORDER_INTENT,
        AuditPackets.RISK_CHECK, AuditPackets.ORDER_UPDATE, AuditPackets.FILL).endsWith(AuditPackets.SESSION_SUMMARY);
    assertThat(packets.get(0).payload()).containsEntry("auditLog", "file").containsEntry("symbols", "RELIANCE,TCS,INFY");
    assertThat(packets.get(packets.size() - 1).correlationId()).isEqualTo("session:2025-06-02");
    assertThat(reports).anyMatch(r -> r.startsWith("audit: " + packets.size() + " packets recorded"));
  }

  @Test
  void theDaySummaryCrossesKafkaToTheAuditAndNotificationServices() throws Exception {
    // given every service on a real Kafka broker of this test's own (topic names are global to a broker: another
    // deployment's events and watermarks on the shared broker would be read too), each service with its own client
    KafkaBroker broker = KafkaBroker.start();
    Path file = config("kafka", "auditLog: file\nalerts: [summary]\n"
        + "kafka:\n  bootstrapServers: " + broker.bootstrapServers() + "\n  group: units\n  partitions: 2\n");
    NotificationStats stats;
    List<String> reports;
    try (Deployment d = new Deployment(DeploymentConfig.load(file, Map.of()))) {
      // when the session runs through it
      d.start(Deployment.SERVICES);
      d.runIngestor();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (!d.units().stream().allMatch(ServiceUnit::sessionDone) && System.nanoTime() < deadline) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
      }

      // then the audit and notification services saw the order service's summary and the session's end
      reports = reports(d);
      assertThat(d.units()).as("%s", reports).allMatch(ServiceUnit::sessionDone);
      stats = notification(d).notifications().stats();
    } finally {
      broker.stop();
    }
    assertThat(stats.delivered()).as("%s", reports).isEqualTo(1);

    // and the audit log holds the same packets as a run of the same session in one process (in any order)
    Path reference = config("in-process", "auditLog: file\n", "reference");
    try (Deployment d = new Deployment(DeploymentConfig.load(reference, Map.of()))) {
      d.start(Deployment.SERVICES);
      d.runIngestor();
    }
    List<AuditRecord> expected = auditPackets("reference");
    assertThat(expected).extracting(AuditRecord::type).contains(AuditPackets.ORDER_INTENT, AuditPackets.RISK_CHECK,
        AuditPackets.ORDER_UPDATE, AuditPackets.FILL, AuditPackets.SESSION_SUMMARY);
    // every packet but the configuration's (which names the bus) alike: type, order, time and fields
    assertThat(withoutConfig(auditPackets())).as("%s", reports)
        .containsExactlyInAnyOrderElementsOf(withoutConfig(expected));
  }

  /** The packets as (type, correlation id, time, payload), without the configuration packet. */
  private static List<List<Object>> withoutConfig(List<AuditRecord> packets) {
    return packets.stream().filter(r -> !r.type().equals(AuditPackets.CONFIG))
        .map(r -> List.<Object>of(r.type(), r.correlationId(), r.timestampMillis(), r.payload())).toList();
  }

  @Test
  void theRunCommandRunsTheAuditAndNotificationServicesWithoutServers() throws Exception {
    Path file = config("auditLog: file\n");
    StringWriter err = new StringWriter();

    int code = AitraderCommand.execute(new String[] {"run", "--config", file.toString(), "--timeout", "120"},
        new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));

    assertThat(code).as(err.toString()).isZero();
    assertThat(auditPackets()).extracting(AuditRecord::type).contains(AuditPackets.SESSION_SUMMARY);
  }

  @Test
  void queuesNotificationsAndCachesFeaturesInRedis() throws Exception {
    // given a deployment with the notification queue and the feature cache in a real Redis, under its own prefix
    String prefix = "deploy" + Integer.toUnsignedString(new Random().nextInt(), 36);
    Path file = config("notificationQueue: redis\nfeatureCache: redis\nalerts: [summary, fill]\n"
        + "redis:\n  address: " + RedisServer.shared().address() + "\n  password: ${TEST_REDIS_PASSWORD:-}\n"
        + "  keyPrefix: " + prefix + "\n");
    NotificationStats stats;
    List<String> reports;
    try (Deployment d = new Deployment(DeploymentConfig.load(file, Map.of()))) {
      // when every service runs the session in this process
      d.start(Deployment.SERVICES);
      d.runIngestor();

      // then the alerts went through the Redis queue and were delivered, leaving it empty
      reports = reports(d);
      assertThat(d.units()).as("%s", reports).allMatch(ServiceUnit::sessionDone);
      stats = notification(d).notifications().stats();
      NotificationQueue queue = d.redis().notificationQueue(Deployment.NOTIFICATION_QUEUE);
      assertThat(queue.size()).isZero();
      assertThat(queue.inFlight()).isZero();
      assertThat(queue.deadLetters()).isEmpty();
    }
    assertThat(stats.submitted()).as("%s", reports).isGreaterThan(1);
    assertThat(stats.delivered()).isEqualTo(stats.queued());

    // and another client of the same Redis reads each instrument's latest feature vector
    try (RedisConnector other = RedisServer.shared().connect(prefix)) {
      FeatureCache cache = other.featureCache(Deployment.FEATURE_CACHE_TTL);
      try (Deployment d = new Deployment(DeploymentConfig.load(file, Map.of()))) {
        for (Instrument i : d.plan().instruments()) {
          Optional<FeatureVector> latest = cache.latest(i, BarInterval.M5);
          assertThat(latest).as(i.id()).isPresent();
          assertThat(latest.get().timestampMillis()).isGreaterThan(d.plan().session().openMillis())
              .isLessThanOrEqualTo(d.plan().session().closeMillis());
        }
      }
    }
  }
}
