package io.aitrader.connector.postgres;

import static io.aitrader.api.ValidationException.required;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.aitrader.api.ConfigurationException;
import io.aitrader.api.Secret;
import io.aitrader.api.instrument.InstrumentRepository;
import io.aitrader.api.time.TimeSource;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL connector: one HikariCP connection pool, the schema brought up to date on open, and the stores that
 * share the pool — the order journal ({@link PostgresOrderStore}), the instrument master
 * ({@link PostgresInstrumentRepository}) and portfolio snapshots ({@link PostgresPortfolioSnapshots}).
 *
 * <pre>{@code
 * try (PostgresConnector pg = PostgresConnector.open(config)) {
 *   PostgresInstrumentRepository instruments = pg.instruments();
 *   instruments.loadCsv(Path.of("instrument.csv"));
 *   OrderStore orders = pg.orderStore(instruments);
 *   ...
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} closes the pool: the stores obtained from it stop working.
 */
public final class PostgresConnector implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PostgresConnector.class);

  private final PostgresConfig config;
  private final HikariDataSource dataSource;
  private final List<Migrations.Migration> applied;

  private PostgresConnector(PostgresConfig config, HikariDataSource dataSource, List<Migrations.Migration> applied) {
    this.config = config;
    this.dataSource = dataSource;
    this.applied = applied;
  }

  /**
   * Opens the pool and applies the bundled {@link Migrations}.
   *
   * @throws ConfigurationException when the server cannot be reached or the schema cannot be brought up to date
   */
  public static PostgresConnector open(PostgresConfig config) {
    return open(config, Migrations.bundled());
  }

  /** Opens the pool and applies {@code migrations} (the bundled ones plus an application's own, for instance). */
  public static PostgresConnector open(PostgresConfig config, Migrations migrations) {
    required(config, "config");
    required(migrations, "migrations");
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(config.jdbcUrl());
    hc.setUsername(config.user());
    config.password().ifPresent(p -> hc.setPassword(p.reveal()));
    hc.setMaximumPoolSize(config.poolSize());
    hc.setMinimumIdle(Math.min(2, config.poolSize()));
    hc.setConnectionTimeout(config.connectTimeoutMillis());
    hc.setPoolName(config.poolName());
    HikariDataSource ds;
    try {
      ds = new HikariDataSource(hc);
    } catch (RuntimeException e) {
      throw new ConfigurationException("cannot connect to PostgreSQL at " + config.jdbcUrl() + " as " + config.user()
          + ": " + redact(config, String.valueOf(e.getMessage())) + " (check the URL, user, password and that the"
          + " server is running)", e);
    }
    try {
      List<Migrations.Migration> applied = migrations.apply(ds);
      LOG.info("connected to PostgreSQL {} (pool {} of {}); {} migration(s) applied", config.jdbcUrl(),
          config.poolName(), config.poolSize(), applied.size());
      return new PostgresConnector(config, ds, applied);
    } catch (RuntimeException e) {
      ds.close();
      throw e;
    }
  }

  private static String redact(PostgresConfig config, String message) {
    return config.password().map((Secret p) -> p.redact(message)).orElse(message);
  }

  /** The pooled data source, for an application's own tables. */
  public DataSource dataSource() {
    return dataSource;
  }

  public PostgresConfig config() {
    return config;
  }

  /** The migrations this {@link #open} applied (empty when the schema was already up to date). */
  public List<Migrations.Migration> appliedMigrations() {
    return applied;
  }

  /** A new order store on this pool; {@code instruments} resolve the instrument ids it stores. */
  public PostgresOrderStore orderStore(InstrumentRepository instruments) {
    return new PostgresOrderStore(dataSource, instruments);
  }

  /** The instrument master stored in this database. */
  public PostgresInstrumentRepository instruments() {
    return new PostgresInstrumentRepository(dataSource);
  }

  /** Portfolio snapshots stored in this database, keeping the latest {@code retain} per portfolio. */
  public PostgresPortfolioSnapshots portfolioSnapshots(int retain) {
    return new PostgresPortfolioSnapshots(dataSource, retain);
  }

  /** The users stored in this database (table {@code users}); creation times from {@code clock}. */
  public PostgresUserRepository users(TimeSource clock) {
    return PostgresUserRepository.on(dataSource, clock);
  }

  /** The versioned configuration documents stored in this database (table {@code config_versions}). */
  public PostgresConfigStore configs(TimeSource clock) {
    return PostgresConfigStore.on(dataSource, clock);
  }

  /** Closes the pool. Idempotent. */
  @Override
  public void close() {
    dataSource.close();
  }

  @Override
  public String toString() {
    return "PostgresConnector[" + config.jdbcUrl() + ", user " + config.user() + "]";
  }
}
