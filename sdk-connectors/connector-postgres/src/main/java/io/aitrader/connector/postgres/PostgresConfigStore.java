package io.aitrader.connector.postgres;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.time.TimeSource;
import io.aitrader.api.users.ConfigStore;
import io.aitrader.api.users.ConfigVersion;
import io.aitrader.api.users.ConflictException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The PostgreSQL {@link ConfigStore}: every version of every configuration document in the table
 * {@code config_versions} (migration V4), shared by every process on the database. Replaces the embedded
 * {@code InMemoryConfigStore} and passes the same kit ({@code ConfigStoreContract}).
 *
 * <pre>{@code
 * ConfigStore configs = PostgresConfigStore.on(connector.dataSource(), clock);
 * ConfigVersion v = configs.put("deployment", yaml, 0, "alice");
 * }</pre>
 *
 * <p>A {@link #put} reads the latest version and inserts the next one in one transaction; the primary key
 * {@code (name, version)} makes of two concurrent writers of the same next version exactly one succeed, the other
 * gets a {@link ConflictException} naming the version now current. Rows are never updated. Thread-safe.
 */
public final class PostgresConfigStore implements ConfigStore {
  private static final String UNIQUE_VIOLATION = "23505";
  private static final String COLUMNS = "name, version, content, author, created_at_millis";

  private final DataSource dataSource;
  private final TimeSource clock;

  private PostgresConfigStore(DataSource dataSource, TimeSource clock) {
    this.dataSource = required(dataSource, "PostgresConfigStore.dataSource");
    this.clock = required(clock, "PostgresConfigStore.clock");
  }

  /** Configurations on {@code dataSource} (migrated by {@link Migrations#bundled()}), timed by {@code clock}. */
  public static PostgresConfigStore on(DataSource dataSource, TimeSource clock) {
    return new PostgresConfigStore(dataSource, clock);
  }

  @Override
  public ConfigVersion put(String name, String content, long expectedVersion, String author) {
    ConfigVersion.checkName(name);
    ConfigVersion.checkContent(content);
    ConfigVersion.checkAuthor(author);
    check(expectedVersion >= 0, "ConfigStore.expectedVersion", "must be >= 0 (0 creates a new document)",
        expectedVersion);
    ConfigVersion next = new ConfigVersion(name, expectedVersion + 1, content, author, clock.currentTimeMillis());
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        long current = currentVersion(c, name);
        if (current != expectedVersion) {
          c.rollback();
          throw ConflictException.staleVersion(name, expectedVersion, current);
        }
        try (PreparedStatement p = c.prepareStatement(
            "INSERT INTO config_versions (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)")) {
          p.setString(1, next.name());
          p.setLong(2, next.version());
          p.setString(3, next.content());
          p.setString(4, next.author());
          p.setLong(5, next.createdAtMillis());
          p.executeUpdate();
        }
        c.commit();
        return next;
      } catch (SQLException e) {
        c.rollback();
        if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
          c.setAutoCommit(true);
          throw ConflictException.staleVersion(name, expectedVersion, currentVersion(c, name));
        }
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw PostgresUserRepository.failed("write version " + next.version() + " of configuration " + name, e);
    }
  }

  private static long currentVersion(Connection c, String name) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT coalesce(max(version), 0) FROM config_versions"
        + " WHERE name = ?")) {
      p.setString(1, name);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @Override
  public Optional<ConfigVersion> latest(String name) {
    ConfigVersion.checkName(name);
    List<ConfigVersion> found = query("SELECT " + COLUMNS + " FROM config_versions WHERE name = ?"
        + " ORDER BY version DESC LIMIT 1", name, 0);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  @Override
  public Optional<ConfigVersion> version(String name, long version) {
    ConfigVersion.checkName(name);
    check(version >= 1, "ConfigStore.version", "must be >= 1", version);
    List<ConfigVersion> found = query("SELECT " + COLUMNS + " FROM config_versions WHERE name = ? AND version = ?",
        name, version);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  @Override
  public List<ConfigVersion> history(String name) {
    ConfigVersion.checkName(name);
    return query("SELECT " + COLUMNS + " FROM config_versions WHERE name = ? ORDER BY version", name, 0);
  }

  /** Rows of {@code sql} bound to {@code name} and, when {@code version} > 0, {@code version}. */
  private List<ConfigVersion> query(String sql, String name, long version) {
    try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
      p.setString(1, name);
      if (version > 0) {
        p.setLong(2, version);
      }
      List<ConfigVersion> out = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(new ConfigVersion(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
              rs.getLong(5)));
        }
      }
      return List.copyOf(out);
    } catch (SQLException e) {
      throw PostgresUserRepository.failed("read configuration " + name, e);
    }
  }

  @Override
  public List<String> names() {
    try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(
        "SELECT name FROM config_versions WHERE version = 1 ORDER BY name COLLATE \"C\""); ResultSet rs = p.executeQuery()) {
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return List.copyOf(out);
    } catch (SQLException e) {
      throw PostgresUserRepository.failed("list configuration names", e);
    }
  }

  @Override
  public String toString() {
    return "PostgresConfigStore";
  }
}
