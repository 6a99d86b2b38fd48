package io.aitrader.connector.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ConfigurationException;
import io.aitrader.api.Secret;
import io.aitrader.api.ValidationException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PostgresConnectorTest {
  @Test
  void theConfigurationNeverShowsThePassword() {
    PostgresConfig config = PostgresConfig.builder().jdbcUrl("jdbc:postgresql://127.0.0.1:5432/x").user("u")
        .password(Secret.of("PGPASSWORD", "hunter2-secret")).build();

    assertThat(config.toString()).doesNotContain("hunter2-secret").contains("PGPASSWORD=***");
    assertThat(config.poolSize()).isEqualTo(4);
  }

  @Test
  void refusesAUrlThatIsNotPostgresAndAPoolOfNone() {
    assertThatThrownBy(() -> PostgresConfig.builder().jdbcUrl("jdbc:mysql://h/x").user("u").build())
        .isInstanceOf(ValidationException.class).hasMessageContaining("PostgresConfig.jdbcUrl")
        .hasMessageContaining("jdbc:mysql://h/x");
    assertThatThrownBy(() -> PostgresConfig.builder().jdbcUrl("jdbc:postgresql://h/x").user("u").poolSize(0).build())
        .isInstanceOf(ValidationException.class).hasMessageContaining("PostgresConfig.poolSize");
  }

  @Test
  void aServerThatIsNotThereFailsOpenWithAClearMessage() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    PostgresConfig config = PostgresConfig.builder().jdbcUrl("jdbc:postgresql://127.0.0.1:" + closedPort + "/none")
        .user("nobody").password(Secret.of("s3cret-value")).connectTimeoutMillis(500).build();

    assertThatThrownBy(() -> PostgresConnector.open(config)).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:" + closedPort)
        .hasMessageNotContaining("s3cret-value");
  }

  @Test
  void opensAPoolOnARealServerAndMigratesIt() throws Exception {
    try (PostgresConnector pg = TestDatabases.connector("connector_open")) {
      assertThat(MigrationsTest.strings(pg.dataSource(), "SELECT count(*) FROM schema_version"))
          .containsExactly(Integer.toString(Migrations.bundled().migrations().size()));
      assertThat(pg.toString()).contains("connector_open");
    }
  }
}
