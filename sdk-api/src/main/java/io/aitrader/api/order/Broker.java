package io.aitrader.api.order;

import io.aitrader.api.Registration;
import java.util.List;
import java.util.Optional;

/**
 * The Broker SPI: places, modifies and cancels orders at a broker and reports their state and fills. The embedded
 * default is the paper broker (simulated fills) in sdk-core; {@code sdk-groww} implements it over Groww's REST API
 * and order-update stream. Selected by {@link #name()} in configuration ({@code broker: paper}).
 *
 * <pre>{@code
 * Order o = broker.place(request);                  // status NEW/ACKED/OPEN… or REJECTED
 * broker.subscribe(new OrderListener() {
 *   public void onOrderUpdate(Order order) { ... }
 *   public void onFill(Fill fill) { portfolio.apply(fill, charges.chargesFor(fill)); }
 * });
 * broker.cancel(o);
 * }</pre>
 *
 * <p>A broker does not check risk, rate-limit or de-duplicate: the {@link OrderService} does that before calling
 * it. Failures are {@link io.aitrader.api.BrokerException}s: {@link io.aitrader.api.OrderRejectedException} when
 * the broker refuses an order (including a reused reference id), {@link io.aitrader.api.RateLimitedException}
 * when its rate limit is hit, a retryable {@code BrokerException} for timeouts and server errors. An order the
 * exchange rejects after acceptance is reported as an {@link Order} with status {@link OrderStatus#REJECTED}.
 *
 * <p>Implementations are thread-safe. Nothing returned is null; lists are immutable snapshots.
 */
public interface Broker extends AutoCloseable {

  /** The name configuration selects it by, e.g. {@code paper} or {@code groww}. */
  String name();

  /** Sends a new order; returns the broker's first view of it. */
  Order place(OrderRequest request);

  /**
   * Changes a live order; returns its new state (often {@link OrderStatus#MODIFICATION_REQUESTED}). Fails with
   * {@link io.aitrader.api.OrderRejectedException} when the order is terminal or the broker refuses the change.
   */
  Order modify(Order order, OrderModification change);

  /**
   * Asks to cancel a live order; returns its new state (often {@link OrderStatus#CANCELLATION_REQUESTED}). A
   * terminal order is returned unchanged.
   */
  Order cancel(Order order);

  /** The latest state of the order with this reference id, if this broker has it. */
  Optional<Order> order(String referenceId);

  /** The latest state of every order of the current trading day, oldest first. */
  List<Order> orders();

  /** The fills of one order, in execution order; empty when nothing has filled. */
  List<Fill> trades(Order order);

  /** Registers a listener for every order update and fill from now on. */
  Registration subscribe(OrderListener listener);

  /** Stops update streams and releases connections. Idempotent. */
  @Override
  void close();
}
