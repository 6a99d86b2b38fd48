package io.aitrader.groww.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aitrader.core.time.ManualTimeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrdersTest {
  static final List<String> ORDER_FIELDS = List.of("groww_order_id", "trading_symbol", "order_status", "remark",
      "quantity", "price", "trigger_price", "filled_quantity", "remaining_quantity", "average_fill_price",
      "deliverable_quantity", "amo_status", "validity", "exchange", "order_type", "transaction_type", "segment",
      "product", "created_at", "exchange_time", "trade_date", "order_reference_id");

  private final ManualTimeSource clock = new ManualTimeSource(FakeGroww.DEFAULT_START_MILLIS);
  private FakeGroww fake;
  private Http http;

  @BeforeEach
  void start() {
    fake = FakeGroww.builder().clock(clock).build().start();
    http = new Http(fake).login(fake);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  static String order(String symbol, String type, String price, int qty, String ref) {
    return "{\"trading_symbol\":\"" + symbol + "\",\"quantity\":" + qty + ",\"price\":" + price
        + ",\"trigger_price\":null,\"validity\":\"DAY\",\"exchange\":\"NSE\",\"segment\":\"CASH\","
        + "\"product\":\"CNC\",\"order_type\":\"" + type + "\",\"transaction_type\":\"BUY\","
        + "\"order_reference_id\":\"" + ref + "\"}";
  }

  @Test
  void placesALimitOrderThatReadsOpenWithEveryDocumentedField() {
    Http.Response r = http.post("/v1/order/create", order("RELIANCE", "LIMIT", "100.10", 5, "ref-0001"));

    JsonNode placed = r.payload();
    assertThat(placed.get("order_status").asText()).isEqualTo("OPEN");
    assertThat(placed.get("order_reference_id").asText()).isEqualTo("ref-0001");
    assertThat(placed.get("groww_order_id").asText()).startsWith("GMK").hasSize(19);
    assertThat(placed.has("remark")).isTrue();
    String id = placed.get("groww_order_id").asText();

    JsonNode detail = http.get("/v1/order/detail/" + id + "?segment=CASH").payload();
    assertThat(ORDER_FIELDS).allSatisfy(f -> assertThat(detail.has(f)).as(f).isTrue());
    assertThat(detail.get("price").decimalValue()).isEqualByComparingTo("100.10");
    assertThat(detail.get("remaining_quantity").asLong()).isEqualTo(5);
    assertThat(detail.get("created_at").asText()).isEqualTo("2025-06-02T10:00:00");

    JsonNode status = http.get("/v1/order/status/" + id + "?segment=CASH").payload();
    assertThat(status.get("order_status").asText()).isEqualTo("OPEN");
    assertThat(status.get("filled_quantity").asLong()).isZero();
    JsonNode byRef = http.get("/v1/order/status/reference/ref-0001?segment=CASH").payload();
    assertThat(byRef.get("groww_order_id").asText()).isEqualTo(id);
    JsonNode list = http.get("/v1/order/list?segment=CASH&page=0").payload();
    assertThat(list.get("order_list")).hasSize(1);
  }

  @Test
  void fillsAMarketOrderWhenTheClockAdvancesAndReportsItsTrades() {
    String id = http.post("/v1/order/create", order("TCS", "MARKET", "0.0", 3, "mkt-00001")).payload()
        .get("groww_order_id").asText();
    List<OrderEvent> events = new ArrayList<>();
    fake.onOrderEvent(events::add);

    fake.advanceBy(Duration.ofSeconds(30));

    JsonNode detail = http.get("/v1/order/detail/" + id + "?segment=CASH").payload();
    assertThat(detail.get("order_status").asText()).isEqualTo("EXECUTED");
    assertThat(detail.get("filled_quantity").asLong()).isEqualTo(3);
    assertThat(detail.get("average_fill_price").decimalValue()).isPositive();
    JsonNode trades = http.get("/v1/order/trades/" + id + "?segment=CASH&page=0&page_size=25").payload()
        .get("trade_list");
    assertThat(trades).hasSize(1);
    assertThat(trades.get(0).get("quantity").asLong()).isEqualTo(3);
    assertThat(trades.get(0).get("groww_order_id").asText()).isEqualTo(id);
    assertThat(events).extracting(OrderEvent::orderStatus).containsExactly("EXECUTED");
    assertThat(events.get(0).fill()).isPresent();
    JsonNode positions = http.get("/v1/positions/user?segment=CASH").payload().get("positions");
    assertThat(positions).hasSize(1);
    assertThat(positions.get(0).get("credit_quantity").asLong()).isEqualTo(3);
  }

  @Test
  void refusesAReusedReferenceIdWithGa007() {
    http.post("/v1/order/create", order("INFY", "LIMIT", "10.00", 1, "dup-0001")).payload();

    Http.Response again = http.post("/v1/order/create", order("INFY", "LIMIT", "10.00", 1, "dup-0001"));

    assertThat(again.status()).isEqualTo(400);
    assertThat(again.errorCode()).isEqualTo("GA007");
    assertThat(http.get("/v1/order/list").payload().get("order_list")).hasSize(1);
  }

  @Test
  void validationErrorsAreGa001NamingTheProblem() {
    Http.Response badRef = http.post("/v1/order/create", order("INFY", "LIMIT", "10.00", 1, "short"));
    Http.Response unknown = http.post("/v1/order/create", order("NOSUCH", "LIMIT", "10.00", 1, "ref-00002"));
    Http.Response tick = http.post("/v1/order/create", order("INFY", "LIMIT", "10.03", 1, "ref-00003"));
    Http.Response noPrice = http.post("/v1/order/create", order("INFY", "LIMIT", "0", 1, "ref-00004"));
    Http.Response badEnum = http.post("/v1/order/create", order("INFY", "STOP", "10", 1, "ref-00005"));
    Http.Response notJson = http.post("/v1/order/create", "{oops");

    assertThat(List.of(badRef, unknown, tick, noPrice, badEnum, notJson)).allSatisfy(r -> {
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.errorCode()).isEqualTo("GA001");
    });
    assertThat(badRef.errorMessage()).contains("order_reference_id", "short");
    assertThat(unknown.errorMessage()).contains("Invalid trading symbol");
    assertThat(tick.errorMessage()).contains("tick size");
    assertThat(noPrice.errorMessage()).contains("price");
    assertThat(badEnum.errorMessage()).contains("order_type", "STOP");
  }

  @Test
  void unknownOrderIsGa004() {
    Http.Response r = http.get("/v1/order/detail/GMKNOPE?segment=CASH");

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.errorCode()).isEqualTo("GA004");
  }

  @Test
  void modifiesAndCancelsAWorkingOrder() {
    String id = http.post("/v1/order/create", order("SBIN", "LIMIT", "10.00", 2, "mod-00001")).payload()
        .get("groww_order_id").asText();

    JsonNode modified = http.post("/v1/order/modify", "{\"quantity\":4,\"price\":11.05,\"trigger_price\":null,"
        + "\"groww_order_id\":\"" + id + "\",\"order_type\":\"LIMIT\",\"segment\":\"CASH\"}").payload();
    JsonNode afterModify = http.get("/v1/order/detail/" + id + "?segment=CASH").payload();
    JsonNode cancelled = http.post("/v1/order/cancel", "{\"segment\":\"CASH\",\"groww_order_id\":\"" + id + "\"}")
        .payload();
    Http.Response again = http.post("/v1/order/cancel", "{\"segment\":\"CASH\",\"groww_order_id\":\"" + id + "\"}");

    assertThat(modified.get("order_status").asText()).isEqualTo("MODIFICATION_REQUESTED");
    assertThat(afterModify.get("quantity").asLong()).isEqualTo(4);
    assertThat(afterModify.get("price").decimalValue()).isEqualByComparingTo("11.05");
    assertThat(cancelled.get("order_status").asText()).isEqualTo("CANCELLATION_REQUESTED");
    assertThat(http.get("/v1/order/status/" + id + "?segment=CASH").payload().get("order_status").asText())
        .isEqualTo("CANCELLED");
    assertThat(again.errorCode()).isEqualTo("GA006");
  }

  @Test
  void dayOrdersExpireAtTheSessionClose() {
    String id = http.post("/v1/order/create", order("ITC", "LIMIT", "1.00", 1, "eod-00001")).payload()
        .get("groww_order_id").asText();

    fake.advanceBy(Duration.ofHours(6));

    assertThat(fake.order(id)).hasValueSatisfying(o -> assertThat(o.status().name()).isEqualTo("CANCELLED"));
  }

  @Test
  void servesTheApexPathFamilyToo() {
    Http.Response r = http.post("/v1/api/apex/v1/order/create", order("WIPRO", "LIMIT", "10.00", 1, "apex-0001"));

    assertThat(r.payload().get("order_status").asText()).isEqualTo("OPEN");
    assertThat(http.get("/v1/api/apex/v1/order/list").payload().get("order_list")).hasSize(1);
  }

  @Test
  void refusesABuyBeyondTheCashAsARejectedOrder() {
    JsonNode r = http.post("/v1/order/create", order("MARUTI", "LIMIT", "100000.00", 100, "cash-0001")).payload();

    assertThat(r.get("order_status").asText()).isEqualTo("REJECTED");
    assertThat(r.get("remark").asText()).contains("Insufficient funds");
  }
}
