package io.aitrader.api.order;

import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.money.Price;
import java.util.Optional;

/**
 * A change to a live order: the new quantity, order type and prices, as Groww's modify call takes them (every
 * value is sent, changed or not). {@link #applyTo(OrderRequest)} gives the changed request, validated by the
 * same rules as a new one.
 *
 * <pre>{@code
 * OrderModification m = OrderModification.of(order.request()).withLimitPrice(Price.of("2530.00"));
 * orderService.modify(order.referenceId(), m);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param quantity     the new total quantity (including what has already filled)
 * @param orderType    the new order type
 * @param limitPrice   the new limit price (LIMIT and SL only)
 * @param triggerPrice the new trigger price (SL and SL_M only)
 */
public record OrderModification(long quantity, OrderType orderType, Optional<Price> limitPrice, Optional<Price> triggerPrice) {

  /** Validates every component; see the type's rules. */
  public OrderModification {
    required(orderType, "OrderModification.orderType");
    required(limitPrice, "OrderModification.limitPrice");
    required(triggerPrice, "OrderModification.triggerPrice");
  }

  /** A modification that changes nothing yet: a starting point for the {@code with…} methods. */
  public static OrderModification of(OrderRequest current) {
    return new OrderModification(current.quantity(), current.orderType(), current.limitPrice(), current.triggerPrice());
  }

  public OrderModification withQuantity(long newQuantity) {
    return new OrderModification(newQuantity, orderType, limitPrice, triggerPrice);
  }

  public OrderModification withLimitPrice(Price newLimit) {
    return new OrderModification(quantity, orderType, Optional.of(newLimit), triggerPrice);
  }

  public OrderModification withTriggerPrice(Price newTrigger) {
    return new OrderModification(quantity, orderType, limitPrice, Optional.of(newTrigger));
  }

  /** Changes the type; pass empty prices where the new type forbids them. */
  public OrderModification withOrderType(OrderType newType, Optional<Price> newLimit, Optional<Price> newTrigger) {
    return new OrderModification(quantity, newType, newLimit, newTrigger);
  }

  /**
   * The request as it is after this change; throws {@link io.aitrader.api.ValidationException} when the result
   * breaks a rule of {@link OrderRequest} (lot size, prices for the order type, tick size).
   */
  public OrderRequest applyTo(OrderRequest request) {
    return new OrderRequest(request.instrument(), request.side(), quantity, orderType, limitPrice, triggerPrice,
        request.product(), request.validity(), request.referenceId(), request.strategyId(), request.algoId(),
        request.tag());
  }
}
