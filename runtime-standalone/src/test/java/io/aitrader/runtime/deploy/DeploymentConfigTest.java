package io.aitrader.runtime.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ConfigurationException;
import io.aitrader.core.notify.Alert;
import java.nio.file.Files;
import java.time.LocalDate;
import io.aitrader.core.risk.RiskLimits;
import io.aitrader.api.money.Money;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit, notification, feature-cache and Redis keys of a deployment file. */
class DeploymentConfigTest {
  private static final String BASE = "session:\n"
      + "  date: 2025-06-02\n"
      + "  symbols: [RELIANCE, TCS]\n"
      + "  seed: 7\n"
      + "  strategy: rules-model\n"
      + "  interval: 5m\n"
      + "bus: in-process\n"
      + "marketStore: embedded\n"
      + "orderStore: file\n"
      + "portfolioSnapshots: file\n";

  @TempDir
  Path dir;

  private DeploymentConfig load(String extra) throws Exception {
    return load(extra, Map.of());
  }

  private DeploymentConfig load(String extra, Map<String, String> env) throws Exception {
    Path file = dir.resolve("deploy.yaml");
    Files.writeString(file, BASE + extra);
    return DeploymentConfig.load(file, env);
  }

  @Test
  void aFileWithoutTheNewKeysKeepsTheDefaults() throws Exception {
    DeploymentConfig c = load("");

    assertThat(c.auditLog()).isEqualTo(DeploymentConfig.AuditLogKind.NONE);
    assertThat(c.notificationQueue()).isEqualTo(DeploymentConfig.NotificationQueueKind.MEMORY);
    assertThat(c.featureCache()).isEqualTo(DeploymentConfig.FeatureCacheKind.NONE);
    assertThat(c.alerts()).containsExactly(Alert.SESSION_SUMMARY);
    assertThat(c.redis()).isEmpty();
  }

  @Test
  void readsTheAuditNotificationCacheAndRedisKeys() throws Exception {
    DeploymentConfig c = load("auditLog: file\nnotificationQueue: redis\nfeatureCache: memory\n"
        + "alerts: [summary, fill, order-rejected]\n"
        + "redis:\n  address: redis://127.0.0.1:6390\n  password: ${REDIS_PASSWORD:-}\n  keyPrefix: desk1\n",
        Map.of("REDIS_PASSWORD", "s3cret"));

    assertThat(c.auditLog()).isEqualTo(DeploymentConfig.AuditLogKind.FILE);
    assertThat(c.notificationQueue()).isEqualTo(DeploymentConfig.NotificationQueueKind.REDIS);
    assertThat(c.featureCache()).isEqualTo(DeploymentConfig.FeatureCacheKind.MEMORY);
    assertThat(c.alerts()).containsExactlyInAnyOrder(Alert.SESSION_SUMMARY, Alert.FILL, Alert.ORDER_REJECTED);
    assertThat(c.redis()).containsEntry("address", "redis://127.0.0.1:6390").containsEntry("password", "s3cret")
        .containsEntry("keyPrefix", "desk1");
  }

  @Test
  void allAlertsMeansEveryAlert() throws Exception {
    assertThat(load("alerts: all\n").alerts()).isEqualTo(EnumSet.allOf(Alert.class));
  }

  @Test
  void anUnknownAuditLogIsAnErrorListingTheChoices() {
    assertThatThrownBy(() -> load("auditLog: tape\n")).isInstanceOf(ConfigurationException.class)
        .hasMessageEndingWith("auditLog must be one of none, file, clickhouse (found: tape)");
  }

  @Test
  void anUnknownQueueOrCacheIsAnErrorListingTheChoices() {
    assertThatThrownBy(() -> load("notificationQueue: kafka\n")).isInstanceOf(ConfigurationException.class)
        .hasMessageEndingWith("notificationQueue must be one of memory, redis (found: kafka)");
    assertThatThrownBy(() -> load("featureCache: disk\n")).isInstanceOf(ConfigurationException.class)
        .hasMessageEndingWith("featureCache must be one of none, memory, redis (found: disk)");
  }

  @Test
  void anUnknownAlertIsAnErrorNamingIt() {
    assertThatThrownBy(() -> load("alerts: [summary, margin-call]\n")).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("alerts must list alerts among summary, all, fill, order-rejected")
        .hasMessageEndingWith("(found: margin-call)");
    assertThatThrownBy(() -> load("alerts: []\n")).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("alerts must not be empty");
  }

  @Test
  void redisIsNeededByARedisQueueOrCache() {
    assertThatThrownBy(() -> load("notificationQueue: redis\n")).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("redis.address is missing (needed by the redis settings chosen above)");
    assertThatThrownBy(() -> load("featureCache: redis\n")).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("redis.address is missing");
  }

  @Test
  void aRedisAddressMustBeARedisUri() {
    assertThatThrownBy(() -> load("featureCache: redis\nredis: {address: 127.0.0.1:6379}\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageEndingWith("redis.address must be redis://host:port or rediss://host:port (found: 127.0.0.1:6379)");
  }

  @Test
  void aClickHouseAuditLogNeedsClickHouse() {
    assertThatThrownBy(() -> load("auditLog: clickhouse\n")).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("clickhouse.url is missing");
  }

  @Test
  void readsTheRiskLimitsInRupees() throws Exception {
    DeploymentConfig c = load("risk: {maxOrderValue: 50000, maxDailyLoss: 2500.50, maxOpenOrders: 10,"
        + " ordersPerSecond: 5, flattenOnKillSwitch: true}\n");

    RiskLimits r = c.risk().orElseThrow();
    assertThat(r.maxOrderValue()).contains(Money.ofRupees(50_000));
    assertThat(r.maxDailyLoss()).contains(Money.of("2500.50"));
    assertThat(r.maxOpenOrders()).hasValue(10);
    assertThat(r.ordersPerSecond()).hasValue(5);
    assertThat(r.flattenOnKillSwitch()).isTrue();
    assertThat(load("").risk()).isEmpty();
  }

  @Test
  void aBadRiskLimitNamesTheKeyAndWhatIsExpected() {
    assertThatThrownBy(() -> load("risk: {maxOrderValue: lots}\n")).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("risk.maxOrderValue must be a positive amount in rupees").hasMessageContaining("lots");
    assertThatThrownBy(() -> load("risk: {maxOpenOrders: -3}\n"))
        .hasMessageContaining("risk.maxOpenOrders must be a whole number > 0 (found: -3)");
    assertThatThrownBy(() -> load("risk: {maxLoss: 100}\n"))
        .hasMessageContaining("risk.maxLoss is not a setting").hasMessageContaining("maxDailyLoss");
    assertThatThrownBy(() -> load("risk: {ordersPerSecond: 20000}\n"))
        .hasMessageContaining("RiskLimits.ordersPerSecond");
    assertThatThrownBy(() -> load("groww: {baseUri: http://x}\n"))
        .hasMessageContaining("groww.baseUri is not a setting").hasMessageContaining("baseUrl");
    assertThatThrownBy(() -> load("groww: {depth: maybe}\n")).hasMessageContaining("groww.depth must be true or false");
  }

  @Test
  void todayIsADateAndTheSeedHasADefault() throws Exception {
    Path file = dir.resolve("today.yaml");
    Files.writeString(file, BASE.replace("2025-06-02", "today").replace("  seed: 7\n", ""));

    DeploymentConfig c = DeploymentConfig.load(file, Map.of());

    assertThat(c.date()).isEmpty();
    assertThat(c.seed()).isEqualTo(DeploymentConfig.DEFAULT_SEED);
    assertThat(load("").date()).contains(LocalDate.of(2025, 6, 2));
  }

  @Test
  void theExampleFilesLoad() {
    DeploymentConfig embedded = DeploymentConfig.load(Path.of("../config/embedded.yaml"), Map.of());
    DeploymentConfig full = DeploymentConfig.load(Path.of("../config/full.yaml"), Map.of());

    assertThat(embedded.auditLog()).isEqualTo(DeploymentConfig.AuditLogKind.FILE);
    assertThat(embedded.featureCache()).isEqualTo(DeploymentConfig.FeatureCacheKind.MEMORY);
    assertThat(full.notificationQueue()).isEqualTo(DeploymentConfig.NotificationQueueKind.REDIS);
    assertThat(full.featureCache()).isEqualTo(DeploymentConfig.FeatureCacheKind.REDIS);
    assertThat(full.redis()).containsEntry("address", "redis://127.0.0.1:6379");
    DeploymentConfig groww = DeploymentConfig.load(Path.of("../config/groww.yaml"), Map.of());
    assertThat(groww.date()).as("today").isEmpty();
    assertThat(groww.risk()).hasValueSatisfying(r -> assertThat(r.maxDailyLoss()).contains(Money.ofRupees(20_000)));
    assertThat(groww.groww()).isEmpty();
  }

  @Test
  void theDeploymentHasTheAuditAndNotificationServicesBeforeTheIngestor() {
    assertThat(Deployment.SERVICES).containsSubsequence("audit", "notification", "ingestor")
        .endsWith("ingestor");
  }
}
