package io.aitrader.connector.kafka.codec;

import static io.aitrader.connector.kafka.TestInstruments.REPOSITORY;
import static io.aitrader.connector.kafka.TestInstruments.RELIANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.feature.FeatureVector;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.market.FeedStatus;
import io.aitrader.api.money.Money;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.Fill;
import io.aitrader.api.order.Order;
import io.aitrader.api.order.OrderRequest;
import io.aitrader.api.order.OrderStatus;
import io.aitrader.api.order.OrderType;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.api.order.Validity;
import io.aitrader.api.signal.Direction;
import io.aitrader.api.signal.Signal;
import io.aitrader.core.audit.AuditEntry;
import io.aitrader.core.execution.SessionSummary;
import io.aitrader.core.risk.KillSwitchEvent;
import io.aitrader.core.risk.RiskCheck;
import io.aitrader.core.risk.RiskRule;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonCodecsTest {
  private static final long T0 = 1_736_135_100_000L;
  private final EventCodecs codecs = EventCodecs.standard(REPOSITORY);

  @Test
  void roundTripsOrdersOfEveryTypeExactly() {
    EventCodec<Order> codec = codecs.find(Order.class).orElseThrow();
    OrderRequest limit = OrderRequest.builder().instrument(RELIANCE).side(Side.BUY).quantity(10)
        .orderType(OrderType.LIMIT).limitPrice(Price.of("2534.05")).product(Product.MIS)
        .referenceId("mom5m-000042").strategyId("momentum-5m").algoId("ALGO-7").tag("first leg").build();
    OrderRequest stop = OrderRequest.builder().instrument(RELIANCE).side(Side.SELL).quantity(5)
        .orderType(OrderType.SL_M).triggerPrice(Price.of("2500.0000")).product(Product.CNC).validity(Validity.IOC)
        .referenceId("mom5m-000043").strategyId("momentum-5m").build();
    List<Order> orders = List.of(
        Order.accepted(limit, "GMK39038RDT490CCVRO", OrderStatus.OPEN, T0),
        new Order(limit, "GMK1", OrderStatus.EXECUTED, 10, Optional.of(Price.of("2534.0125")),
            Optional.of("filled \"fully\" ✓"), T0, T0 + 5),
        Order.accepted(stop, "GMK2", OrderStatus.TRIGGER_PENDING, T0).withStatus(OrderStatus.CANCELLED, T0 + 9));
    for (Order order : orders) {
      assertThat(codec.decode(codec.encode(order))).isEqualTo(order);
      assertThat(codec.key(order)).isEqualTo("NSE:RELIANCE");
    }
  }

  @Test
  void roundTripsFillsExactly() {
    EventCodec<Fill> codec = codecs.find(Fill.class).orElseThrow();
    Fill fill = new Fill("T-1", "GMK39038RDT490CCVRO", "mom5m-000042", RELIANCE, Side.SELL, 10,
        Price.of("2534.0505"), T0, Product.MIS);
    assertThat(codec.decode(codec.encode(fill))).isEqualTo(fill);
  }

  @Test
  void roundTripsSignalsWithTheirFeaturesExactly() {
    EventCodec<Signal> codec = codecs.find(Signal.class).orElseThrow();
    FeatureVector features = FeatureVector.of(RELIANCE, BarInterval.M5, T0, List.of("rsi(14)", "ema(20)/ema(50)"),
        new double[] {61.23456789012345, 1.0000000000000002});
    Signal signal = Signal.builder().strategyId("momentum-5m").features(features).direction(Direction.LONG)
        .strength(0.6200000000000001).model("xgb-momentum", "2025-06-01").reason("score 0.62 >= 0.55").build();
    assertThat(codec.decode(codec.encode(signal))).isEqualTo(signal);
  }

  @Test
  void roundTripsFeatureVectorsExactly() {
    EventCodec<io.aitrader.api.feature.FeatureVector> codec =
        codecs.find(io.aitrader.api.feature.FeatureVector.class).orElseThrow();
    io.aitrader.api.feature.FeatureVector v = io.aitrader.api.feature.FeatureVector.of(RELIANCE,
        io.aitrader.api.market.BarInterval.M5, T0, List.of("rsi(14)", "zscore(20)", "close", "ret(5)"),
        new double[] {71.25, -0.123456789012345, 2534.05, 1.0E-17});

    io.aitrader.api.feature.FeatureVector back = codec.decode(codec.encode(v));

    assertThat(back).isEqualTo(v);
    assertThat(back.values()[1]).isEqualTo(-0.123456789012345);
    assertThat(codec.key(v)).isEqualTo(RELIANCE.id());
  }

  @Test
  void roundTripsFeedStatus() {
    EventCodec<FeedStatus> codec = codecs.find(FeedStatus.class).orElseThrow();
    FeedStatus status = FeedStatus.disconnected("groww", T0, "socket closed by peer");
    assertThat(codec.decode(codec.encode(status))).isEqualTo(status);
    assertThat(codec.key(status)).isEqualTo("groww");
  }

  @Test
  void roundTripsSessionSummariesWithExactMoney() {
    EventCodec<SessionSummary> codec = codecs.find(SessionSummary.class).orElseThrow();
    SessionSummary summary = new SessionSummary(LocalDate.of(2025, 6, 2), T0, Money.of("-1234.5678"),
        Money.of("998765.4322"), Money.of("87.0001"), 12, 3, 17, 2);
    byte[] bytes = codec.encode(summary);
    assertThat(codec.decode(bytes)).isEqualTo(summary);
    assertThat(codec.key(summary)).isEqualTo("2025-06-02");
    assertThat(new String(bytes, StandardCharsets.UTF_8)).startsWith("{\"schema\":\"session-summary\",\"v\":1,")
        .contains("\"dayPnl\":\"-1234.5678\"");
  }

  @Test
  void rejectsASessionSummaryWithABadDateNamingTheField() {
    EventCodec<SessionSummary> codec = codecs.find(SessionSummary.class).orElseThrow();
    String json = new String(codec.encode(new SessionSummary(LocalDate.of(2025, 6, 2), T0, Money.ZERO,
        Money.ofRupees(1_000_000), Money.ZERO, 0, 0, 0, 0)), StandardCharsets.UTF_8);
    byte[] bad = json.replace("2025-06-02", "2025-13-02").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> codec.decode(bad)).isInstanceOf(CodecException.class)
        .hasMessageContaining("'2025-13-02' in 'date'");
  }

  @Test
  void roundTripsRiskChecksAndKillSwitchEvents() {
    EventCodec<RiskCheck> checks = codecs.find(RiskCheck.class).orElseThrow();
    RiskCheck refused = new RiskCheck(T0, "rules-model", "rm-000007", "NSE:RELIANCE", false, RiskRule.ORDER_VALUE,
        "order value ₹2,53,405.00 exceeds ₹1,50,000.00", 0);
    RiskCheck throttled = new RiskCheck(T0, "rules-model", "rm-000008", "NSE:TCS", false, RiskRule.THROTTLE,
        "11 orders in 1 s", 250);
    assertThat(checks.decode(checks.encode(refused))).isEqualTo(refused);
    assertThat(checks.decode(checks.encode(throttled))).isEqualTo(throttled);
    assertThat(checks.key(refused)).isEqualTo("NSE:RELIANCE");

    EventCodec<KillSwitchEvent> kills = codecs.find(KillSwitchEvent.class).orElseThrow();
    KillSwitchEvent tripped = new KillSwitchEvent(T0, "account", true, true, "day loss ₹20,001 over ₹20,000");
    assertThat(kills.decode(kills.encode(tripped))).isEqualTo(tripped);
    assertThat(kills.key(tripped)).isEqualTo("account");
  }

  @Test
  void roundTripsAuditEntriesKeepingThePayloadsOrder() {
    EventCodec<AuditEntry> codec = codecs.find(AuditEntry.class).orElseThrow();
    Map<String, String> payload = new LinkedHashMap<>();
    payload.put("side", "BUY");
    payload.put("quantity", "10");
    payload.put("note", "quotes \" and ₹ survive");
    AuditEntry entry = new AuditEntry(T0, "order.intent", "rm-000007", payload, true);

    AuditEntry back = codec.decode(codec.encode(entry));

    assertThat(back).isEqualTo(entry);
    assertThat(back.payload().keySet()).containsExactly("side", "quantity", "note");
    assertThat(codec.key(entry)).isEqualTo("rm-000007");
    byte[] bad = new String(codec.encode(entry), StandardCharsets.UTF_8).replace("\"10\"", "10")
        .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> codec.decode(bad)).isInstanceOf(CodecException.class)
        .hasMessageContaining("'payload.quantity'");
  }

  @Test
  void writesReadableJsonWithSchemaAndVersionFirst() {
    Fill fill = new Fill("T-1", "B-1", "ref-1", RELIANCE, Side.BUY, 1, Price.of("10.5"), T0, Product.CNC);
    String json = new String(codecs.find(Fill.class).orElseThrow().encode(fill), StandardCharsets.UTF_8);
    assertThat(json).startsWith("{\"schema\":\"fill\",\"v\":1,").contains("\"price\":\"10.50\"")
        .contains("\"instrument\":\"NSE:RELIANCE\"");
  }

  @Test
  void rejectsANewerVersionAndAnotherSchema() {
    EventCodec<Fill> codec = codecs.find(Fill.class).orElseThrow();
    byte[] newer = "{\"schema\":\"fill\",\"v\":2}".getBytes(StandardCharsets.UTF_8);
    byte[] other = "{\"schema\":\"order\",\"v\":1}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> codec.decode(newer)).isInstanceOf(CodecException.class)
        .hasMessageStartingWith("schema fill v2 is newer than this consumer understands (v1)");
    assertThatThrownBy(() -> codec.decode(other)).isInstanceOf(CodecException.class)
        .hasMessageContaining("Expected schema 'fill' but the payload carries schema 'order'");
  }

  @Test
  void rejectsInvalidContentNamingTheField() {
    EventCodec<Fill> codec = codecs.find(Fill.class).orElseThrow();
    byte[] missing = "{\"schema\":\"fill\",\"v\":1,\"tradeId\":\"T\"}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> codec.decode(missing)).isInstanceOf(CodecException.class)
        .hasMessageContaining("'brokerOrderId'");
    assertThatThrownBy(() -> codec.decode("not json".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(CodecException.class).hasMessageContaining("not valid JSON");
  }

  @Test
  void findsNoCodecForAnUnknownTypeUntilOneIsAdded() {
    assertThat(codecs.find(String.class)).isEmpty();
    EventCodec<String> text = new EventCodec<>() {
      @Override
      public Class<String> type() {
        return String.class;
      }

      @Override
      public String key(String event) {
        return event;
      }

      @Override
      public byte[] encode(String event) {
        return event.getBytes(StandardCharsets.UTF_8);
      }

      @Override
      public String decode(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
      }
    };
    assertThat(codecs.with(text).find(String.class)).containsSame(text);
  }
}
