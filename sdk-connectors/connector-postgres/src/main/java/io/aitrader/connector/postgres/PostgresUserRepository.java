package io.aitrader.connector.postgres;

import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.AitraderException;
import io.aitrader.api.NotFoundException;
import io.aitrader.api.time.TimeSource;
import io.aitrader.api.users.ConflictException;
import io.aitrader.api.users.Role;
import io.aitrader.api.users.User;
import io.aitrader.api.users.UserRepository;
import io.aitrader.core.users.Passwords;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.util.PSQLException;

/**
 * The PostgreSQL {@link UserRepository}: users in the table {@code users} (migration V4), shared by every process on
 * the database. Replaces the embedded {@code InMemoryUserRepository} and passes the same kit
 * ({@code UserRepositoryContract}).
 *
 * <pre>{@code
 * UserRepository users = PostgresUserRepository.on(connector.dataSource(), clock);
 * users.create("alice", "Alice Iyer", Role.TRADER, password);
 * }</pre>
 *
 * <p>Name uniqueness ignoring case is the unique index on {@code lower(name)}: of concurrent creators in any process
 * exactly one inserts, the others get a {@link ConflictException}. Passwords are hashed by {@link Passwords} before
 * any statement runs, so no connection is held while hashing; only the hash is stored, and no statement's text or
 * error message carries it (values are bound parameters). Each call is one statement in autocommit. Thread-safe.
 */
public final class PostgresUserRepository implements UserRepository {
  private static final String UNIQUE_VIOLATION = "23505";
  private static final String COLUMNS = "id, name, display_name, role, enabled, created_at_millis";

  private final DataSource dataSource;
  private final TimeSource clock;
  private final Passwords passwords;

  private PostgresUserRepository(DataSource dataSource, TimeSource clock, Passwords passwords) {
    this.dataSource = required(dataSource, "PostgresUserRepository.dataSource");
    this.clock = required(clock, "PostgresUserRepository.clock");
    this.passwords = required(passwords, "PostgresUserRepository.passwords");
  }

  /** Users on {@code dataSource} (migrated by {@link Migrations#bundled()}), hashing with {@link Passwords#defaults()}. */
  public static PostgresUserRepository on(DataSource dataSource, TimeSource clock) {
    return new PostgresUserRepository(dataSource, clock, Passwords.defaults());
  }

  /** Users on {@code dataSource}, hashing new passwords with {@code passwords}. */
  public static PostgresUserRepository on(DataSource dataSource, TimeSource clock, Passwords passwords) {
    return new PostgresUserRepository(dataSource, clock, passwords);
  }

  @Override
  public User create(String name, String displayName, Role role, char[] password) {
    User.checkName(name);
    User.checkDisplayName(displayName);
    required(role, "User.role");
    UserRepository.checkPassword(password);
    if (findByName(name).isPresent()) {
      throw ConflictException.nameTaken(name);
    }
    String hash = passwords.hash(password);
    User user = new User(UUID.randomUUID().toString(), name, displayName, role, true, clock.currentTimeMillis());
    try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(
        "INSERT INTO users (" + COLUMNS + ", password_hash) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      p.setString(1, user.id());
      p.setString(2, user.name());
      p.setString(3, user.displayName());
      p.setString(4, user.role().name());
      p.setBoolean(5, user.enabled());
      p.setLong(6, user.createdAtMillis());
      p.setString(7, hash);
      p.executeUpdate();
      return user;
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw ConflictException.nameTaken(name);
      }
      throw failed("create user " + name, e);
    }
  }

  @Override
  public Optional<User> find(String id) {
    required(id, "User.id");
    return one("SELECT " + COLUMNS + " FROM users WHERE id = ?", id, "find user " + id);
  }

  @Override
  public Optional<User> findByName(String name) {
    required(name, "User.name");
    return one("SELECT " + COLUMNS + " FROM users WHERE lower(name) = lower(?)", name, "find user " + name);
  }

  private Optional<User> one(String sql, String key, String what) {
    try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
      p.setString(1, key);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? Optional.of(user(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failed(what, e);
    }
  }

  private static User user(ResultSet rs) throws SQLException {
    return new User(rs.getString(1), rs.getString(2), rs.getString(3), Role.valueOf(rs.getString(4)),
        rs.getBoolean(5), rs.getLong(6));
  }

  @Override
  public List<User> list() {
    try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(
        "SELECT " + COLUMNS + " FROM users ORDER BY lower(name)"); ResultSet rs = p.executeQuery()) {
      List<User> all = new ArrayList<>();
      while (rs.next()) {
        all.add(user(rs));
      }
      return List.copyOf(all);
    } catch (SQLException e) {
      throw failed("list users", e);
    }
  }

  @Override
  public User setRole(String id, Role role) {
    required(role, "User.role");
    return update("role", id, p -> p.setString(1, role.name()));
  }

  @Override
  public User setEnabled(String id, boolean enabled) {
    return update("enabled", id, p -> p.setBoolean(1, enabled));
  }

  @Override
  public void changePassword(String id, char[] newPassword) {
    required(id, "User.id");
    UserRepository.checkPassword(newPassword);
    if (find(id).isEmpty()) {
      throw unknown(id);
    }
    String hash = passwords.hash(newPassword);
    update("password_hash", id, p -> p.setString(1, hash));
  }

  /** Binds the new value of a column as parameter 1. */
  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement p) throws SQLException;
  }

  /** Sets {@code column} of user {@code id} to the value {@code binder} binds; the user as now stored. */
  private User update(String column, String id, Binder binder) {
    required(id, "User.id");
    try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(
        "UPDATE users SET " + column + " = ? WHERE id = ? RETURNING " + COLUMNS)) {
      binder.bind(p);
      p.setString(2, id);
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          throw unknown(id);
        }
        return user(rs);
      }
    } catch (SQLException e) {
      throw failed("update user " + id, e);
    }
  }

  private static NotFoundException unknown(String id) {
    return new NotFoundException("no user with id '" + id + "': list the users to find the right id");
  }

  @Override
  public Optional<User> authenticate(String name, char[] password) {
    required(name, "User.name");
    required(password, "User.password");
    User found = null;
    String hash = null;
    try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(
        "SELECT " + COLUMNS + ", password_hash FROM users WHERE lower(name) = lower(?)")) {
      p.setString(1, name);
      try (ResultSet rs = p.executeQuery()) {
        if (rs.next()) {
          found = user(rs);
          hash = rs.getString(7);
        }
      }
    } catch (SQLException e) {
      throw failed("authenticate user " + name, e);
    }
    if (found == null || hash == null) {
      passwords.verifyNothing(password);
      return Optional.empty();
    }
    boolean matches = passwords.verify(password, hash);
    return matches && found.enabled() ? Optional.of(found) : Optional.empty();
  }

  /**
   * The failure of a statement on {@code users}, without the server's detail and its cause's message: a server error
   * detail may quote the failing row ({@code Failing row contains (...)}), password hash included. The cause is a
   * copy of the driver's exception with only the primary message, the SQLState and the stack.
   */
  static AitraderException failed(String what, SQLException e) {
    String primary = e instanceof PSQLException && ((PSQLException) e).getServerErrorMessage() != null
        ? String.valueOf(((PSQLException) e).getServerErrorMessage().getMessage())
        : String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    SQLException clean = new SQLException(primary, e.getSQLState(), e.getErrorCode());
    clean.setStackTrace(e.getStackTrace());
    return new AitraderException("PostgreSQL: cannot " + what + ": " + primary + " (SQLState " + e.getSQLState()
        + "; check that the server is up and the schema migrated)", clean);
  }

  @Override
  public String toString() {
    return "PostgresUserRepository[" + passwords + "]";
  }
}
