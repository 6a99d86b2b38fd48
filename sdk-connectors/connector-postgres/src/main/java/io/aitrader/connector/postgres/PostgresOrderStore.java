package io.aitrader.connector.postgres;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.AitraderException;
import io.aitrader.api.NotFoundException;
import io.aitrader.api.instrument.InstrumentRepository;
import io.aitrader.api.order.Order;
import io.aitrader.api.order.OrderRequest;
import io.aitrader.api.order.OrderStore;
import io.aitrader.api.order.StoredOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * An {@link OrderStore} in the PostgreSQL table {@code orders}: one row per reference id, whose primary key makes a
 * reference id recordable once even across processes sharing the database — of concurrent
 * {@link #recordIntent}s of one id exactly one succeeds, the others fail with a
 * {@link io.aitrader.api.ValidationException}. Each call is one auto-committed statement, durable when it returns
 * (with the server's default {@code synchronous_commit = on}).
 *
 * <pre>{@code
 * OrderStore store = connector.orderStore(instruments);   // or PostgresOrderStore.on(dataSource, instruments)
 * }</pre>
 *
 * <p>Stored instrument ids are resolved through the {@link InstrumentRepository} when reading; an id it does not
 * know fails the read with a {@link io.aitrader.api.ConfigurationException}. Thread-safe (no lock: every call uses its
 * own pooled connection). {@link #close()} does not close the pool, which belongs to the connector.
 */
public final class PostgresOrderStore implements OrderStore {
  private static final String UNIQUE_VIOLATION = "23505";
  private static final String INSERT = "INSERT INTO orders (reference_id, recorded_at_millis, "
      + OrderRows.columns("") + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String STATE = "UPDATE orders SET (" + OrderRows.columns("state_") + ", "
      + String.join(", ", OrderRows.STATE_COLUMNS) + ", failure, failed_at_millis) = "
      + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL) WHERE reference_id = ?";
  private static final String FAILURE = "UPDATE orders SET (" + OrderRows.columns("state_") + ", "
      + String.join(", ", OrderRows.STATE_COLUMNS) + ", failure, failed_at_millis) = "
      + "(NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
      + " ?, ?) WHERE reference_id = ?";

  private final DataSource dataSource;
  private final InstrumentRepository instruments;
  private volatile boolean closed;

  PostgresOrderStore(DataSource dataSource, InstrumentRepository instruments) {
    this.dataSource = required(dataSource, "dataSource");
    this.instruments = required(instruments, "instruments");
  }

  /** A store on {@code dataSource}, whose schema {@link Migrations#bundled()} has migrated. */
  public static PostgresOrderStore on(DataSource dataSource, InstrumentRepository instruments) {
    return new PostgresOrderStore(dataSource, instruments);
  }

  @Override
  public String name() {
    return "postgres";
  }

  @Override
  public void recordIntent(OrderRequest request, long atMillis) {
    required(request, "request");
    new StoredOrder(request, atMillis, Optional.empty(), Optional.empty()); // validates before anything is written
    open();
    try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(INSERT)) {
      p.setString(1, request.referenceId());
      p.setLong(2, atMillis);
      OrderRows.bindRequest(p, 3, request);
      p.executeUpdate();
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        check(false, "request.referenceId",
            "was already recorded: a reference id names one order forever; use a new one", request.referenceId());
      }
      throw failed("record the intent of order " + request.referenceId(), e);
    }
  }

  @Override
  public void recordState(Order order) {
    required(order, "order");
    open();
    update(STATE, order.referenceId(), p -> {
      int next = OrderRows.bindState(p, 1, order);
      p.setString(next, order.referenceId());
    });
  }

  @Override
  public void recordFailure(String referenceId, String reason, long atMillis) {
    required(referenceId, "referenceId");
    required(reason, "reason");
    open();
    update(FAILURE, referenceId, p -> {
      p.setString(1, reason);
      p.setLong(2, atMillis);
      p.setString(3, referenceId);
    });
  }

  /** Binds one statement's parameters. */
  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement p) throws SQLException;
  }

  private void update(String sql, String referenceId, Binder binder) {
    int rows;
    try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
      binder.bind(p);
      rows = p.executeUpdate();
    } catch (SQLException e) {
      throw failed("update order " + referenceId, e);
    }
    if (rows == 0) {
      throw new NotFoundException("no order intent recorded for reference id " + referenceId
          + "; record the intent before its state");
    }
  }

  @Override
  public Optional<StoredOrder> find(String referenceId) {
    required(referenceId, "referenceId");
    open();
    List<StoredOrder> found = query("SELECT * FROM orders WHERE reference_id = ?", referenceId);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  @Override
  public List<StoredOrder> orders() {
    open();
    return query("SELECT * FROM orders ORDER BY seq", null);
  }

  private List<StoredOrder> query(String sql, @Nullable String referenceId) {
    try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
      if (referenceId != null) {
        p.setString(1, referenceId);
      }
      List<StoredOrder> out = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(OrderRows.read(rs, instruments));
        }
      }
      return List.copyOf(out);
    } catch (SQLException e) {
      throw failed("read orders", e);
    }
  }

  private void open() {
    if (closed) {
      throw new IllegalStateException("the PostgreSQL order store is closed; open a new one from the connector");
    }
  }

  static AitraderException failed(String what, SQLException e) {
    return new AitraderException("PostgreSQL: cannot " + what + ": " + e.getMessage() + " (SQLState "
        + e.getSQLState() + "; check that the server is up and the schema migrated)", e);
  }

  /** Marks the store closed; the pool stays open (it belongs to the connector). Idempotent. */
  @Override
  public void close() {
    closed = true;
  }
}
