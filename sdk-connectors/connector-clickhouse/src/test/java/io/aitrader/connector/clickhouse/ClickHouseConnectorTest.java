package io.aitrader.connector.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.Secret;
import io.aitrader.api.ValidationException;
import org.junit.jupiter.api.Test;

class ClickHouseConnectorTest {
  private final ClickHouseServer server = ClickHouseServer.get();

  @Test
  void openCreatesTheDatabaseAndRecordsEveryMigrationOnce() {
    ClickHouseConfig config = server.freshDatabase();

    try (ClickHouseConnector first = ClickHouseConnector.open(config);
        ClickHouseConnector second = ClickHouseConnector.open(config)) {
      assertThat(first.appliedMigrations()).hasSize(Migrations.latest()).last().isEqualTo(Migrations.latest());
      assertThat(second.queryText("SELECT count() FROM schema_migrations FORMAT TabSeparated"))
          .isEqualTo(Integer.toString(Migrations.latest()));
      assertThat(second.queryText("SELECT name FROM system.tables WHERE database = '" + config.database()
          + "' ORDER BY name FORMAT TabSeparated").split("\n"))
          .containsExactly("audit_log", "bars", "schema_migrations", "snapshot_bars", "snapshots", "ticks");
    }
  }

  @Test
  void aServerErrorCarriesItsCodeAndIsNotRetryable() {
    try (ClickHouseConnector ch = ClickHouseConnector.open(server.freshDatabase())) {
      assertThatThrownBy(() -> ch.query("SELECT nosuch FORMAT RowBinary"))
          .isInstanceOfSatisfying(ClickHouseException.class, e -> {
            assertThat(e.isRetryable()).isFalse();
            assertThat(e.httpStatus()).isBetween(400, 599);
          })
          .hasMessageContaining("Code: ").hasMessageContaining("nosuch");
    }
  }

  @Test
  void aWrongPasswordIsRefusedWithoutShowingIt() {
    ClickHouseConfig wrong = ClickHouseConfig.builder().url(server.url()).database("t_wrong")
        .user(ClickHouseServer.USER).password(Secret.of("clickhouse.test", "not-the-password")).build();

    assertThatThrownBy(() -> ClickHouseConnector.open(wrong)).isInstanceOf(ClickHouseException.class)
        .hasMessageNotContaining("not-the-password");
    assertThat(wrong.toString()).doesNotContain("not-the-password").contains("clickhouse.test=***");
  }

  @Test
  void anUnreachableServerIsARetryableFailure() {
    ClickHouseConfig nowhere = ClickHouseConfig.builder().url("http://127.0.0.1:1/").database("x").build();

    assertThatThrownBy(() -> ClickHouseConnector.open(nowhere))
        .isInstanceOfSatisfying(ClickHouseException.class, e -> assertThat(e.isRetryable()).isTrue());
  }

  @Test
  void quoteEscapesQuotesAndBackslashes() {
    try (ClickHouseConnector ch = ClickHouseConnector.open(server.freshDatabase())) {
      String tricky = "M&M's \\ \"x\" ₹";

      assertThat(ch.queryText("SELECT " + ClickHouseConnector.quote(tricky) + " FORMAT TSVRaw")).isEqualTo(tricky);
    }
  }

  @Test
  void aDatabaseNameThatIsNotAnIdentifierIsRefused() {
    assertThatThrownBy(() -> ClickHouseConfig.builder().database("a; DROP").build())
        .isInstanceOf(ValidationException.class).hasMessageContaining("ClickHouseConfig.database");
  }

  @Test
  void aClosedConnectorRefusesRequests() {
    ClickHouseConnector ch = ClickHouseConnector.open(server.freshDatabase());
    ch.close();
    ch.close();

    assertThatThrownBy(() -> ch.query("SELECT 1 FORMAT RowBinary")).isInstanceOf(IllegalStateException.class);
  }
}
