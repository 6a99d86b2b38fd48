package io.aitrader.api.order;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.requireText;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.money.Price;
import java.util.Optional;

/**
 * An order as the broker knows it: the (possibly modified) request, the broker's id and state, and how much has
 * filled. Each change at the broker produces a new {@code Order}; listeners receive them in order.
 *
 * <pre>{@code
 * Order o = broker.place(request);
 * if (o.status() == OrderStatus.REJECTED) {
 *   log.warn("rejected: {}", o.remark().orElse("no reason given"));
 * }
 * o.remainingQuantity();      // request.quantity() - filledQuantity()
 * }</pre>
 *
 * <p>Rules: {@code 0 <= filledQuantity <= request.quantity()}; an average fill price is present exactly when
 * something has filled and is then positive; {@code createdAtMillis > 0} and {@code updatedAtMillis >=
 * createdAtMillis}. Immutable and thread-safe.
 *
 * @param request          the order as currently requested (after any accepted modification)
 * @param brokerOrderId    the broker's id, e.g. Groww's {@code groww_order_id}
 * @param status           the broker's status
 * @param filledQuantity   units filled so far
 * @param averageFillPrice the quantity-weighted average fill price, when anything has filled
 * @param remark           the broker's remark or rejection reason, when it gave one
 * @param createdAtMillis  when the broker accepted the order, epoch milliseconds
 * @param updatedAtMillis  when this state was reported, epoch milliseconds
 */
public record Order(
    OrderRequest request,
    String brokerOrderId,
    OrderStatus status,
    long filledQuantity,
    Optional<Price> averageFillPrice,
    Optional<String> remark,
    long createdAtMillis,
    long updatedAtMillis) {

  /** Validates every component; see the type's rules. */
  public Order {
    required(request, "Order.request");
    requireText(brokerOrderId, "Order.brokerOrderId");
    required(status, "Order.status");
    required(averageFillPrice, "Order.averageFillPrice");
    required(remark, "Order.remark");
    boolean fillsValid = filledQuantity == 0 ? averageFillPrice.isEmpty()
        : averageFillPrice.isPresent() && averageFillPrice.orElseThrow().isPositive();
    // one branch on the valid path: messages are only built for a bad value (orders are made per update and fill)
    if (filledQuantity < 0 || filledQuantity > request.quantity() || !fillsValid || createdAtMillis <= 0
        || updatedAtMillis < createdAtMillis) {
      String where = " (order " + request.referenceId() + ")";
      check(filledQuantity >= 0 && filledQuantity <= request.quantity(), "Order.filledQuantity",
          "must be within [0, " + request.quantity() + "]" + where, filledQuantity);
      if (filledQuantity == 0) {
        check(averageFillPrice.isEmpty(), "Order.averageFillPrice", "must be empty when nothing has filled" + where,
            averageFillPrice.map(Price::toString).orElse(""));
      } else {
        check(fillsValid, "Order.averageFillPrice", "must be > 0 when " + filledQuantity + " have filled" + where,
            averageFillPrice.map(Price::toString).orElse("empty"));
      }
      check(createdAtMillis > 0, "Order.createdAtMillis", "must be > 0" + where, createdAtMillis);
      check(updatedAtMillis >= createdAtMillis, "Order.updatedAtMillis", "must be >= createdAtMillis " + createdAtMillis + where, updatedAtMillis);
    }
  }

  /** A freshly accepted order: nothing filled, no remark, created and updated at {@code atMillis}. */
  public static Order accepted(OrderRequest request, String brokerOrderId, OrderStatus status, long atMillis) {
    return new Order(request, brokerOrderId, status, 0, Optional.empty(), Optional.empty(), atMillis, atMillis);
  }

  /** This order in a new state, with fills and remark as given; the request and ids stay. */
  public Order updated(OrderStatus newStatus, long newFilledQuantity, Optional<Price> newAverageFillPrice,
      Optional<String> newRemark, long atMillis) {
    return new Order(request, brokerOrderId, newStatus, newFilledQuantity, newAverageFillPrice, newRemark,
        createdAtMillis, atMillis);
  }

  /** This order with a new status only. */
  public Order withStatus(OrderStatus newStatus, long atMillis) {
    return updated(newStatus, filledQuantity, averageFillPrice, remark, atMillis);
  }

  /** This order with an accepted modification applied to its request. */
  public Order withRequest(OrderRequest newRequest, OrderStatus newStatus, long atMillis) {
    return new Order(newRequest, brokerOrderId, newStatus, filledQuantity, averageFillPrice, remark, createdAtMillis, atMillis);
  }

  /** Units not (yet) filled: {@code request.quantity() - filledQuantity}. After a terminal state, never to fill. */
  public long remainingQuantity() {
    return request.quantity() - filledQuantity;
  }

  /** The caller's idempotency key, {@code request().referenceId()}. */
  public String referenceId() {
    return request.referenceId();
  }

  public Instrument instrument() {
    return request.instrument();
  }

  /** Shorthand for {@code status().isTerminal()}. */
  public boolean isTerminal() {
    return status.isTerminal();
  }
}
