package io.aitrader.connector.postgres;

import io.aitrader.api.instrument.InstrumentRepository;
import io.aitrader.api.order.OrderStore;
import io.aitrader.core.instruments.InMemoryInstrumentRepository;
import io.aitrader.testing.orders.OrderStoreContract;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The PostgreSQL order store passes the same compatibility kit as the in-memory and file stores. */
class PostgresOrderStoreContractTest extends OrderStoreContract {
  private static PostgresConnector connector;
  private static final List<PostgresConnector> REOPENED = new CopyOnWriteArrayList<>();
  private static final InstrumentRepository INSTRUMENTS = InMemoryInstrumentRepository.of(List.of(INSTRUMENT));

  @BeforeAll
  static void connect() {
    connector = TestDatabases.connector("order_contract");
  }

  @AfterAll
  static void disconnect() {
    REOPENED.forEach(PostgresConnector::close);
    connector.close();
  }

  @Override
  protected OrderStore openStore() {
    try (Connection c = connector.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("TRUNCATE orders");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return connector.orderStore(INSTRUMENTS);
  }

  /** A restart: a new connector (its own pool) on the same database. */
  @Override
  protected OrderStore reopenStore() {
    PostgresConnector restarted = PostgresConnector.open(connector.config());
    REOPENED.add(restarted);
    return restarted.orderStore(INSTRUMENTS);
  }

  @Override
  protected boolean isDurable() {
    return true;
  }
}
