package io.aitrader.groww.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aitrader.api.OrderRejectedException;
import io.aitrader.api.Registration;
import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentRepository;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.market.Tick;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.Fill;
import io.aitrader.api.order.Order;
import io.aitrader.api.order.OrderListener;
import io.aitrader.api.order.OrderModification;
import io.aitrader.api.order.OrderRequest;
import io.aitrader.api.order.OrderType;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.api.order.Validity;
import io.aitrader.api.time.Ist;
import io.aitrader.api.time.TimeSource;
import io.aitrader.core.paper.FillMode;
import io.aitrader.core.paper.PaperBroker;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The order endpoints (§3.2) over a {@link PaperBroker}: Groww ids, reference-id rules, the order and trade
 * objects, and order events. Callers hold the fake's lock.
 */
final class OrderBook {
  private static final Logger log = LoggerFactory.getLogger(OrderBook.class);
  static final String STRATEGY = "groww-fake";
  private static final DateTimeFormatter SETTLEMENT = DateTimeFormatter.ofPattern("yyyyDDD", Locale.ROOT);

  private final InstrumentRepository instruments;
  private final FakeMarket market;
  private final TimeSource clock;
  private final Account account;
  private final long seed;
  private final PaperBroker broker;
  private final Map<String, Entry> byGrowwId = new HashMap<>();
  private final Map<String, Entry> byPaperId = new HashMap<>();
  private final Map<String, Entry> byReference = new HashMap<>();
  private final List<Entry> entries = new ArrayList<>();
  private final Set<String> priced = new HashSet<>();
  private final List<Consumer<OrderEvent>> listeners = new CopyOnWriteArrayList<>();
  private long orderCount;
  private long tradeCount;
  private long generatedReferences;
  private Optional<Fill> pendingFill = Optional.empty();

  OrderBook(InstrumentRepository instruments, FakeMarket market, TimeSource clock, Account account, long seed) {
    this.instruments = instruments;
    this.market = market;
    this.clock = clock;
    this.account = account;
    this.seed = seed;
    this.broker = PaperBroker.builder().name("groww-fake").timeSource(clock).fillMode(FillMode.TICK)
        .fundsCheck(account::refuse).build();
    broker.subscribe(new OrderListener() {
      @Override
      public void onOrderUpdate(Order order) {
        updated(order);
      }

      @Override
      public void onFill(Fill fill) {
        filled(fill);
      }
    });
  }

  Registration onOrderEvent(Consumer<OrderEvent> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** Instruments with a working order: the ones the market must tick. */
  Set<Instrument> working() {
    Set<Instrument> out = new LinkedHashSet<>();
    for (Entry e : entries) {
      if (e.order.status().isActive()) {
        out.add(e.order.instrument());
      }
    }
    return out;
  }

  void onTick(Tick tick) {
    priced.add(tick.instrument().id());
    broker.onTick(tick);
  }

  void endOfDay(long closeMillis) {
    broker.endOfDay(closeMillis);
  }

  /** Places an order for a smart order's leg (no REST call); returns its Groww id. */
  String placeInternal(OrderRequest request) {
    primeIfMarket(request);
    Order o = broker.place(request);
    return entryOf(o).growwId;
  }

  /** The instrument's current price in ₹0.0001 units (0 when the market has none). */
  long lastPrice(Instrument instrument, long nowMillis) {
    return market.lastTick(instrument, nowMillis).map(Tick::lastPrice).orElse(0L);
  }

  Instrument instrument(String exchange, String segment, String tradingSymbol) {
    Exchange ex = Wire.enumValue(Exchange.class, exchange, "exchange");
    Segment seg = Wire.enumValue(Segment.class, segment, "segment");
    Instrument inst = instruments.find(ex, tradingSymbol.trim())
        .orElseThrow(() -> ApiError.badRequest("Invalid trading symbol: " + ex + " " + tradingSymbol
            + " is not in the instrument master"));
    if (inst.segment() != seg) {
      throw ApiError.badRequest("segment " + seg + " does not match " + inst.tradingSymbol() + ", which is in segment "
          + inst.segment());
    }
    return inst;
  }

  // ---- endpoints

  Reply create(Call call) {
    JsonNode b = call.json();
    Instrument inst = instrument(Wire.text(b, "exchange"), Wire.text(b, "segment"), Wire.text(b, "trading_symbol"));
    OrderType type = Wire.enumField(b, OrderType.class, "order_type");
    Optional<String> ref = Wire.optionalText(b, "order_reference_id");
    String reference = ref.orElseGet(this::generatedReference);
    if (!OrderRequest.isValidReferenceId(reference)) {
      throw ApiError.badRequest("'order_reference_id' must be 8-20 characters: letters, digits and at most two '-', "
          + "was '" + reference + "'");
    }
    if (byReference.containsKey(reference)) {
      throw new ApiError(400, ApiError.DUPLICATE_REFERENCE, "Order reference id " + reference
          + " was already used by order " + byReference.get(reference).growwId + ": use a new order_reference_id");
    }
    OrderRequest request;
    try {
      OrderRequest.Builder rb = OrderRequest.builder().instrument(inst)
          .side(Wire.enumField(b, Side.class, "transaction_type"))
          .quantity(Wire.integer(b, "quantity")).orderType(type)
          .product(Wire.enumField(b, Product.class, "product"))
          .validity(Wire.enumField(b, Validity.class, "validity"))
          .referenceId(reference).strategyId(STRATEGY);
      if (type.requiresLimitPrice()) {
        rb.limitPrice(Wire.price(b, "price").orElseThrow(() -> ApiError.badRequest(
            "'price' must be > 0 for a " + type + " order")));
      }
      if (type.requiresTriggerPrice()) {
        rb.triggerPrice(Wire.price(b, "trigger_price").orElseThrow(() -> ApiError.badRequest(
            "'trigger_price' must be > 0 for a " + type + " order")));
      }
      request = rb.build();
    } catch (ValidationException e) {
      throw ApiError.badRequest(e.getMessage());
    }
    primeIfMarket(request);
    Order placed;
    try {
      placed = broker.place(request);
    } catch (OrderRejectedException e) {
      throw new ApiError(400, ApiError.DUPLICATE_REFERENCE, e.getMessage());
    }
    Entry e = entryOf(placed);
    ObjectNode p = Json.object();
    p.put("groww_order_id", e.growwId);
    p.put("order_status", e.order.status().name());
    p.put("order_reference_id", reference);
    p.put("remark", e.order.remark().orElse(e.order.status().isActive() ? "Order placed successfully" : ""));
    return Reply.json(200, Json.success(p));
  }

  Reply modify(Call call) {
    JsonNode b = call.json();
    Entry e = find(Wire.text(b, "groww_order_id"), Wire.text(b, "segment"));
    if (e.order.isTerminal()) {
      throw ApiError.cannotProcess("order " + e.growwId + " is " + e.order.status() + " and can no longer be modified");
    }
    OrderType type = Wire.enumField(b, OrderType.class, "order_type");
    long quantity = Wire.integer(b, "quantity");
    Optional<Price> limit = type.requiresLimitPrice() ? Wire.price(b, "price") : Optional.empty();
    Optional<Price> trigger = type.requiresTriggerPrice() ? Wire.price(b, "trigger_price") : Optional.empty();
    try {
      broker.modify(e.order, new OrderModification(quantity, type, limit, trigger));
    } catch (OrderRejectedException | ValidationException ex) {
      throw ApiError.badRequest(ex.getMessage());
    }
    ObjectNode p = Json.object();
    p.put("groww_order_id", e.growwId);
    p.put("order_status", "MODIFICATION_REQUESTED");
    return Reply.json(200, Json.success(p));
  }

  Reply cancel(Call call) {
    JsonNode b = call.json();
    Entry e = find(Wire.text(b, "groww_order_id"), Wire.text(b, "segment"));
    if (e.order.isTerminal()) {
      throw ApiError.cannotProcess("order " + e.growwId + " is " + e.order.status() + " and can no longer be cancelled");
    }
    broker.cancel(e.order);
    ObjectNode p = Json.object();
    p.put("groww_order_id", e.growwId);
    p.put("order_status", "CANCELLATION_REQUESTED");
    return Reply.json(200, Json.success(p));
  }

  Reply status(Call call) {
    return Reply.json(200, Json.success(statusJson(find(call.pathParam("id"), call.requiredQuery("segment")))));
  }

  Reply statusByReference(Call call) {
    String ref = call.pathParam("ref");
    Segment seg = Wire.enumValue(Segment.class, call.requiredQuery("segment"), "segment");
    Entry e = byReference.get(ref);
    if (e == null || e.order.instrument().segment() != seg) {
      throw ApiError.notFound("no order with order_reference_id " + ref + " in segment " + seg);
    }
    return Reply.json(200, Json.success(statusJson(e)));
  }

  Reply detail(Call call) {
    return Reply.json(200, Json.success(orderJson(find(call.pathParam("id"), call.requiredQuery("segment")))));
  }

  Reply list(Call call) {
    Optional<Segment> seg = call.query("segment").map(s -> Wire.enumValue(Segment.class, s, "segment"));
    int page = call.intQuery("page", 0, 0, 10_000);
    int size = call.intQuery("page_size", 100, 1, 100);
    List<Entry> selected = new ArrayList<>();
    for (int i = entries.size() - 1; i >= 0; i--) { // newest first
      Entry e = entries.get(i);
      if (seg.isEmpty() || e.order.instrument().segment() == seg.get()) {
        selected.add(e);
      }
    }
    ObjectNode p = Json.object();
    ArrayNode list = p.putArray("order_list");
    for (int i = page * size; i < Math.min(selected.size(), (page + 1) * size); i++) {
      list.add(orderJson(selected.get(i)));
    }
    return Reply.json(200, Json.success(p));
  }

  Reply trades(Call call) {
    Entry e = find(call.pathParam("id"), call.requiredQuery("segment"));
    int page = call.intQuery("page", 0, 0, 10_000);
    int size = call.intQuery("page_size", 25, 1, 50);
    ObjectNode p = Json.object();
    ArrayNode list = p.putArray("trade_list");
    for (int i = page * size; i < Math.min(e.fills.size(), (page + 1) * size); i++) {
      list.add(tradeJson(e, i));
    }
    return Reply.json(200, Json.success(p));
  }

  // ---- state

  private Entry find(String growwId, String segment) {
    Segment seg = Wire.enumValue(Segment.class, segment, "segment");
    Entry e = byGrowwId.get(growwId.trim());
    if (e == null || e.order.instrument().segment() != seg) {
      throw ApiError.notFound("no order with groww_order_id " + growwId + " in segment " + seg);
    }
    return e;
  }

  private void primeIfMarket(OrderRequest request) {
    Instrument inst = request.instrument();
    if (request.orderType() == OrderType.MARKET && !priced.contains(inst.id())) {
      market.lastTick(inst, clock.currentTimeMillis()).ifPresent(this::onTick);
    }
  }

  private String generatedReference() {
    return String.format(Locale.ROOT, "%08d", 10_000_000 + ++generatedReferences);
  }

  private Entry entryOf(Order o) {
    Entry e = byPaperId.get(o.brokerOrderId());
    if (e == null) {
      throw new IllegalStateException("paper order " + o.brokerOrderId() + " was not reported to the book");
    }
    return e;
  }

  private void filled(Fill fill) {
    account.apply(fill);
    Entry e = byPaperId.get(fill.brokerOrderId());
    if (e != null) {
      e.fills.add(fill);
      e.tradeIds.add(id("GMKT", ++tradeCount, 15));
    }
    pendingFill = Optional.of(fill);
  }

  private void updated(Order order) {
    Entry e = byPaperId.get(order.brokerOrderId());
    if (e == null) {
      orderCount++;
      boolean fno = order.instrument().segment() == Segment.FNO;
      e = new Entry(id(fno ? "GMKFO" : "GMK", orderCount, fno ? 14 : 16),
          String.format(Locale.ROOT, "11%014d", Math.floorMod(mix(seed ^ 0x5bd1e995L, orderCount), 100_000_000_000_000L)),
          order);
      byPaperId.put(order.brokerOrderId(), e);
      byGrowwId.put(e.growwId, e);
      byReference.put(order.referenceId(), e);
      entries.add(e);
    }
    e.order = order;
    Optional<Fill> fill = pendingFill;
    pendingFill = Optional.empty();
    OrderEvent event = new OrderEvent(e.growwId, e.exchangeOrderId, order.status().name(), order, fill);
    for (Consumer<OrderEvent> l : listeners) {
      try {
        l.accept(event);
      } catch (RuntimeException ex) {
        log.warn("order event listener failed for order {}: {}", e.growwId, ex.toString());
      }
    }
  }

  /** A deterministic id: prefix + base-36 (upper case) digits of a hash of (seed, n). */
  private String id(String prefix, long n, int digits) {
    String s = Long.toString(mix(seed, n) & Long.MAX_VALUE, 36).toUpperCase(Locale.ROOT);
    StringBuilder b = new StringBuilder(prefix);
    for (int i = s.length(); i < digits; i++) {
      b.append('0');
    }
    return b.append(s.length() > digits ? s.substring(0, digits) : s).toString();
  }

  private static long mix(long seed, long n) {
    long z = seed * 0x9E3779B97F4A7C15L + n * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  // ---- JSON

  private static ObjectNode statusJson(Entry e) {
    ObjectNode p = Json.object();
    p.put("groww_order_id", e.growwId);
    p.put("order_status", e.order.status().name());
    p.put("remark", e.order.remark().orElse(""));
    p.put("filled_quantity", e.order.filledQuantity());
    p.put("order_reference_id", e.order.referenceId());
    return p;
  }

  static ObjectNode orderJson(Entry e) {
    Order o = e.order;
    OrderRequest r = o.request();
    ObjectNode p = Json.object();
    p.put("groww_order_id", e.growwId);
    p.put("trading_symbol", r.instrument().tradingSymbol());
    p.put("order_status", o.status().name());
    p.put("remark", o.remark().orElse(""));
    p.put("quantity", r.quantity());
    Json.putRupees(p, "price", r.limitPrice().map(Price::units).orElse(0L));
    Json.putRupees(p, "trigger_price", r.triggerPrice().map(Price::units).orElse(0L));
    p.put("filled_quantity", o.filledQuantity());
    p.put("remaining_quantity", o.isTerminal() ? 0 : o.remainingQuantity());
    Json.putRupees(p, "average_fill_price", o.averageFillPrice().map(Price::units).orElse(0L));
    p.put("deliverable_quantity", r.product() == Product.CNC ? o.filledQuantity() : 0);
    p.put("amo_status", "NA");
    p.put("validity", r.validity().name());
    p.put("exchange", r.instrument().exchange().name());
    p.put("order_type", r.orderType().name());
    p.put("transaction_type", r.side().name());
    p.put("segment", r.instrument().segment().name());
    p.put("product", r.product().name());
    p.put("created_at", Wire.localIso(o.createdAtMillis()));
    p.put("exchange_time", Wire.localIso(o.updatedAtMillis()));
    p.put("trade_date", Wire.utcZ(o.createdAtMillis()));
    p.put("order_reference_id", o.referenceId());
    return p;
  }

  private static ObjectNode tradeJson(Entry e, int i) {
    Fill f = e.fills.get(i);
    ObjectNode t = Json.object();
    Json.putRupees(t, "price", f.price().units());
    t.put("isin", f.instrument().isin().orElse(""));
    t.put("quantity", f.quantity());
    t.put("groww_order_id", e.growwId);
    t.put("groww_trade_id", e.tradeIds.get(i));
    t.put("exchange_trade_id", String.format(Locale.ROOT, "%d%06d", Math.abs(e.exchangeOrderId.hashCode() % 1000), i + 1));
    t.put("exchange_order_id", e.exchangeOrderId);
    t.put("trade_status", "EXECUTED");
    t.put("trading_symbol", f.instrument().tradingSymbol());
    t.put("remark", "");
    t.put("exchange", f.instrument().exchange().name());
    t.put("segment", f.instrument().segment().name());
    t.put("product", f.product().name());
    t.put("transaction_type", f.side().name());
    t.put("created_at", Wire.localIso(f.timestampMillis()));
    t.put("trade_date_time", Wire.localIso(f.timestampMillis()));
    t.put("settlement_number", Ist.dateOf(f.timestampMillis()).format(SETTLEMENT));
    return t;
  }

  /** Test and driver access: the number of orders in the book. */
  int size() {
    return entries.size();
  }

  /** The latest state of an order by Groww id, for the fake's API. */
  Optional<Order> order(String growwId) {
    Entry e = byGrowwId.get(growwId);
    return e == null ? Optional.empty() : Optional.of(e.order);
  }

  void close() {
    broker.close();
  }

  static final class Entry {
    final String growwId;
    final String exchangeOrderId;
    Order order;
    final List<Fill> fills = new ArrayList<>();
    final List<String> tradeIds = new ArrayList<>();

    Entry(String growwId, String exchangeOrderId, Order order) {
      this.growwId = growwId;
      this.exchangeOrderId = exchangeOrderId;
      this.order = order;
    }
  }
}
