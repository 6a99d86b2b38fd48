package io.aitrader.groww.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aitrader.api.OrderRejectedException;
import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.market.Tick;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.OrderRequest;
import io.aitrader.api.order.OrderType;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.api.order.Validity;
import io.aitrader.api.time.TimeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Smart orders (GTT and OCO, §3.3): stored, modified, cancelled, listed, and triggered by the market's ticks — a
 * GTT places its order when the LTP reaches the trigger in its direction; an OCO places the leg whose trigger is
 * reached first (for a SELL exit: target at or above, stop-loss at or below; the reverse for a BUY exit). The
 * placed order goes to the order book like any other. Callers hold the fake's lock.
 */
final class SmartOrders implements MarketDriver.Participant {
  private static final long YEAR_MILLIS = 365L * 86_400_000L;

  private final OrderBook book;
  private final TimeSource clock;
  private final long seed;
  private final Map<String, Smart> byId = new LinkedHashMap<>();
  private final Set<String> references = new LinkedHashSet<>();
  private long count;
  private long fired;

  SmartOrders(OrderBook book, TimeSource clock, long seed) {
    this.book = book;
    this.clock = clock;
    this.seed = seed;
  }

  /** A leg's order: type, price (LIMIT/SL), trigger (OCO legs), side. */
  record Leg(OrderType type, Optional<Price> price, Optional<Price> trigger, Side side) {}

  static final class Smart {
    String id = "";
    boolean oco;
    String reference = "";
    Instrument instrument;
    long quantity;
    Product product = Product.CNC;
    Validity duration = Validity.DAY;
    String status = "ACTIVE";
    String remark = "";
    // GTT
    Optional<Price> trigger = Optional.empty();
    boolean up;
    Optional<Leg> order = Optional.empty();
    JsonNode childLegs = NullNode.getInstance();
    // OCO
    Side exitSide = Side.SELL;
    long netPositionQuantity;
    Optional<Leg> target = Optional.empty();
    Optional<Leg> stopLoss = Optional.empty();
    long createdAt;
    long updatedAt;
    long triggeredAt;
    long lastPrice;
    Optional<String> placedOrder = Optional.empty();

    Smart(Instrument instrument) {
      this.instrument = instrument;
    }
  }

  // ---- endpoints

  Reply create(Call c) {
    JsonNode b = c.json();
    String type = Wire.text(b, "smart_order_type").toUpperCase(Locale.ROOT);
    if (!type.equals("GTT") && !type.equals("OCO")) {
      throw ApiError.badRequest("'smart_order_type' must be GTT or OCO, was '" + type + "'");
    }
    Instrument inst = book.instrument(Wire.text(b, "exchange"), Wire.text(b, "segment"), Wire.text(b, "trading_symbol"));
    if (inst.segment() == Segment.COMMODITY) {
      throw ApiError.badRequest("smart orders are not supported for segment COMMODITY");
    }
    String ref = Wire.optionalText(b, "reference_id").orElseGet(() -> String.format(Locale.ROOT, "%08d",
        20_000_000 + count + 1));
    if (!OrderRequest.isValidReferenceId(ref)) {
      throw ApiError.badRequest("'reference_id' must be 8-20 characters: letters, digits and at most two '-', was '"
          + ref + "'");
    }
    if (references.contains(ref)) {
      throw new ApiError(400, ApiError.DUPLICATE_REFERENCE, "reference_id " + ref + " was already used: use a new one");
    }
    Smart s = new Smart(inst);
    s.oco = type.equals("OCO");
    s.reference = ref;
    s.quantity = positive(Wire.integer(b, "quantity"), "quantity");
    s.product = Wire.enumField(b, Product.class, "product_type");
    s.duration = Wire.enumField(b, Validity.class, "duration");
    if (s.oco && inst.segment() == Segment.CASH && s.product != Product.MIS) {
      throw ApiError.badRequest("OCO orders in segment CASH are only supported for product MIS, was " + s.product);
    }
    apply(s, b, true);
    long now = clock.currentTimeMillis();
    count++;
    s.id = (s.oco ? "oco_" : "gtt_") + Long.toHexString(mix(seed, count) & 0xffffffL);
    while (byId.containsKey(s.id)) {
      s.id = s.id + "x";
    }
    s.createdAt = now;
    s.updatedAt = now;
    s.lastPrice = book.lastPrice(inst, now);
    references.add(ref);
    byId.put(s.id, s);
    return Reply.json(201, Json.success(json(s)));
  }

  Reply modify(Call c) {
    Smart s = find(c.pathParam("id"), Optional.empty(), Optional.empty());
    JsonNode b = c.json();
    Wire.text(b, "smart_order_type");
    Wire.text(b, "segment");
    if (!s.status.equals("ACTIVE")) {
      throw ApiError.cannotProcess("smart order " + s.id + " is " + s.status + " and can no longer be modified");
    }
    if (b.has("quantity")) {
      s.quantity = positive(Wire.integer(b, "quantity"), "quantity");
    }
    if (b.has("product_type")) {
      s.product = Wire.enumField(b, Product.class, "product_type");
    }
    if (b.has("duration")) {
      s.duration = Wire.enumField(b, Validity.class, "duration");
    }
    apply(s, b, false);
    s.updatedAt = clock.currentTimeMillis();
    return Endpoints.ok(json(s));
  }

  Reply cancel(Call c) {
    Smart s = find(c.pathParam("id"), Optional.of(c.pathParam("segment")), Optional.of(c.pathParam("type")));
    if (!s.status.equals("ACTIVE")) {
      throw ApiError.cannotProcess("smart order " + s.id + " is " + s.status + " and can no longer be cancelled");
    }
    s.status = "CANCELLED";
    s.updatedAt = clock.currentTimeMillis();
    return Endpoints.ok(json(s));
  }

  Reply get(Call c) {
    return Endpoints.ok(json(find(c.pathParam("id"), Optional.of(c.pathParam("segment")),
        Optional.of(c.pathParam("type")))));
  }

  Reply list(Call c) {
    Optional<String> type = c.query("smart_order_type").map(t -> t.toUpperCase(Locale.ROOT));
    Optional<Segment> seg = c.query("segment").map(t -> Wire.enumValue(Segment.class, t, "segment"));
    Optional<String> status = c.query("status").map(t -> t.toUpperCase(Locale.ROOT));
    int page = c.intQuery("page", 0, 0, 500);
    int size = c.intQuery("page_size", 50, 1, 50);
    long from = c.query("start_date_time").map(t -> Wire.parseTime(t, "start_date_time")).orElse(Long.MIN_VALUE);
    long to = c.query("end_date_time").map(t -> Wire.parseTime(t, "end_date_time")).orElse(Long.MAX_VALUE);
    List<Smart> selected = new ArrayList<>();
    for (Smart s : byId.values()) {
      if (type.map(t -> t.equals(s.oco ? "OCO" : "GTT")).orElse(true)
          && seg.map(x -> x == s.instrument.segment()).orElse(true) && status.map(s.status::equals).orElse(true)
          && s.createdAt >= from && s.createdAt <= to) {
        selected.add(s);
      }
    }
    ObjectNode p = Json.object();
    ArrayNode list = p.putArray("order_list");
    for (int i = page * size; i < Math.min(selected.size(), (page + 1) * size); i++) {
      list.add(json(selected.get(i)));
    }
    return Endpoints.ok(p);
  }

  // ---- triggering

  @Override
  public Set<Instrument> active() {
    Set<Instrument> out = new LinkedHashSet<>();
    for (Smart s : byId.values()) {
      if (s.status.equals("ACTIVE")) {
        out.add(s.instrument);
      }
    }
    return out;
  }

  @Override
  public void onTick(Tick tick) {
    for (Smart s : byId.values()) {
      if (!s.status.equals("ACTIVE") || !s.instrument.equals(tick.instrument())) {
        continue;
      }
      long p = tick.lastPrice();
      s.lastPrice = p;
      if (tick.timestampMillis() >= s.createdAt + YEAR_MILLIS) {
        s.status = "EXPIRED";
        s.updatedAt = tick.timestampMillis();
        continue;
      }
      if (!s.oco) {
        long trigger = s.trigger.orElseThrow().units();
        if (s.up ? p >= trigger : p <= trigger) {
          fire(s, s.order.orElseThrow(), "GTT trigger reached", tick.timestampMillis());
        }
      } else {
        boolean sellExit = s.exitSide == Side.SELL;
        long target = s.target.orElseThrow().trigger().orElseThrow().units();
        long stop = s.stopLoss.orElseThrow().trigger().orElseThrow().units();
        if (sellExit ? p >= target : p <= target) {
          fire(s, s.target.orElseThrow(), "OCO target reached", tick.timestampMillis());
        } else if (sellExit ? p <= stop : p >= stop) {
          fire(s, s.stopLoss.orElseThrow(), "OCO stop-loss reached", tick.timestampMillis());
        }
      }
    }
  }

  private void fire(Smart s, Leg leg, String why, long at) {
    s.triggeredAt = at;
    s.updatedAt = at;
    long qty = s.oco ? s.netPositionQuantity : s.quantity;
    try {
      OrderRequest.Builder rb = OrderRequest.builder().instrument(s.instrument).side(leg.side()).quantity(qty)
          .orderType(leg.type() == OrderType.SL_M || leg.type() == OrderType.SL ? OrderType.LIMIT : leg.type())
          .product(s.product).validity(Validity.DAY).referenceId(String.format(Locale.ROOT, "SMART%07d", ++fired)).strategyId(OrderBook.STRATEGY);
      if (leg.type() != OrderType.MARKET) {
        rb.limitPrice(leg.price().or(leg::trigger).orElseThrow());
      }
      String placed = book.placeInternal(rb.build());
      s.placedOrder = Optional.of(placed);
      s.status = "TRIGGERED";
      s.remark = why + ": order " + placed + " placed";
    } catch (ValidationException | OrderRejectedException | ApiError e) {
      s.status = "FAILED";
      s.remark = why + " but the order could not be placed: " + e.getMessage();
    }
  }

  // ---- parsing and JSON

  private void apply(Smart s, JsonNode b, boolean creating) {
    if (!s.oco) {
      if (creating || b.has("trigger_price")) {
        s.trigger = Optional.of(required(Wire.price(b, "trigger_price"), "trigger_price"));
      }
      if (creating || b.has("trigger_direction")) {
        String dir = Wire.text(b, "trigger_direction").toUpperCase(Locale.ROOT);
        if (!dir.equals("UP") && !dir.equals("DOWN")) {
          throw ApiError.badRequest("'trigger_direction' must be UP or DOWN, was '" + dir + "'");
        }
        s.up = dir.equals("UP");
      }
      if (creating || b.has("order")) {
        JsonNode o = object(b, "order");
        Optional<Leg> before = creating ? Optional.empty() : s.order;
        s.order = Optional.of(new Leg(
            kept(o, "order_type", before, Leg::type, () -> Wire.enumField(o, OrderType.class, "order_type")),
            kept(o, "price", before, Leg::price, () -> Wire.price(o, "price")), Optional.empty(),
            kept(o, "transaction_type", before, Leg::side, () -> Wire.enumField(o, Side.class, "transaction_type"))));
        checkLeg(s.order.get(), "order");
      }
      if (b.has("child_legs")) {
        s.childLegs = b.get("child_legs");
      }
    } else {
      if (creating || b.has("transaction_type")) {
        s.exitSide = Wire.enumField(b, Side.class, "transaction_type");
      }
      if (creating || b.has("net_position_quantity")) {
        s.netPositionQuantity = positive(Wire.integer(b, "net_position_quantity"), "net_position_quantity");
      }
      if (creating || b.has("target")) {
        s.target = Optional.of(ocoLeg(object(b, "target"), creating ? Optional.empty() : s.target, s.exitSide,
            "target"));
      }
      if (creating || b.has("stop_loss")) {
        s.stopLoss = Optional.of(ocoLeg(object(b, "stop_loss"), creating ? Optional.empty() : s.stopLoss, s.exitSide,
            "stop_loss"));
      }
    }
  }

  /** An OCO leg; on modify ({@code before} present) the fields the body leaves out keep their values. */
  private static Leg ocoLeg(JsonNode o, Optional<Leg> before, Side side, String field) {
    Leg leg = new Leg(kept(o, "order_type", before, Leg::type, () -> Wire.enumField(o, OrderType.class, "order_type")),
        kept(o, "price", before, Leg::price, () -> Wire.price(o, "price")),
        kept(o, "trigger_price", before, Leg::trigger,
            () -> Optional.of(required(Wire.price(o, "trigger_price"), field + ".trigger_price"))), side);
    checkLeg(leg, field);
    return leg;
  }

  /**
   * A leg field: read from {@code o} when it has it or when there is no leg {@code before} (create); else the value
   * before (a modify that sends a partial leg, e.g. only {@code {"price": "…"}}: the modify body is UNCONFIRMED, so
   * the fake accepts partial legs as well as complete ones).
   */
  private static <T> T kept(JsonNode o, String field, Optional<Leg> before, java.util.function.Function<Leg, T> old,
      java.util.function.Supplier<T> read) {
    return o.has(field) || before.isEmpty() ? read.get() : old.apply(before.get());
  }

  private static void checkLeg(Leg leg, String field) {
    if (leg.type() == OrderType.LIMIT && leg.price().isEmpty()) {
      throw ApiError.badRequest("'" + field + ".price' is required for a LIMIT order");
    }
  }

  private static JsonNode object(JsonNode b, String field) {
    JsonNode o = b.get(field);
    if (o == null || !o.isObject()) {
      throw ApiError.badRequest("'" + field + "' must be an object");
    }
    return o;
  }

  private static Price required(Optional<Price> p, String field) {
    return p.orElseThrow(() -> ApiError.badRequest("'" + field + "' must be > 0"));
  }

  private static long positive(long v, String field) {
    if (v <= 0) {
      throw ApiError.badRequest("'" + field + "' must be > 0, was " + v);
    }
    return v;
  }

  private Smart find(String id, Optional<String> segment, Optional<String> type) {
    Smart s = byId.get(id);
    if (s == null || segment.map(x -> !x.equalsIgnoreCase(s.instrument.segment().name())).orElse(false)
        || type.map(x -> !x.equalsIgnoreCase(s.oco ? "OCO" : "GTT")).orElse(false)) {
      throw ApiError.notFound("no smart order " + id + segment.map(x -> " in segment " + x).orElse("")
          + type.map(x -> " of type " + x).orElse(""));
    }
    return s;
  }

  private static ObjectNode json(Smart s) {
    ObjectNode o = Json.object();
    o.put("smart_order_id", s.id);
    o.put("smart_order_type", s.oco ? "OCO" : "GTT");
    o.put("reference_id", s.reference);
    o.put("status", s.status);
    o.put("trading_symbol", s.instrument.tradingSymbol());
    o.put("exchange", s.instrument.exchange().name());
    o.put("quantity", s.quantity);
    o.put("product_type", s.product.name());
    o.put("duration", s.duration.name());
    o.put("segment", s.instrument.segment().name());
    if (!s.oco) {
      o.set("order", legJson(s.order.orElseThrow(), false));
      o.put("trigger_direction", s.up ? "UP" : "DOWN");
      o.put("trigger_price", Json.rupeeText(s.trigger.orElseThrow().units()));
      o.set("child_legs", s.childLegs);
    } else {
      o.put("transaction_type", s.exitSide.name());
      o.put("net_position_quantity", s.netPositionQuantity);
      o.set("target", legJson(s.target.orElseThrow(), true));
      o.set("stop_loss", legJson(s.stopLoss.orElseThrow(), true));
    }
    Json.putRupees(o, "ltp", s.lastPrice);
    o.put("remark", s.remark);
    o.put("display_name", s.instrument.name());
    boolean active = s.status.equals("ACTIVE");
    o.put("is_cancellation_allowed", active);
    o.put("is_modification_allowed", active);
    o.put("created_at", Wire.localIso(s.createdAt));
    o.put("expire_at", Wire.localIso(s.createdAt + YEAR_MILLIS));
    if (s.triggeredAt > 0) {
      o.put("triggered_at", Wire.localIso(s.triggeredAt));
    } else {
      o.putNull("triggered_at");
    }
    o.put("updated_at", Wire.localIso(s.updatedAt));
    s.placedOrder.ifPresent(id -> o.put("groww_order_id", id));
    return o;
  }

  private static ObjectNode legJson(Leg leg, boolean withTrigger) {
    ObjectNode o = Json.object();
    if (withTrigger) {
      o.put("trigger_price", Json.rupeeText(leg.trigger().orElseThrow().units()));
    }
    o.put("order_type", leg.type().name());
    if (leg.price().isPresent()) {
      o.put("price", Json.rupeeText(leg.price().get().units()));
    } else {
      o.putNull("price");
    }
    if (!withTrigger) {
      o.put("transaction_type", leg.side().name());
    }
    return o;
  }

  private static long mix(long seed, long n) {
    long z = seed * 0x9E3779B97F4A7C15L + n * 0xD1B54A32D192ED03L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
