package io.aitrader.connector.postgres;

import io.aitrader.api.time.TimeSource;
import io.aitrader.api.users.ConfigStore;
import io.aitrader.testing.users.ConfigStoreContract;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The PostgreSQL configuration store passes the same kit as the embedded one; the second client is another connector
 * (its own pool) on the same database, as another process.
 */
class PostgresConfigStoreContractTest extends ConfigStoreContract {
  private static PostgresConnector connector;
  private static PostgresConnector other;

  @BeforeAll
  static void connect() {
    connector = TestDatabases.connector("configs_contract");
    other = PostgresConnector.open(connector.config());
  }

  @AfterAll
  static void disconnect() {
    other.close();
    connector.close();
  }

  @Override
  protected ConfigStore newStore(TimeSource clock) {
    try (Connection c = connector.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("TRUNCATE config_versions");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return PostgresConfigStore.on(connector.dataSource(), clock);
  }

  @Override
  protected ConfigStore otherClient(ConfigStore first, TimeSource clock) {
    return PostgresConfigStore.on(other.dataSource(), clock);
  }
}
