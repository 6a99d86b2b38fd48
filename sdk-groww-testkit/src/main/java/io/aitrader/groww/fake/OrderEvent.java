package io.aitrader.groww.fake;

import static io.aitrader.api.ValidationException.requireText;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.order.Fill;
import io.aitrader.api.order.Order;
import java.util.Optional;

/**
 * A change to an order in the fake's order book, as Groww's order-update stream would report it: the order (its
 * request, status, filled quantity, average fill price, remark, times) with the Groww-side ids. Delivered to
 * {@link FakeGroww#onOrderEvent} listeners, e.g. to publish order updates on a fake feed.
 *
 * @param growwOrderId    the {@code groww_order_id} the REST API reports
 * @param exchangeOrderId the exchange's order id
 * @param orderStatus     the wire status, e.g. {@code OPEN}, {@code EXECUTED}
 * @param order           the order's state after the change ({@link Order#brokerOrderId()} is the paper broker's id;
 *                        use {@code growwOrderId} on the wire)
 * @param fill            the fill that caused this change, when it was one
 */
public record OrderEvent(String growwOrderId, String exchangeOrderId, String orderStatus, Order order,
    Optional<Fill> fill) {

  public OrderEvent {
    requireText(growwOrderId, "OrderEvent.growwOrderId");
    requireText(exchangeOrderId, "OrderEvent.exchangeOrderId");
    requireText(orderStatus, "OrderEvent.orderStatus");
    required(order, "OrderEvent.order");
    required(fill, "OrderEvent.fill");
  }

  /** When the change happened, epoch milliseconds (the order's update time). */
  public long atMillis() {
    return order.updatedAtMillis();
  }
}
