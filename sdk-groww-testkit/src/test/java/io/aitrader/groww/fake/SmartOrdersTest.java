package io.aitrader.groww.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SmartOrdersTest {
  private FakeGroww fake;
  private Http http;

  @BeforeEach
  void start() {
    fake = FakeGroww.builder().rateLimits(false).build().start();
    http = new Http(fake).login(fake);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private BigDecimal ltp(String symbol) {
    return http.get("/v1/live-data/ltp?segment=CASH&exchange_symbols=NSE_" + symbol).payload().get("NSE_" + symbol)
        .decimalValue();
  }

  private String gtt(String symbol, String trigger, String direction, String ref) {
    return "{\"smart_order_type\":\"GTT\",\"reference_id\":\"" + ref + "\",\"segment\":\"CASH\",\"trading_symbol\":\""
        + symbol + "\",\"quantity\":2,\"product_type\":\"CNC\",\"exchange\":\"NSE\",\"duration\":\"DAY\","
        + "\"trigger_price\":\"" + trigger + "\",\"trigger_direction\":\"" + direction + "\","
        + "\"order\":{\"order_type\":\"MARKET\",\"price\":null,\"transaction_type\":\"BUY\"}}";
  }

  @Test
  void createsAGttWith201AndTheDocumentedShape() {
    Http.Response r = http.post("/v1/order-advance/create", gtt("RELIANCE", "1.00", "DOWN", "gtt-00001"));

    assertThat(r.status()).isEqualTo(201);
    JsonNode g = r.payload();
    assertThat(g.get("smart_order_id").asText()).startsWith("gtt_");
    assertThat(g.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(g.get("trigger_price").asText()).isEqualTo("1.00");
    assertThat(g.get("order").get("order_type").asText()).isEqualTo("MARKET");
    for (String f : new String[] {"smart_order_type", "trading_symbol", "exchange", "quantity", "product_type",
        "duration", "trigger_direction", "segment", "ltp", "remark", "display_name", "child_legs",
        "is_cancellation_allowed", "is_modification_allowed", "created_at", "expire_at", "triggered_at",
        "updated_at"}) {
      assertThat(g.has(f)).as(f).isTrue();
    }
    String id = g.get("smart_order_id").asText();
    assertThat(http.get("/v1/order-advance/status/CASH/GTT/internal/" + id).payload().get("smart_order_id").asText())
        .isEqualTo(id);
    assertThat(http.get("/v1/order-advance/list?smart_order_type=GTT").payload().get("order_list")).hasSize(1);
    assertThat(http.post("/v1/order-advance/create", gtt("RELIANCE", "1.00", "DOWN", "gtt-00001")).errorCode())
        .isEqualTo("GA007");
  }

  @Test
  void aGttTriggersWhenThePriceReachesItAndItsOrderFills() {
    BigDecimal now = ltp("SBIN");
    String id = http.post("/v1/order-advance/create", gtt("SBIN", now.multiply(new BigDecimal("0.5"))
        .setScale(2, java.math.RoundingMode.DOWN).toPlainString(), "UP", "gtt-00002")).payload()
        .get("smart_order_id").asText();

    fake.advanceBy(Duration.ofMinutes(1));

    JsonNode g = http.get("/v1/order-advance/status/CASH/GTT/internal/" + id).payload();
    assertThat(g.get("status").asText()).isEqualTo("TRIGGERED");
    String orderId = g.get("groww_order_id").asText();
    assertThat(http.get("/v1/order/detail/" + orderId + "?segment=CASH").payload().get("order_status").asText())
        .isEqualTo("EXECUTED");
  }

  @Test
  void modifiesAndCancelsAGtt() {
    String id = http.post("/v1/order-advance/create", gtt("TCS", "1.00", "DOWN", "gtt-00003")).payload()
        .get("smart_order_id").asText();

    JsonNode modified = http.put("/v1/order-advance/modify/" + id, "{\"smart_order_type\":\"GTT\",\"segment\":\"CASH\","
        + "\"trigger_price\":\"2.50\",\"quantity\":5}").payload();
    Http.Response cancelled = http.post("/v1/order-advance/cancel/CASH/GTT/" + id, "");
    Http.Response again = http.post("/v1/order-advance/cancel/CASH/GTT/" + id, "");

    assertThat(modified.get("trigger_price").asText()).isEqualTo("2.50");
    assertThat(modified.get("quantity").asLong()).isEqualTo(5);
    assertThat(cancelled.payload().get("status").asText()).isEqualTo("CANCELLED");
    assertThat(again.errorCode()).isEqualTo("GA006");
  }

  @Test
  void aModifyMaySendAPartialLegWhoseOtherFieldsKeepTheirValues() {
    String id = http.post("/v1/order-advance/create", gtt("WIPRO", "1.00", "DOWN", "gtt-00004")).payload()
        .get("smart_order_id").asText();

    JsonNode modified = http.put("/v1/order-advance/modify/" + id, "{\"smart_order_type\":\"GTT\",\"segment\":\"CASH\","
        + "\"order\":{\"order_type\":\"LIMIT\",\"price\":\"1.05\"}}").payload();
    Http.Response noPrice = http.put("/v1/order-advance/modify/" + id, "{\"smart_order_type\":\"GTT\","
        + "\"segment\":\"CASH\",\"order\":{\"price\":null}}");

    assertThat(modified.get("order").get("order_type").asText()).isEqualTo("LIMIT");
    assertThat(modified.get("order").get("price").asText()).isEqualTo("1.05");
    assertThat(modified.get("order").get("transaction_type").asText()).isEqualTo("BUY");
    assertThat(noPrice.errorCode()).isEqualTo("GA001");
    assertThat(noPrice.errorMessage()).contains("order.price");
  }

  @Test
  void anOcoFiresItsStopLossLeg() {
    BigDecimal now = ltp("INFY");
    String body = "{\"smart_order_type\":\"OCO\",\"reference_id\":\"oco-00001\",\"segment\":\"CASH\","
        + "\"trading_symbol\":\"INFY\",\"quantity\":3,\"product_type\":\"MIS\",\"exchange\":\"NSE\","
        + "\"duration\":\"DAY\",\"net_position_quantity\":3,\"transaction_type\":\"SELL\","
        + "\"target\":{\"trigger_price\":\"" + now.multiply(BigDecimal.TEN).setScale(2) + "\",\"order_type\":\"MARKET\","
        + "\"price\":null},\"stop_loss\":{\"trigger_price\":\"" + now.multiply(new BigDecimal(2)).setScale(2)
        + "\",\"order_type\":\"MARKET\",\"price\":null}}";

    JsonNode created = http.post("/v1/order-advance/create", body).payload();
    fake.advanceBy(Duration.ofSeconds(20));
    JsonNode after = http.get("/v1/order-advance/status/CASH/OCO/internal/" + created.get("smart_order_id").asText())
        .payload();

    assertThat(created.get("smart_order_id").asText()).startsWith("oco_");
    assertThat(created.get("target").get("trigger_price").asText()).isNotBlank();
    assertThat(after.get("status").asText()).isEqualTo("TRIGGERED");
    assertThat(after.get("remark").asText()).contains("stop-loss");
  }

  @Test
  void refusesAnOcoInCashForCnc() {
    Http.Response r = http.post("/v1/order-advance/create", "{\"smart_order_type\":\"OCO\",\"segment\":\"CASH\","
        + "\"trading_symbol\":\"INFY\",\"quantity\":3,\"product_type\":\"CNC\",\"exchange\":\"NSE\","
        + "\"duration\":\"DAY\",\"net_position_quantity\":3,\"transaction_type\":\"SELL\"}");

    assertThat(r.errorCode()).isEqualTo("GA001");
    assertThat(r.errorMessage()).contains("MIS");
  }
}
