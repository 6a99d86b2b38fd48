package io.aitrader.groww.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.OrderStatus;
import io.aitrader.api.order.OrderType;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.api.order.Validity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Groww's order endpoints (§3.2): place, modify, cancel (Orders bucket: 10/s, 250/min); status, status by
 * reference, detail, list, trades (Non-trading bucket: 20/s, 500/min). Nothing here is retried blindly: a place,
 * modify or cancel that times out or gets a 5xx throws, and the caller decides (see {@code GrowwBroker}).
 *
 * <pre>{@code
 * OrderAck ack = client.orders().place(OrderPlacement.of(request));
 * Optional<OrderStatusInfo> s = client.orders().statusByReference("mom5m-000042", Segment.CASH);
 * }</pre>
 *
 * <p>Errors: GA001/GA006/HTTP 400 on place, modify or cancel → {@link GrowwOrderRejectedException}; GA007 →
 * {@link DuplicateReferenceException}; see {@link GrowwApiException} for the rest. Thread-safe.
 */
public final class GrowwOrders {
  private final GrowwHttp http;

  GrowwOrders(GrowwHttp http) {
    this.http = http;
  }

  /** {@code POST /v1/order/create}. */
  public OrderAck place(OrderPlacement placement) {
    ValidationException.required(placement, "GrowwOrders.placement");
    GrowwHttp.Call call = http.post("/v1/order/create").bucket(GrowwHttp.ORDERS).body(placement.toBody());
    return ack(orderCall(call), call.endpoint());
  }

  /**
   * {@code POST /v1/order/modify}: every value is sent, changed or not.
   *
   * @param price        the new limit price (LIMIT, SL); sent as 0 when empty
   * @param triggerPrice the new trigger price (SL, SL_M); sent as null when empty
   */
  public OrderAck modify(String growwOrderId, Segment segment, long quantity, OrderType orderType,
      Optional<Price> price, Optional<Price> triggerPrice) {
    ValidationException.requireText(growwOrderId, "GrowwOrders.growwOrderId");
    ValidationException.check(quantity > 0, "GrowwOrders.quantity", "must be > 0", quantity);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("quantity", quantity);
    body.put("price", price.map(Price::toBigDecimal).orElse(java.math.BigDecimal.ZERO));
    body.put("trigger_price", triggerPrice.map(Price::toBigDecimal).orElse(null));
    body.put("groww_order_id", growwOrderId);
    body.put("order_type", orderType.name());
    body.put("segment", segment.name());
    GrowwHttp.Call call = http.post("/v1/order/modify").bucket(GrowwHttp.ORDERS).body(body);
    return ack(orderCall(call), call.endpoint());
  }

  /** {@code POST /v1/order/cancel}. */
  public OrderAck cancel(String growwOrderId, Segment segment) {
    ValidationException.requireText(growwOrderId, "GrowwOrders.growwOrderId");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("segment", segment.name());
    body.put("groww_order_id", growwOrderId);
    GrowwHttp.Call call = http.post("/v1/order/cancel").bucket(GrowwHttp.ORDERS).body(body);
    return ack(orderCall(call), call.endpoint());
  }

  /** {@code GET /v1/order/status/{id}?segment=}; an unknown id fails with {@link GrowwNotFoundException}. */
  public OrderStatusInfo status(String growwOrderId, Segment segment) {
    ValidationException.requireText(growwOrderId, "GrowwOrders.growwOrderId");
    GrowwHttp.Call call = http.get("/v1/order/status/" + growwOrderId).query("segment", segment.name())
        .bucket(GrowwHttp.NON_TRADING);
    return statusOf(call.send(), call.endpoint());
  }

  /** {@code GET /v1/order/status/reference/{ref}?segment=}; empty when Groww has no order with this reference. */
  public Optional<OrderStatusInfo> statusByReference(String referenceId, Segment segment) {
    ValidationException.requireText(referenceId, "GrowwOrders.referenceId");
    GrowwHttp.Call call = http.get("/v1/order/status/reference/" + referenceId).query("segment", segment.name())
        .bucket(GrowwHttp.NON_TRADING);
    try {
      return Optional.of(statusOf(call.send(), call.endpoint()));
    } catch (GrowwNotFoundException e) {
      return Optional.empty();
    }
  }

  /** {@code GET /v1/order/detail/{id}?segment=}. */
  public GrowwOrder detail(String growwOrderId, Segment segment) {
    ValidationException.requireText(growwOrderId, "GrowwOrders.growwOrderId");
    GrowwHttp.Call call = http.get("/v1/order/detail/" + growwOrderId).query("segment", segment.name())
        .bucket(GrowwHttp.NON_TRADING);
    return order(call.send(), call.endpoint());
  }

  /** One page of {@code GET /v1/order/list} (segment empty = every segment; pages count from 0). */
  public List<GrowwOrder> list(Optional<Segment> segment, int page, int pageSize) {
    ValidationException.check(page >= 0, "GrowwOrders.page", "must be >= 0", page);
    ValidationException.check(pageSize >= 1 && pageSize <= 100, "GrowwOrders.pageSize", "must be 1..100", pageSize);
    GrowwHttp.Call call = http.get("/v1/order/list").queryIfPresent("segment", segment.map(Segment::name))
        .query("page", page).query("page_size", pageSize).bucket(GrowwHttp.NON_TRADING);
    JsonNode payload = call.send();
    JsonNode rows = payload.path("order_list");
    if (!rows.isArray()) {
      throw Wire.malformed(call.endpoint(), "order_list is not a list");
    }
    List<GrowwOrder> out = new ArrayList<>(rows.size());
    for (JsonNode row : rows) {
      out.add(order(row, call.endpoint()));
    }
    return out;
  }

  /**
   * Every order of the day: pages of 25 until a page is short, empty, or repeats orders already seen (a server
   * that ignores paging), at most 100 pages.
   */
  public List<GrowwOrder> listAll(Optional<Segment> segment) {
    int pageSize = 25;
    List<GrowwOrder> all = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int page = 0; page < 100; page++) {
      List<GrowwOrder> rows = list(segment, page, pageSize);
      boolean added = false;
      for (GrowwOrder o : rows) {
        if (seen.add(o.growwOrderId())) {
          all.add(o);
          added = true;
        }
      }
      if (rows.size() < pageSize || !added) {
        break;
      }
    }
    return all;
  }

  /** {@code GET /v1/order/trades/{id}?segment=&page=&page_size=}. */
  public List<GrowwTrade> trades(String growwOrderId, Segment segment, int page, int pageSize) {
    ValidationException.requireText(growwOrderId, "GrowwOrders.growwOrderId");
    GrowwHttp.Call call = http.get("/v1/order/trades/" + growwOrderId).query("segment", segment.name())
        .query("page", page).query("page_size", pageSize).bucket(GrowwHttp.NON_TRADING);
    JsonNode rows = call.send().path("trade_list");
    if (!rows.isArray()) {
      throw Wire.malformed(call.endpoint(), "trade_list is not a list");
    }
    List<GrowwTrade> out = new ArrayList<>(rows.size());
    for (JsonNode row : rows) {
      out.add(trade(row, call.endpoint()));
    }
    return out;
  }

  /** Every trade of an order (pages of 25 until a short or repeated page). */
  public List<GrowwTrade> allTrades(String growwOrderId, Segment segment) {
    List<GrowwTrade> all = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int page = 0; page < 100; page++) {
      List<GrowwTrade> rows = trades(growwOrderId, segment, page, 25);
      boolean added = false;
      for (GrowwTrade t : rows) {
        if (seen.add(t.growwTradeId())) {
          all.add(t);
          added = true;
        }
      }
      if (rows.size() < 25 || !added) {
        break;
      }
    }
    return all;
  }

  private static JsonNode orderCall(GrowwHttp.Call call) {
    try {
      return call.send();
    } catch (GrowwApiException e) {
      boolean refused = !e.isRetryable() && !(e instanceof GrowwAuthenticationException)
          && !(e instanceof MalformedResponseException) && (e.httpStatus() == 400
          || e.errorCode().filter(c -> c.equals("GA001") || c.equals("GA006")).isPresent());
      if (refused) {
        throw new GrowwOrderRejectedException(e.getMessage(), e.httpStatus(), e.errorCode(), e.endpoint());
      }
      throw e;
    }
  }

  private static OrderAck ack(JsonNode p, String endpoint) {
    return new OrderAck(Wire.text(p, "groww_order_id", endpoint),
        Wire.parse(p, "order_status", endpoint, OrderStatus::parse), Wire.optText(p, "order_reference_id"),
        Wire.optText(p, "remark"));
  }

  static OrderStatusInfo statusOf(JsonNode p, String endpoint) {
    return new OrderStatusInfo(Wire.text(p, "groww_order_id", endpoint),
        Wire.parse(p, "order_status", endpoint, OrderStatus::parse), Wire.longOrZero(p, "filled_quantity", endpoint),
        Wire.optText(p, "order_reference_id"), Wire.optText(p, "remark"));
  }

  static GrowwOrder order(JsonNode p, String endpoint) {
    long quantity = Wire.longValue(p, "quantity", endpoint);
    long filled = Wire.longOrZero(p, "filled_quantity", endpoint);
    return new GrowwOrder(Wire.text(p, "groww_order_id", endpoint), Wire.optText(p, "order_reference_id"),
        Wire.text(p, "trading_symbol", endpoint), Wire.parse(p, "exchange", endpoint, Exchange::parse),
        Wire.parse(p, "segment", endpoint, Segment::parse), Wire.parse(p, "order_status", endpoint, OrderStatus::parse),
        Wire.optText(p, "remark"), quantity, Wire.positivePrice(p, "price", endpoint),
        Wire.positivePrice(p, "trigger_price", endpoint), filled,
        Wire.optLong(p, "remaining_quantity", endpoint).orElse(quantity - filled),
        Wire.positivePrice(p, "average_fill_price", endpoint), Wire.longOrZero(p, "deliverable_quantity", endpoint),
        Wire.optText(p, "amo_status"),
        Wire.optParse(p, "validity", endpoint, Validity::parse).orElse(Validity.DAY),
        Wire.parse(p, "order_type", endpoint, OrderType::parse),
        Wire.parse(p, "transaction_type", endpoint, Side::parse), Wire.parse(p, "product", endpoint, Product::parse),
        Wire.optTime(p, "created_at", endpoint), Wire.optTime(p, "exchange_time", endpoint));
  }

  static GrowwTrade trade(JsonNode p, String endpoint) {
    Optional<Long> time = Wire.optTime(p, "trade_date_time", endpoint);
    if (time.isEmpty()) {
      time = Wire.optTime(p, "created_at", endpoint);
    }
    return new GrowwTrade(Wire.text(p, "groww_trade_id", endpoint), Wire.text(p, "groww_order_id", endpoint),
        Wire.optText(p, "exchange_trade_id"), Wire.optText(p, "exchange_order_id"),
        Wire.text(p, "trading_symbol", endpoint), Wire.parse(p, "exchange", endpoint, Exchange::parse),
        Wire.parse(p, "segment", endpoint, Segment::parse), Wire.parse(p, "product", endpoint, Product::parse),
        Wire.parse(p, "transaction_type", endpoint, Side::parse), Wire.longValue(p, "quantity", endpoint),
        Wire.price(Wire.decimal(p, "price", endpoint)), Wire.optText(p, "trade_status"), time,
        Wire.optText(p, "isin"), Wire.optText(p, "settlement_number"), Wire.optText(p, "remark"));
  }
}
