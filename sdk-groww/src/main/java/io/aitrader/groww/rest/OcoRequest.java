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

/** An OCO to create: a target and a stop-loss leg on an open position; whichever triggers first cancels the other. */
public record OcoRequest(String referenceId, Exchange exchange, Segment segment, String tradingSymbol, long quantity,
    long netPositionQuantity, Product product, Validity validity, Side side, Leg target, Leg stopLoss) {
  public OcoRequest {
    required(referenceId, "OcoRequest.referenceId");
    check(OrderRequest.isValidReferenceId(referenceId), "OcoRequest.referenceId",
        "must be 8-20 letters or digits with at most two '-'", "'" + referenceId + "'");
    required(exchange, "OcoRequest.exchange");
    required(segment, "OcoRequest.segment");
    requireText(tradingSymbol, "OcoRequest.tradingSymbol");
    check(quantity > 0, "OcoRequest.quantity", "must be > 0", quantity);
    required(product, "OcoRequest.product");
    required(validity, "OcoRequest.validity");
    required(side, "OcoRequest.side");
    required(target, "OcoRequest.target");
    required(stopLoss, "OcoRequest.stopLoss");
  }

  /** One leg: its trigger, order type and (LIMIT) price. */
  public record Leg(Price triggerPrice, OrderType orderType, Optional<Price> price) {
    public Leg {
      required(triggerPrice, "OcoRequest.Leg.triggerPrice");
      required(orderType, "OcoRequest.Leg.orderType");
      required(price, "OcoRequest.Leg.price");
    }

    Map<String, Object> toBody() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("trigger_price", triggerPrice.toString());
      m.put("order_type", orderType.name());
      m.put("price", price.map(Price::toString).orElse(null));
      return m;
    }
  }

  Map<String, Object> toBody() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("smart_order_type", SmartOrderType.OCO.name());
    body.put("reference_id", referenceId);
    body.put("segment", segment.name());
    body.put("trading_symbol", tradingSymbol);
    body.put("quantity", quantity);
    body.put("product_type", product.name());
    body.put("exchange", exchange.name());
    body.put("duration", validity.name());
    body.put("net_position_quantity", netPositionQuantity);
    body.put("transaction_type", side.name());
    body.put("target", target.toBody());
    body.put("stop_loss", stopLoss.toBody());
    return body;
  }
}
