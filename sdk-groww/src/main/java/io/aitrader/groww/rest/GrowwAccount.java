package io.aitrader.groww.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.order.OrderRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groww's account calls: margins available and required (§3.5, Non-trading bucket) and the user profile (§3.8, no
 * documented bucket: Non-trading, UNCONFIRMED). Thread-safe.
 *
 * <pre>{@code
 * Margins m = client.account().margins();
 * OrderMargin need = client.account().requiredMargin(Segment.FNO, List.of(request));
 * }</pre>
 */
public final class GrowwAccount {
  private final GrowwHttp http;

  GrowwAccount(GrowwHttp http) {
    this.http = http;
  }

  /** {@code GET /v1/margins/detail/user}. */
  public Margins margins() {
    GrowwHttp.Call call = http.get("/v1/margins/detail/user").bucket(GrowwHttp.NON_TRADING);
    JsonNode p = call.send();
    String e = call.endpoint();
    return new Margins(Wire.decimalOrZero(p, "clear_cash", e), Wire.decimalOrZero(p, "net_margin_used", e),
        Wire.decimalOrZero(p, "brokerage_and_charges", e), Wire.decimalOrZero(p, "collateral_used", e),
        Wire.decimalOrZero(p, "collateral_available", e), Wire.decimalOrZero(p, "adhoc_margin", e),
        numbers(p.path("fno_margin_details"), e), numbers(p.path("equity_margin_details"), e),
        numbers(p.path("commodity_margin_details"), e));
  }

  private static Map<String, BigDecimal> numbers(JsonNode obj, String endpoint) {
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> f : obj.properties()) {
      if (!f.getValue().isNull()) {
        out.put(f.getKey(), Wire.decimalOf(f.getValue(), f.getKey(), endpoint));
      }
    }
    return out;
  }

  /**
   * {@code POST /v1/margins/detail/orders?segment=} with a JSON array of the orders' seven fields (trading symbol,
   * side, quantity, price — 0 for market orders —, order type, product, exchange). Read-only, so it is retried like
   * a GET.
   */
  public OrderMargin requiredMargin(Segment segment, List<OrderRequest> orders) {
    ValidationException.required(orders, "GrowwAccount.orders");
    ValidationException.check(!orders.isEmpty(), "GrowwAccount.orders", "must not be empty", orders);
    List<Map<String, Object>> body = new ArrayList<>();
    for (OrderRequest r : orders) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("trading_symbol", r.instrument().tradingSymbol());
      o.put("transaction_type", r.side().name());
      o.put("quantity", r.quantity());
      o.put("price", r.limitPrice().map(io.aitrader.api.money.Price::toBigDecimal).orElse(BigDecimal.ZERO));
      o.put("order_type", r.orderType().name());
      o.put("product", r.product().name());
      o.put("exchange", r.instrument().exchange().name());
      body.add(o);
    }
    GrowwHttp.Call call = http.post("/v1/margins/detail/orders").query("segment", segment.name()).body(body)
        .idempotent(true).bucket(GrowwHttp.NON_TRADING);
    JsonNode p = call.send();
    String e = call.endpoint();
    return new OrderMargin(Wire.decimalOrZero(p, "exposure_required", e), Wire.decimalOrZero(p, "span_required", e),
        Wire.decimalOrZero(p, "option_buy_premium", e), Wire.decimalOrZero(p, "brokerage_and_charges", e),
        Wire.decimalOrZero(p, "total_requirement", e), Wire.decimalOrZero(p, "cash_cnc_margin_required", e),
        Wire.decimalOrZero(p, "cash_mis_margin_required", e),
        Wire.decimalOrZero(p, "physical_delivery_margin_requirement", e));
  }

  /** {@code GET /v1/user/detail}: every scalar field as text. */
  public UserProfile user() {
    GrowwHttp.Call call = http.get("/v1/user/detail").bucket(GrowwHttp.NON_TRADING);
    JsonNode p = call.send();
    if (!p.isObject()) {
      throw Wire.malformed(call.endpoint(), "the user profile is not an object");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> f : p.properties()) {
      if (f.getValue().isValueNode() && !f.getValue().isNull()) {
        fields.put(f.getKey(), f.getValue().asText());
      } else if (f.getValue().isArray()) {
        List<String> items = new ArrayList<>();
        f.getValue().forEach(v -> items.add(v.asText()));
        fields.put(f.getKey(), String.join(",", items));
      }
    }
    return new UserProfile(fields);
  }
}
