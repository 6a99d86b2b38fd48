package io.aitrader.connector.postgres;

/** Fresh databases on the shared test {@link PostgresServer}, opened through the connector. */
final class TestDatabases {
  private TestDatabases() {}

  /** The configuration of a new, empty database named after {@code prefix}. */
  static PostgresConfig newDatabase(String prefix) {
    return PostgresConfig.builder().jdbcUrl(PostgresServer.shared().newDatabase(prefix)).user(PostgresServer.USER)
        .poolSize(4).poolName(prefix).build();
  }

  /** A connector on a new, empty database, migrated. */
  static PostgresConnector connector(String prefix) {
    return PostgresConnector.open(newDatabase(prefix));
  }
}
