package io.aitrader.connector.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.AitraderException;
import io.aitrader.api.users.Role;
import io.aitrader.api.users.User;
import io.aitrader.core.users.Passwords;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the kit cannot see through the SPI: what is stored in the table, and what failures say. */
class PostgresUserRepositoryTest {
  private static final long T0 = 1_736_135_100_000L;
  private static PostgresConnector connector;

  @BeforeAll
  static void connect() {
    connector = TestDatabases.connector("users_storage");
  }

  @AfterAll
  static void disconnect() {
    connector.close();
  }

  @Test
  void storesOnlyASelfDescribingPbkdf2HashNeverThePassword() throws SQLException {
    PostgresUserRepository users = PostgresUserRepository.on(connector.dataSource(), () -> T0,
        Passwords.withIterations(1_500));

    User u = users.create("Stored.User", "Stored", Role.VIEWER, "plain-text-password".toCharArray());

    String hash = MigrationsTest.strings(connector.dataSource(),
        "SELECT password_hash FROM users WHERE id = '" + u.id() + "'").get(0);
    assertThat(hash).startsWith("pbkdf2-sha256$1500$").doesNotContain("plain-text-password");
    assertThat(MigrationsTest.strings(connector.dataSource(), "SELECT name FROM users WHERE id = '" + u.id() + "'"))
        .as("the name as written").containsExactly("Stored.User");
  }

  @Test
  void theDatabaseItselfRefusesASecondNameDifferingOnlyInCase() {
    assertThatThrownBy(() -> {
      try (Connection c = connector.dataSource().getConnection(); Statement s = c.createStatement()) {
        s.execute("INSERT INTO users VALUES ('a', 'Dup', 'Dup', 'VIEWER', true, 'pbkdf2-sha256$1$x$y', 0)");
        s.execute("INSERT INTO users VALUES ('b', 'DUP', 'Dup', 'VIEWER', true, 'pbkdf2-sha256$1$x$y', 0)");
      }
    }).isInstanceOf(SQLException.class).hasMessageContaining("users_lower_name");
  }

  @Test
  void aFailureNeverQuotesTheStoredRow() throws SQLException {
    PostgresUserRepository users = PostgresUserRepository.on(connector.dataSource(), () -> T0,
        Passwords.withIterations(1_000));
    User u = users.create("row.quoter", "Quoter", Role.VIEWER, "another-password".toCharArray());
    try (Connection c = connector.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("ALTER TABLE users ADD CONSTRAINT users_never_admin CHECK (role <> 'ADMIN')");
    }
    try {
      assertThatThrownBy(() -> users.setRole(u.id(), Role.ADMIN)).isInstanceOf(AitraderException.class)
          .hasMessageContaining("users_never_admin")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("pbkdf2"))
          .satisfies(e -> assertThat(e.getCause().getMessage()).doesNotContain("pbkdf2"));
    } finally {
      try (Connection c = connector.dataSource().getConnection(); Statement s = c.createStatement()) {
        s.execute("ALTER TABLE users DROP CONSTRAINT users_never_admin");
      }
    }
  }
}
