package io.aitrader.groww.feed;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.requireText;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.order.OrderStatus;
import io.aitrader.api.order.OrderType;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.api.order.Validity;

/**
 * An order update from Groww's order-update subjects ({@code OrderDetailUpdateDto}), with enums mapped onto the
 * SDK's and prices in ₹0.0001 units (converted from the wire's whole numbers with the decoder's
 * {@link PriceUnit}). Immutable.
 *
 * <p>proto3 does not send default values: a field absent from the message reads as 0, the empty string or the
 * first enum value (NEW, IOC, BSE, CASH, CNC, MARKET, BUY), exactly as the official SDK reports it.
 *
 * @param growwOrderId      Groww's order id, e.g. {@code GMK39038RDT490CCVRO}; never blank
 * @param exchangeOrderId   the exchange's order id; empty until the exchange has one
 * @param status            Groww's status; {@link #orderStatus()} is the SDK's
 * @param quantity          ordered quantity
 * @param filledQuantity    quantity filled so far
 * @param remainingQuantity quantity still open
 * @param averageFillPrice  average price of the fills, ₹0.0001 units; 0 before any fill
 * @param price             limit price, ₹0.0001 units; 0 for market orders
 * @param triggerPrice      trigger price, ₹0.0001 units; 0 when none
 * @param side              buy or sell (wire {@code buySell} B/S)
 * @param product           the product
 * @param orderType         the order type (wire MKT/L/SL/SL_M)
 * @param validity          the validity (wire {@code duration})
 * @param segment           the segment
 * @param exchange          the exchange
 * @param remark            Groww's remark, e.g. a rejection reason; may be empty
 * @param contractId        ISIN for equity, contract symbol for F&amp;O; may be empty
 */
public record GrowwOrderUpdate(
    String growwOrderId,
    String exchangeOrderId,
    GrowwOrderStatus status,
    long quantity,
    long filledQuantity,
    long remainingQuantity,
    long averageFillPrice,
    long price,
    long triggerPrice,
    Side side,
    Product product,
    OrderType orderType,
    Validity validity,
    Segment segment,
    Exchange exchange,
    String remark,
    String contractId) {

  /** Validates every component. */
  public GrowwOrderUpdate {
    requireText(growwOrderId, "GrowwOrderUpdate.growwOrderId");
    required(exchangeOrderId, "GrowwOrderUpdate.exchangeOrderId");
    required(status, "GrowwOrderUpdate.status");
    check(quantity >= 0, "GrowwOrderUpdate.quantity", "must be >= 0", quantity);
    check(filledQuantity >= 0, "GrowwOrderUpdate.filledQuantity", "must be >= 0", filledQuantity);
    check(remainingQuantity >= 0, "GrowwOrderUpdate.remainingQuantity", "must be >= 0", remainingQuantity);
    check(averageFillPrice >= 0, "GrowwOrderUpdate.averageFillPrice", "must be >= 0 (₹0.0001 units)",
        averageFillPrice);
    check(price >= 0, "GrowwOrderUpdate.price", "must be >= 0 (₹0.0001 units)", price);
    check(triggerPrice >= 0, "GrowwOrderUpdate.triggerPrice", "must be >= 0 (₹0.0001 units)", triggerPrice);
    required(side, "GrowwOrderUpdate.side");
    required(product, "GrowwOrderUpdate.product");
    required(orderType, "GrowwOrderUpdate.orderType");
    required(validity, "GrowwOrderUpdate.validity");
    required(segment, "GrowwOrderUpdate.segment");
    required(exchange, "GrowwOrderUpdate.exchange");
    required(remark, "GrowwOrderUpdate.remark");
    required(contractId, "GrowwOrderUpdate.contractId");
  }

  /** The SDK status of this update ({@link OrderStatus} has every Groww status, by the same name). */
  public OrderStatus orderStatus() {
    return status.toOrderStatus();
  }
}
