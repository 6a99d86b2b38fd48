package io.aitrader.groww.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aitrader.core.time.ManualTimeSource;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PortfolioTest {
  private final ManualTimeSource clock = new ManualTimeSource(FakeGroww.DEFAULT_START_MILLIS);
  private FakeGroww fake;
  private Http http;

  @BeforeEach
  void start() {
    fake = FakeGroww.builder().clock(clock).rateLimits(false).build().start();
    http = new Http(fake).login(fake);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private String buyAtMarket(String symbol, int qty, String ref) {
    return http.post("/v1/order/create", OrdersTest.order(symbol, "MARKET", "0.0", qty, ref)).payload()
        .get("groww_order_id").asText();
  }

  @Test
  void cashBuysBecomeHoldingsOnTheNextDayAndReduceCash() {
    BigDecimal cashBefore = http.get("/v1/margins/detail/user").payload().get("clear_cash").decimalValue();
    String id = buyAtMarket("ITC", 10, "hold-0001");
    fake.advanceBy(Duration.ofMinutes(1));
    BigDecimal avg = http.get("/v1/order/detail/" + id + "?segment=CASH").payload().get("average_fill_price")
        .decimalValue();

    JsonNode sameDay = http.get("/v1/holdings/user").payload().get("holdings");
    fake.advanceBy(Duration.ofDays(1));
    http.login(fake); // the token expired at 06:00
    JsonNode nextDay = http.get("/v1/holdings/user").payload().get("holdings");
    JsonNode margins = http.get("/v1/margins/detail/user").payload();

    assertThat(sameDay).isEmpty();
    assertThat(nextDay).hasSize(1);
    assertThat(nextDay.get(0).get("trading_symbol").asText()).isEqualTo("ITC");
    assertThat(nextDay.get(0).get("quantity").asLong()).isEqualTo(10);
    assertThat(nextDay.get(0).get("average_price").decimalValue()).isEqualByComparingTo(avg);
    assertThat(margins.get("clear_cash").decimalValue())
        .isEqualByComparingTo(cashBefore.subtract(avg.multiply(BigDecimal.TEN)));
    for (String f : new String[] {"net_margin_used", "brokerage_and_charges", "collateral_used",
        "collateral_available", "adhoc_margin", "fno_margin_details", "equity_margin_details",
        "commodity_margin_details"}) {
      assertThat(margins.has(f)).as(f).isTrue();
    }
  }

  @Test
  void positionsReportTheDaysBuysAndSellsWithRealisedPnl() {
    buyAtMarket("SBIN", 4, "pos-00001");
    fake.advanceBy(Duration.ofMinutes(1));
    http.post("/v1/order/create", OrdersTest.order("SBIN", "MARKET", "0.0", 4, "pos-00002")
        .replace("\"BUY\"", "\"SELL\"")).payload();
    fake.advanceBy(Duration.ofMinutes(1));

    JsonNode p = http.get("/v1/positions/trading-symbol?trading_symbol=SBIN&segment=CASH").payload()
        .get("positions").get(0);

    assertThat(p.get("credit_quantity").asLong()).isEqualTo(4);
    assertThat(p.get("debit_quantity").asLong()).isEqualTo(4);
    assertThat(p.get("quantity").asLong()).isZero();
    BigDecimal pnl = p.get("debit_price").decimalValue().subtract(p.get("credit_price").decimalValue())
        .multiply(BigDecimal.valueOf(4));
    assertThat(p.get("realised_pnl").decimalValue()).isEqualByComparingTo(pnl.setScale(2, java.math.RoundingMode.HALF_EVEN));
    assertThat(http.get("/v1/positions/user?segment=FNO").payload().get("positions")).isEmpty();
  }

  @Test
  void positionPricesCanBeInPaise() {
    try (FakeGroww paise = FakeGroww.builder().clock(clock).positionPricesInPaise(true).build().start()) {
      Http h = new Http(paise).login(paise);
      String id = h.post("/v1/order/create", OrdersTest.order("TCS", "MARKET", "0.0", 1, "paise-001")).payload()
          .get("groww_order_id").asText();
      paise.advanceBy(Duration.ofMinutes(1));
      BigDecimal avg = h.get("/v1/order/detail/" + id + "?segment=CASH").payload().get("average_fill_price")
          .decimalValue();

      JsonNode p = h.get("/v1/positions/user").payload().get("positions").get(0);

      assertThat(p.get("credit_price").decimalValue()).isEqualByComparingTo(avg.movePointRight(2));
    }
  }

  @Test
  void requiredMarginForABasket() {
    JsonNode r = http.post("/v1/margins/detail/orders?segment=CASH", "[{\"trading_symbol\":\"RELIANCE\","
        + "\"transaction_type\":\"BUY\",\"quantity\":10,\"price\":100.00,\"order_type\":\"LIMIT\",\"product\":\"MIS\","
        + "\"exchange\":\"NSE\"},{\"trading_symbol\":\"TCS\",\"transaction_type\":\"BUY\",\"quantity\":1,"
        + "\"price\":50.00,\"order_type\":\"LIMIT\",\"product\":\"CNC\",\"exchange\":\"NSE\"}]").payload();

    assertThat(r.get("cash_mis_margin_required").decimalValue()).isEqualByComparingTo("200.00");
    assertThat(r.get("cash_cnc_margin_required").decimalValue()).isEqualByComparingTo("50.00");
    assertThat(r.get("total_requirement").decimalValue()).isEqualByComparingTo("250.00");
    assertThat(http.post("/v1/margins/detail/orders?segment=CASH", "{}").errorCode()).isEqualTo("GA001");
  }

  @Test
  void userProfileAndChangelog() {
    JsonNode user = http.get("/v1/user/detail").payload();
    JsonNode changelog = http.token("").get("/v1/changelog").json();

    assertThat(user.get("active_segments")).isNotEmpty();
    assertThat(user.has("ucc")).isTrue();
    assertThat(changelog.has("info")).isTrue();
    assertThat(changelog.has("warning")).isTrue();
  }
}
