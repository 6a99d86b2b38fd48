package io.aitrader.connector.kafka.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.aitrader.api.feature.FeatureVector;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.market.FeedStatus;
import io.aitrader.api.market.MarketDepth;
import io.aitrader.api.order.Fill;
import io.aitrader.api.order.Order;
import io.aitrader.api.order.OrderRequest;
import io.aitrader.api.order.OrderStatus;
import io.aitrader.api.order.OrderType;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.api.order.Validity;
import io.aitrader.api.money.Money;
import io.aitrader.api.money.Price;
import io.aitrader.api.signal.Direction;
import io.aitrader.api.signal.Signal;
import io.aitrader.core.audit.AuditEntry;
import io.aitrader.core.execution.SessionSummary;
import io.aitrader.core.risk.KillSwitchEvent;
import io.aitrader.core.risk.RiskCheck;
import io.aitrader.core.risk.RiskRule;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON codecs of the standard low-rate events: orders, fills, signals, feature vectors, feed status, market
 * depth and the accounts' session summaries.
 */
final class JsonCodecs {
  private JsonCodecs() {}

  /** {@code orders.updates}: keyed by instrument id. */
  static final class OrderCodec extends JsonEventCodec<Order> {
    OrderCodec(InstrumentIds ids) {
      super("order", 1, Order.class, ids);
    }

    @Override
    public String key(Order order) {
      return order.instrument().id();
    }

    @Override
    void write(JsonGenerator g, Order o) throws IOException {
      OrderRequest r = o.request();
      g.writeObjectFieldStart("request");
      g.writeStringField("instrument", r.instrument().id());
      g.writeStringField("side", r.side().name());
      g.writeNumberField("quantity", r.quantity());
      g.writeStringField("orderType", r.orderType().name());
      writeOptional(g, "limitPrice", r.limitPrice());
      writeOptional(g, "triggerPrice", r.triggerPrice());
      g.writeStringField("product", r.product().name());
      g.writeStringField("validity", r.validity().name());
      g.writeStringField("referenceId", r.referenceId());
      g.writeStringField("strategyId", r.strategyId());
      writeOptional(g, "algoId", r.algoId());
      writeOptional(g, "tag", r.tag());
      g.writeEndObject();
      g.writeStringField("brokerOrderId", o.brokerOrderId());
      g.writeStringField("status", o.status().name());
      g.writeNumberField("filledQuantity", o.filledQuantity());
      writeOptional(g, "averageFillPrice", o.averageFillPrice());
      writeOptional(g, "remark", o.remark());
      g.writeNumberField("createdAtMillis", o.createdAtMillis());
      g.writeNumberField("updatedAtMillis", o.updatedAtMillis());
    }

    @Override
    Order read(JsonNode n) {
      JsonNode r = object(n, "request");
      OrderRequest request = new OrderRequest(instrument(r, "instrument"), enumValue(r, "side", Side.class),
          number(r, "quantity"), enumValue(r, "orderType", OrderType.class), optionalPrice(r, "limitPrice"),
          optionalPrice(r, "triggerPrice"), enumValue(r, "product", Product.class),
          enumValue(r, "validity", Validity.class), text(r, "referenceId"), text(r, "strategyId"),
          optionalText(r, "algoId"), optionalText(r, "tag"));
      return new Order(request, text(n, "brokerOrderId"), enumValue(n, "status", OrderStatus.class),
          number(n, "filledQuantity"), optionalPrice(n, "averageFillPrice"), optionalText(n, "remark"),
          number(n, "createdAtMillis"), number(n, "updatedAtMillis"));
    }
  }

  /** {@code orders.fills}: keyed by instrument id. */
  static final class FillCodec extends JsonEventCodec<Fill> {
    FillCodec(InstrumentIds ids) {
      super("fill", 1, Fill.class, ids);
    }

    @Override
    public String key(Fill fill) {
      return fill.instrument().id();
    }

    @Override
    void write(JsonGenerator g, Fill f) throws IOException {
      g.writeStringField("tradeId", f.tradeId());
      g.writeStringField("brokerOrderId", f.brokerOrderId());
      g.writeStringField("referenceId", f.referenceId());
      g.writeStringField("instrument", f.instrument().id());
      g.writeStringField("side", f.side().name());
      g.writeNumberField("quantity", f.quantity());
      g.writeStringField("price", f.price().toString());
      g.writeNumberField("timestampMillis", f.timestampMillis());
      g.writeStringField("product", f.product().name());
    }

    @Override
    Fill read(JsonNode n) {
      return new Fill(text(n, "tradeId"), text(n, "brokerOrderId"), text(n, "referenceId"), instrument(n, "instrument"),
          enumValue(n, "side", Side.class), number(n, "quantity"), price(n, "price"), number(n, "timestampMillis"),
          enumValue(n, "product", Product.class));
    }
  }

  /** {@code market.feed-status}: keyed by feed name. */
  static final class FeedStatusCodec extends JsonEventCodec<FeedStatus> {
    FeedStatusCodec(InstrumentIds ids) {
      super("feed-status", 1, FeedStatus.class, ids);
    }

    @Override
    public String key(FeedStatus status) {
      return status.feed();
    }

    @Override
    void write(JsonGenerator g, FeedStatus s) throws IOException {
      g.writeStringField("feed", s.feed());
      g.writeBooleanField("connected", s.connected());
      g.writeNumberField("timestampMillis", s.timestampMillis());
      g.writeStringField("detail", s.detail());
    }

    @Override
    FeedStatus read(JsonNode n) {
      return new FeedStatus(text(n, "feed"), bool(n, "connected"), number(n, "timestampMillis"), text(n, "detail"));
    }
  }

  /**
   * {@code market.depth.<exchange>}: keyed by instrument id (one instrument's snapshots stay in order). Each side is
   * an array of {@code {"price": "<rupees>", "quantity": <long>}} objects, best first, e.g.
   * {@code "bids":[{"price":"2534.00","quantity":120}]}.
   */
  static final class MarketDepthCodec extends JsonEventCodec<MarketDepth> {
    MarketDepthCodec(InstrumentIds ids) {
      super("depth", 1, MarketDepth.class, ids);
    }

    @Override
    public String key(MarketDepth depth) {
      return depth.instrument().id();
    }

    @Override
    void write(JsonGenerator g, MarketDepth d) throws IOException {
      g.writeStringField("instrument", d.instrument().id());
      g.writeNumberField("timestampMillis", d.timestampMillis());
      writeLevels(g, "bids", d.bids());
      writeLevels(g, "asks", d.asks());
    }

    private static void writeLevels(JsonGenerator g, String field, List<MarketDepth.Level> levels) throws IOException {
      g.writeArrayFieldStart(field);
      for (MarketDepth.Level l : levels) {
        g.writeStartObject();
        g.writeStringField("price", Price.format(l.price()));
        g.writeNumberField("quantity", l.quantity());
        g.writeEndObject();
      }
      g.writeEndArray();
    }

    @Override
    MarketDepth read(JsonNode n) {
      return new MarketDepth(instrument(n, "instrument"), number(n, "timestampMillis"), levels(n, "bids"),
          levels(n, "asks"));
    }

    private List<MarketDepth.Level> levels(JsonNode n, String field) {
      JsonNode array = n.get(field);
      if (array == null || !array.isArray()) {
        throw new CodecException("A depth payload needs the array field '" + field + "'");
      }
      List<MarketDepth.Level> levels = new ArrayList<>(array.size());
      for (JsonNode level : array) {
        if (!level.isObject()) {
          throw new CodecException("A depth payload has a level of '" + field + "' that is not an object");
        }
        levels.add(new MarketDepth.Level(price(level, "price").units(), number(level, "quantity")));
      }
      return levels;
    }
  }

  /** {@code signals.<strategy>}: keyed by instrument id; the feature vector travels with the signal. */
  static final class SignalCodec extends JsonEventCodec<Signal> {
    SignalCodec(InstrumentIds ids) {
      super("signal", 1, Signal.class, ids);
    }

    @Override
    public String key(Signal signal) {
      return signal.instrument().id();
    }

    @Override
    void write(JsonGenerator g, Signal s) throws IOException {
      g.writeStringField("strategyId", s.strategyId());
      g.writeStringField("instrument", s.instrument().id());
      g.writeNumberField("timestampMillis", s.timestampMillis());
      g.writeStringField("direction", s.direction().name());
      g.writeNumberField("strength", s.strength());
      g.writeStringField("modelId", s.modelId());
      g.writeStringField("modelVersion", s.modelVersion());
      g.writeStringField("reason", s.reason());
      g.writeObjectFieldStart("features");
      writeFeatures(g, s.features());
      g.writeEndObject();
    }

    @Override
    Signal read(JsonNode n) {
      var instrument = instrument(n, "instrument");
      FeatureVector features = readFeatures(this, object(n, "features"), instrument);
      return new Signal(text(n, "strategyId"), instrument, number(n, "timestampMillis"),
          enumValue(n, "direction", Direction.class), decimal(n, "strength"), text(n, "modelId"),
          text(n, "modelVersion"), text(n, "reason"), features);
    }
  }

  /** {@code features.<interval>}: keyed by instrument id. */
  static final class FeatureVectorCodec extends JsonEventCodec<FeatureVector> {
    FeatureVectorCodec(InstrumentIds ids) {
      super("features", 1, FeatureVector.class, ids);
    }

    @Override
    public String key(FeatureVector f) {
      return f.instrument().id();
    }

    @Override
    void write(JsonGenerator g, FeatureVector f) throws IOException {
      g.writeStringField("instrument", f.instrument().id());
      writeFeatures(g, f);
    }

    @Override
    FeatureVector read(JsonNode n) {
      return readFeatures(this, n, instrument(n, "instrument"));
    }
  }

  /** A feature vector's interval, time, names and values (shared by the feature vector and signal codecs). */
  static void writeFeatures(JsonGenerator g, FeatureVector f) throws IOException {
    g.writeStringField("interval", f.interval().label());
    g.writeNumberField("timestampMillis", f.timestampMillis());
    g.writeArrayFieldStart("names");
    for (String name : f.names()) {
      g.writeString(name);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("values");
    for (double value : f.values()) {
      g.writeNumber(value); // finite (FeatureVector's rule): Jackson writes the shortest text that reads back exactly
    }
    g.writeEndArray();
  }

  static FeatureVector readFeatures(JsonEventCodec<?> codec, JsonNode n, Instrument instrument) {
    List<String> names = new ArrayList<>();
    for (JsonNode name : n.path("names")) {
      names.add(name.asText());
    }
    JsonNode valueNodes = n.path("values");
    double[] values = new double[valueNodes.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = valueNodes.get(i).asDouble();
    }
    return FeatureVector.of(instrument, BarInterval.parse(codec.text(n, "interval")), codec.number(n, "timestampMillis"), names,
        values);
  }

  /**
   * {@code execution.session-summary}: keyed by the trading day (one summary per account and day); money as exact
   * decimal strings of rupees.
   */
  static final class SessionSummaryCodec extends JsonEventCodec<SessionSummary> {
    SessionSummaryCodec(InstrumentIds ids) {
      super("session-summary", 1, SessionSummary.class, ids);
    }

    @Override
    public String key(SessionSummary summary) {
      return summary.date().toString();
    }

    @Override
    void write(JsonGenerator g, SessionSummary s) throws IOException {
      g.writeStringField("date", s.date().toString());
      g.writeNumberField("timestampMillis", s.timestampMillis());
      g.writeStringField("dayPnl", s.dayPnl().toString());
      g.writeStringField("equity", s.equity().toString());
      g.writeStringField("charges", s.charges().toString());
      g.writeNumberField("ordersSubmitted", s.ordersSubmitted());
      g.writeNumberField("ordersRefused", s.ordersRefused());
      g.writeNumberField("fills", s.fills());
      g.writeNumberField("openPositions", s.openPositions());
    }

    @Override
    SessionSummary read(JsonNode n) {
      String date = text(n, "date");
      LocalDate day;
      try {
        day = LocalDate.parse(date);
      } catch (DateTimeParseException e) {
        throw new CodecException("A session-summary payload has '" + date + "' in 'date', which is not a date like"
            + " 2025-06-02", e);
      }
      long openPositions = number(n, "openPositions");
      if (openPositions < 0 || openPositions > Integer.MAX_VALUE) {
        throw new CodecException("A session-summary payload has " + openPositions + " in 'openPositions'");
      }
      return new SessionSummary(day, number(n, "timestampMillis"), Money.of(text(n, "dayPnl")),
          Money.of(text(n, "equity")), Money.of(text(n, "charges")), number(n, "ordersSubmitted"),
          number(n, "ordersRefused"), number(n, "fills"), (int) openPositions);
    }
  }

  /** {@code risk.checks}: each pre-trade check of the order service, keyed by instrument id. */
  static final class RiskCheckCodec extends JsonEventCodec<RiskCheck> {
    RiskCheckCodec(InstrumentIds ids) {
      super("risk-check", 1, RiskCheck.class, ids);
    }

    @Override
    public String key(RiskCheck check) {
      return check.instrumentId();
    }

    @Override
    void write(JsonGenerator g, RiskCheck c) throws IOException {
      g.writeNumberField("timestampMillis", c.timestampMillis());
      g.writeStringField("strategyId", c.strategyId());
      g.writeStringField("referenceId", c.referenceId());
      g.writeStringField("instrumentId", c.instrumentId());
      g.writeBooleanField("passed", c.passed());
      g.writeStringField("rule", c.rule().name());
      g.writeStringField("reason", c.reason());
      g.writeNumberField("retryAfterMillis", c.retryAfterMillis());
    }

    @Override
    RiskCheck read(JsonNode n) {
      return new RiskCheck(number(n, "timestampMillis"), text(n, "strategyId"), text(n, "referenceId"),
          text(n, "instrumentId"), bool(n, "passed"), enumValue(n, "rule", RiskRule.class), text(n, "reason"),
          number(n, "retryAfterMillis"));
    }
  }

  /** {@code risk.kill-switch}: a kill switch tripped or was reset, keyed by its scope. */
  static final class KillSwitchCodec extends JsonEventCodec<KillSwitchEvent> {
    KillSwitchCodec(InstrumentIds ids) {
      super("kill-switch", 1, KillSwitchEvent.class, ids);
    }

    @Override
    public String key(KillSwitchEvent event) {
      return event.scope();
    }

    @Override
    void write(JsonGenerator g, KillSwitchEvent e) throws IOException {
      g.writeNumberField("timestampMillis", e.timestampMillis());
      g.writeStringField("scope", e.scope());
      g.writeBooleanField("tripped", e.tripped());
      g.writeBooleanField("flatten", e.flatten());
      g.writeStringField("reason", e.reason());
    }

    @Override
    KillSwitchEvent read(JsonNode n) {
      return new KillSwitchEvent(number(n, "timestampMillis"), text(n, "scope"), bool(n, "tripped"),
          bool(n, "flatten"), text(n, "reason"));
    }
  }

  /**
   * {@code audit.entries}: audit packets of a service whose audit service runs elsewhere, keyed by correlation id
   * (the packets of one order stay in order); the payload is a JSON object of text fields in its order.
   */
  static final class AuditEntryCodec extends JsonEventCodec<AuditEntry> {
    AuditEntryCodec(InstrumentIds ids) {
      super("audit-entry", 1, AuditEntry.class, ids);
    }

    @Override
    public String key(AuditEntry entry) {
      return entry.correlationId();
    }

    @Override
    void write(JsonGenerator g, AuditEntry e) throws IOException {
      g.writeNumberField("timestampMillis", e.timestampMillis());
      g.writeStringField("type", e.type());
      g.writeStringField("correlationId", e.correlationId());
      g.writeBooleanField("durable", e.durable());
      g.writeObjectFieldStart("payload");
      for (Map.Entry<String, String> field : e.payload().entrySet()) {
        g.writeStringField(field.getKey(), field.getValue());
      }
      g.writeEndObject();
    }

    @Override
    AuditEntry read(JsonNode n) {
      JsonNode fields = object(n, "payload");
      Map<String, String> payload = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> field : fields.properties()) {
        if (!field.getValue().isTextual()) {
          throw new CodecException("An audit-entry payload has a non-text value in 'payload." + field.getKey() + "'");
        }
        payload.put(field.getKey(), field.getValue().asText());
      }
      return new AuditEntry(number(n, "timestampMillis"), text(n, "type"), text(n, "correlationId"), payload,
          bool(n, "durable"));
    }
  }
}
