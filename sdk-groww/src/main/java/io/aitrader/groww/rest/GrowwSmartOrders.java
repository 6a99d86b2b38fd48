package io.aitrader.groww.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.money.Price;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Groww's smart orders (GTT, OCO; §3.3). No bucket is documented: create, modify and cancel use the Orders bucket,
 * reads the Non-trading bucket (UNCONFIRMED). The list's container key is UNCONFIRMED: the first array in the
 * payload is read (or the payload itself when it is an array). Thread-safe.
 *
 * <pre>{@code
 * SmartOrder gtt = client.smartOrders().createGtt(new GttRequest("gtt-00000001", Exchange.NSE, Segment.CASH,
 *     "RELIANCE", 10, Product.CNC, Validity.DAY, Price.of("2400"), "DOWN", Side.BUY, OrderType.LIMIT,
 *     Optional.of(Price.of("2395"))));
 * }</pre>
 */
public final class GrowwSmartOrders {
  private final GrowwHttp http;

  GrowwSmartOrders(GrowwHttp http) {
    this.http = http;
  }

  /** {@code POST /v1/order-advance/create} for a GTT. */
  public SmartOrder createGtt(GttRequest request) {
    ValidationException.required(request, "GrowwSmartOrders.request");
    GrowwHttp.Call call = http.post("/v1/order-advance/create").body(request.toBody()).bucket(GrowwHttp.ORDERS);
    return smartOrder(call.send(), call.endpoint());
  }

  /** {@code POST /v1/order-advance/create} for an OCO. */
  public SmartOrder createOco(OcoRequest request) {
    ValidationException.required(request, "GrowwSmartOrders.request");
    GrowwHttp.Call call = http.post("/v1/order-advance/create").body(request.toBody()).bucket(GrowwHttp.ORDERS);
    return smartOrder(call.send(), call.endpoint());
  }

  /**
   * {@code PUT /v1/order-advance/modify/{id}} with the changed fields only (a GTT's quantity, trigger price and
   * limit price; empty values are not sent).
   */
  public SmartOrder modifyGtt(String smartOrderId, Segment segment, Optional<Long> quantity,
      Optional<Price> triggerPrice, Optional<Price> price) {
    ValidationException.requireText(smartOrderId, "GrowwSmartOrders.smartOrderId");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("smart_order_type", SmartOrderType.GTT.name());
    body.put("segment", segment.name());
    quantity.ifPresent(q -> body.put("quantity", q));
    triggerPrice.ifPresent(p -> body.put("trigger_price", p.toString()));
    price.ifPresent(p -> body.put("order", Map.of("price", p.toString())));
    GrowwHttp.Call call = http.put("/v1/order-advance/modify/" + smartOrderId).body(body).bucket(GrowwHttp.ORDERS);
    return smartOrder(call.send(), call.endpoint());
  }

  /** {@code POST /v1/order-advance/cancel/{segment}/{type}/{id}} (no body). */
  public SmartOrder cancel(Segment segment, SmartOrderType type, String smartOrderId) {
    ValidationException.requireText(smartOrderId, "GrowwSmartOrders.smartOrderId");
    GrowwHttp.Call call = http.post("/v1/order-advance/cancel/" + segment.name() + "/" + type.name() + "/"
        + smartOrderId).bucket(GrowwHttp.ORDERS);
    return smartOrder(call.send(), call.endpoint());
  }

  /** {@code GET /v1/order-advance/status/{segment}/{type}/internal/{id}}. */
  public SmartOrder get(Segment segment, SmartOrderType type, String smartOrderId) {
    ValidationException.requireText(smartOrderId, "GrowwSmartOrders.smartOrderId");
    GrowwHttp.Call call = http.get("/v1/order-advance/status/" + segment.name() + "/" + type.name() + "/internal/"
        + smartOrderId).bucket(GrowwHttp.NON_TRADING);
    return smartOrder(call.send(), call.endpoint());
  }

  /** {@code GET /v1/order-advance/list} with the given filters (page 0–500, page size 1–50). */
  public List<SmartOrder> list(Optional<SmartOrderType> type, Optional<Segment> segment, Optional<String> status,
      int page, int pageSize) {
    ValidationException.check(page >= 0 && page <= 500, "GrowwSmartOrders.page", "must be 0..500", page);
    ValidationException.check(pageSize >= 1 && pageSize <= 50, "GrowwSmartOrders.pageSize", "must be 1..50", pageSize);
    GrowwHttp.Call call = http.get("/v1/order-advance/list").queryIfPresent("smart_order_type", type.map(Enum::name))
        .queryIfPresent("segment", segment.map(Enum::name)).queryIfPresent("status", status).query("page", page)
        .query("page_size", pageSize).bucket(GrowwHttp.NON_TRADING);
    JsonNode p = call.send();
    JsonNode rows = p.isArray() ? p : null;
    for (Map.Entry<String, JsonNode> f : p.properties()) {
      if (rows == null && f.getValue().isArray()) {
        Variants.seen("smart order list key", f.getKey());
        rows = f.getValue();
      }
    }
    List<SmartOrder> out = new ArrayList<>();
    if (rows != null) {
      for (JsonNode r : rows) {
        out.add(smartOrder(r, call.endpoint()));
      }
    }
    return List.copyOf(out);
  }

  static SmartOrder smartOrder(JsonNode p, String e) {
    return new SmartOrder(Wire.text(p, "smart_order_id", e),
        Wire.parse(p, "smart_order_type", e, s -> SmartOrderType.valueOf(s.toUpperCase(java.util.Locale.ROOT))),
        Wire.text(p, "status", e), Wire.text(p, "trading_symbol", e), Wire.optText(p, "exchange"),
        Wire.parse(p, "segment", e, Segment::parse), Wire.longOrZero(p, "quantity", e), Wire.optText(p, "product_type"),
        Wire.optText(p, "duration"), Wire.positivePrice(p, "trigger_price", e), Wire.optText(p, "trigger_direction"),
        Wire.optText(p, "remark"), Wire.optTime(p, "created_at", e), Wire.optTime(p, "expire_at", e));
  }
}
