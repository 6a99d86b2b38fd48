package io.aitrader.connector.postgres;

import io.aitrader.api.time.TimeSource;
import io.aitrader.api.users.UserRepository;
import io.aitrader.core.users.Passwords;
import io.aitrader.testing.users.UserRepositoryContract;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The PostgreSQL user repository passes the same kit as the embedded one; the second client is another connector
 * (its own pool) on the same database, as another process.
 */
class PostgresUserRepositoryContractTest extends UserRepositoryContract {
  static final Passwords FAST = Passwords.withIterations(Passwords.MIN_ITERATIONS);
  private static PostgresConnector connector;
  private static PostgresConnector other;

  @BeforeAll
  static void connect() {
    connector = TestDatabases.connector("users_contract");
    other = PostgresConnector.open(connector.config());
  }

  @AfterAll
  static void disconnect() {
    other.close();
    connector.close();
  }

  @Override
  protected UserRepository newRepository(TimeSource clock) {
    try (Connection c = connector.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("TRUNCATE users");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return PostgresUserRepository.on(connector.dataSource(), clock, FAST);
  }

  @Override
  protected UserRepository otherClient(UserRepository first, TimeSource clock) {
    return PostgresUserRepository.on(other.dataSource(), clock, FAST);
  }
}
