package io.aitrader.api.order;

import java.util.List;
import java.util.Optional;

/**
 * The Order Store SPI: the durable record that lets the {@link OrderService} promise that no order is ever sent
 * twice. The service records an order's intent <em>before</em> calling the broker (write-ahead), then every state the
 * broker reports; after a crash it reads the store back and reconciles the unresolved orders with the broker.
 *
 * <pre>{@code
 * store.recordIntent(request, now);          // durable when this returns
 * Order placed = broker.place(request);
 * store.recordState(placed);
 * ...
 * for (StoredOrder o : store.orders()) if (o.isUnresolved()) reconcile(o);   // on restart
 * }</pre>
 *
 * <p>Embedded defaults in sdk-core: an in-memory store (backtests) and an append-only file journal (paper and live
 * on one machine); the PostgreSQL connector stores orders in a table. All pass the same compatibility kit
 * ({@code OrderStoreContract} in sdk-testing).
 *
 * <p>Rules: a reference id is recorded once ({@link #recordIntent} of a known id fails with
 * {@link io.aitrader.api.ValidationException}); a state or failure may only be recorded for a known id
 * ({@link io.aitrader.api.NotFoundException} otherwise); a later state replaces the earlier one. Writes are durable
 * when the call returns. Thread-safe; nothing returned is null.
 */
public interface OrderStore extends AutoCloseable {
  /** The name configuration selects it by: {@code memory}, {@code file}, {@code postgres}. */
  String name();

  /** Records the decision to send {@code request} at {@code atMillis}, before any broker call. */
  void recordIntent(OrderRequest request, long atMillis);

  /** Records the latest state the broker reported for an order whose intent is recorded. */
  void recordState(Order order);

  /**
   * Records that the order with {@code referenceId} never reached the broker and will not be sent, with the reason
   * (e.g. the broker refused the connection outright, or it was unresolved at a restart and the broker did not know it).
   */
  void recordFailure(String referenceId, String reason, long atMillis);

  /** What is stored for {@code referenceId}, if anything. */
  Optional<StoredOrder> find(String referenceId);

  /** Every stored order, in the order the intents were recorded. */
  List<StoredOrder> orders();

  /** Flushes and releases resources. Idempotent. */
  @Override
  void close();
}
