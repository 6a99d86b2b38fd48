package io.aitrader.groww.rest;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;
import static io.aitrader.api.ValidationException.requireText;

import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.OrderRequest;
import io.aitrader.api.order.OrderType;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.api.order.Validity;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A GTT to create: when the price crosses {@code triggerPrice} in {@code direction} ({@code UP} or {@code DOWN}),
 * Groww places the order ({@code orderType}, {@code price} for LIMIT). Prices go out as decimal strings.
 */
public record GttRequest(String referenceId, Exchange exchange, Segment segment, String tradingSymbol, long quantity,
    Product product, Validity validity, Price triggerPrice, String direction, Side side, OrderType orderType,
    Optional<Price> price) {
  public GttRequest {
    required(referenceId, "GttRequest.referenceId");
    check(OrderRequest.isValidReferenceId(referenceId), "GttRequest.referenceId",
        "must be 8-20 letters or digits with at most two '-'", "'" + referenceId + "'");
    required(exchange, "GttRequest.exchange");
    required(segment, "GttRequest.segment");
    requireText(tradingSymbol, "GttRequest.tradingSymbol");
    check(quantity > 0, "GttRequest.quantity", "must be > 0", quantity);
    required(product, "GttRequest.product");
    required(validity, "GttRequest.validity");
    required(triggerPrice, "GttRequest.triggerPrice");
    check(triggerPrice.isPositive(), "GttRequest.triggerPrice", "must be > 0", triggerPrice);
    check("UP".equals(direction) || "DOWN".equals(direction), "GttRequest.direction", "must be UP or DOWN",
        direction);
    required(side, "GttRequest.side");
    required(orderType, "GttRequest.orderType");
    required(price, "GttRequest.price");
  }

  Map<String, Object> toBody() {
    Map<String, Object> order = new LinkedHashMap<>();
    order.put("order_type", orderType.name());
    order.put("price", price.map(Price::toString).orElse(null));
    order.put("transaction_type", side.name());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("smart_order_type", SmartOrderType.GTT.name());
    body.put("reference_id", referenceId);
    body.put("segment", segment.name());
    body.put("trading_symbol", tradingSymbol);
    body.put("quantity", quantity);
    body.put("product_type", product.name());
    body.put("exchange", exchange.name());
    body.put("duration", validity.name());
    body.put("trigger_price", triggerPrice.toString());
    body.put("trigger_direction", direction);
    body.put("order", order);
    return body;
  }
}
