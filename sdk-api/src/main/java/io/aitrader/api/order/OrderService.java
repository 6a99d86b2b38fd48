package io.aitrader.api.order;

import io.aitrader.api.Registration;
import java.util.List;
import java.util.Optional;

/**
 * The Order Service: the one way orders reach a {@link Broker}. It de-duplicates by reference id, runs the risk
 * checks, applies the orders-per-second limit, records every decision for audit and tells listeners what
 * happened. Strategies reach it through {@code StrategyContext}.
 *
 * <pre>{@code
 * Order o = orders.submit(request);
 * Order again = orders.submit(request);     // same reference id: the same order, not a second one
 * orders.cancel(request.referenceId());
 * }</pre>
 *
 * <p>Idempotency: {@link #submit} with a reference id already seen returns the known order when the request is
 * equal to the first one, and fails with {@link io.aitrader.api.ValidationException} when it differs — a
 * reference id names one order forever (for the service's lifetime and its store's).
 *
 * <p>Failures: {@link io.aitrader.api.OrderRejectedException} when a risk check refuses (the reason names the
 * check), {@link io.aitrader.api.RateLimitedException} when the rate limit refuses,
 * {@link io.aitrader.api.NotFoundException} for an unknown reference id, other
 * {@link io.aitrader.api.BrokerException}s from the broker. Thread-safe; nothing returned is null.
 */
public interface OrderService {

  /** Checks and places an order, or returns the existing order with the same reference id. */
  Order submit(OrderRequest request);

  /** Cancels the order with this reference id; a terminal order is returned unchanged. */
  Order cancel(String referenceId);

  /** Modifies the order with this reference id; the changed request passes the same checks as a new one. */
  Order modify(String referenceId, OrderModification change);

  /** The latest known state of the order with this reference id. */
  Optional<Order> find(String referenceId);

  /**
   * The orders a submission became: one order normally; several when its quantity was above the exchange's freeze
   * quantity and the service sliced it (the first slice keeps the submitted reference id, the others get ids derived
   * from it). Empty for an unknown reference id.
   */
  default List<Order> slices(String referenceId) {
    return find(referenceId).map(List::of).orElse(List.of());
  }

  /**
   * Whether {@code referenceId} is already taken — by an order the broker has, or one recorded but never sent — so a
   * new order must use another id.
   */
  default boolean isKnown(String referenceId) {
    return find(referenceId).isPresent();
  }

  /** Orders not yet in a terminal state, oldest first. */
  List<Order> openOrders();

  /** Registers a listener for every order update and fill from now on. */
  Registration subscribe(OrderListener listener);
}
