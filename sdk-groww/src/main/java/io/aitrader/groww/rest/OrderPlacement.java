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
 * The body of {@code POST /v1/order/create}: what Groww needs to place one order. Usually made from a validated
 * {@link OrderRequest} with {@link #of(OrderRequest)}. Immutable.
 *
 * @param tradingSymbol the exchange trading symbol, e.g. {@code WIPRO}
 * @param exchange      NSE, BSE, MCX
 * @param segment       CASH, FNO, COMMODITY
 * @param quantity      units, > 0
 * @param price         the limit price (LIMIT, SL); sent as {@code 0} when empty, as the official SDK does
 * @param triggerPrice  the trigger price (SL, SL_M); sent as {@code null} when empty
 * @param orderType     MARKET, LIMIT, SL, SL_M
 * @param side          BUY or SELL ({@code transaction_type})
 * @param product       CNC, MIS, NRML, …
 * @param validity      DAY, IOC, …
 * @param referenceId   the {@code order_reference_id}: 8–20 letters/digits with at most two '-'
 */
public record OrderPlacement(String tradingSymbol, Exchange exchange, Segment segment, long quantity,
    Optional<Price> price, Optional<Price> triggerPrice, OrderType orderType, Side side, Product product,
    Validity validity, String referenceId) {

  public OrderPlacement {
    requireText(tradingSymbol, "OrderPlacement.tradingSymbol");
    required(exchange, "OrderPlacement.exchange");
    required(segment, "OrderPlacement.segment");
    check(quantity > 0, "OrderPlacement.quantity", "must be > 0", quantity);
    required(price, "OrderPlacement.price");
    required(triggerPrice, "OrderPlacement.triggerPrice");
    required(orderType, "OrderPlacement.orderType");
    required(side, "OrderPlacement.side");
    required(product, "OrderPlacement.product");
    required(validity, "OrderPlacement.validity");
    required(referenceId, "OrderPlacement.referenceId");
    check(OrderRequest.isValidReferenceId(referenceId), "OrderPlacement.referenceId",
        "must be 8-20 letters or digits with at most two '-'", "'" + referenceId + "'");
  }

  /** The placement of a validated request. */
  public static OrderPlacement of(OrderRequest r) {
    return new OrderPlacement(r.instrument().tradingSymbol(), r.instrument().exchange(), r.instrument().segment(),
        r.quantity(), r.limitPrice(), r.triggerPrice(), r.orderType(), r.side(), r.product(), r.validity(),
        r.referenceId());
  }

  /** The JSON body, keys as the official SDK sends them. */
  Map<String, Object> toBody() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("trading_symbol", tradingSymbol);
    body.put("quantity", quantity);
    body.put("price", price.map(Price::toBigDecimal).orElse(java.math.BigDecimal.ZERO));
    body.put("trigger_price", triggerPrice.map(Price::toBigDecimal).orElse(null));
    body.put("validity", validity.name());
    body.put("exchange", exchange.name());
    body.put("segment", segment.name());
    body.put("product", product.name());
    body.put("order_type", orderType.name());
    body.put("transaction_type", side.name());
    body.put("order_reference_id", referenceId);
    return body;
  }
}
