package io.aitrader.groww.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aitrader.core.time.ManualTimeSource;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LiveDataTest {
  static final List<String> QUOTE_FIELDS = List.of("average_price", "bid_quantity", "bid_price", "day_change",
      "day_change_perc", "upper_circuit_limit", "lower_circuit_limit", "ohlc", "depth", "high_trade_range",
      "implied_volatility", "last_trade_quantity", "last_trade_time", "low_trade_range", "last_price", "market_cap",
      "offer_price", "offer_quantity", "oi_day_change", "oi_day_change_percentage", "open_interest",
      "previous_open_interest", "total_buy_quantity", "total_sell_quantity", "volume", "week_52_high", "week_52_low");

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

  @Test
  void quoteHasEveryDocumentedFieldAndAnOhlcString() {
    JsonNode q = http.get("/v1/live-data/quote?exchange=NSE&segment=CASH&trading_symbol=RELIANCE").payload();

    assertThat(QUOTE_FIELDS).allSatisfy(f -> assertThat(q.has(f)).as(f).isTrue());
    assertThat(q.get("last_price").decimalValue()).isPositive();
    assertThat(q.get("last_trade_time").asLong()).isLessThanOrEqualTo(FakeGroww.DEFAULT_START_MILLIS)
        .isGreaterThan(FakeGroww.DEFAULT_START_MILLIS - 60_000);
    assertThat(q.get("ohlc").asText()).matches("\\{open: [0-9.]+,high: [0-9.]+,low: [0-9.]+,close: [0-9.]+}");
    assertThat(q.get("depth").get("buy")).hasSize(5);
    assertThat(q.get("depth").get("sell")).hasSize(5);
    assertThat(q.get("bid_price").decimalValue()).isLessThan(q.get("offer_price").decimalValue());
  }

  @Test
  void ltpAcceptsCommaSeparatedAndRepeatedSymbols() {
    JsonNode comma = http.get("/v1/live-data/ltp?segment=CASH&exchange_symbols=NSE_RELIANCE,NSE_TCS").payload();
    JsonNode repeated = http.get("/v1/live-data/ltp?segment=CASH&exchange_symbols=NSE_RELIANCE&exchange_symbols=NSE_TCS")
        .payload();
    JsonNode quote = http.get("/v1/live-data/quote?exchange=NSE&segment=CASH&trading_symbol=TCS").payload();

    assertThat(comma).isEqualTo(repeated);
    assertThat(comma.fieldNames()).toIterable().containsExactly("NSE_RELIANCE", "NSE_TCS");
    assertThat(comma.get("NSE_TCS").decimalValue()).isEqualByComparingTo(quote.get("last_price").decimalValue());
  }

  @Test
  void refusesMoreThanFiftySymbols() {
    String many = IntStream.range(0, 51).mapToObj(i -> "NSE_RELIANCE").collect(Collectors.joining(","));

    Http.Response r = http.get("/v1/live-data/ltp?segment=CASH&exchange_symbols=" + many);

    assertThat(r.errorCode()).isEqualTo("GA001");
    assertThat(r.errorMessage()).contains("at most 50");
  }

  @Test
  void ohlcIsAStringByDefaultAndAnObjectWhenConfigured() {
    JsonNode asString = http.get("/v1/live-data/ohlc?segment=CASH&exchange_symbols=NSE_INFY").payload();
    try (FakeGroww objects = FakeGroww.builder().ohlcAsObject(true).build().start()) {
      JsonNode asObject = new Http(objects).login(objects)
          .get("/v1/live-data/ohlc?segment=CASH&exchange_symbols=NSE_INFY").payload();

      assertThat(asString.get("NSE_INFY").isTextual()).isTrue();
      assertThat(asObject.get("NSE_INFY").get("close").decimalValue())
          .isEqualByComparingTo(asString.get("NSE_INFY").asText().replaceAll(".*close: ([0-9.]+)}", "$1"));
    }
  }

  @Test
  void pricesAreDeterministicForASeedAndDifferForAnother() {
    String path = "/v1/live-data/ltp?segment=CASH&exchange_symbols=NSE_RELIANCE,NSE_SBIN,NSE_NIFTY";
    JsonNode first = http.get(path).payload();
    try (FakeGroww same = FakeGroww.builder().build().start();
        FakeGroww other = FakeGroww.builder().seed(7).build().start()) {
      JsonNode again = new Http(same).login(same).get(path).payload();
      JsonNode different = new Http(other).login(other).get(path).payload();

      assertThat(again).isEqualTo(first);
      assertThat(different).isNotEqualTo(first);
    }
  }

  @Test
  void theLastPriceMovesWithTheClock() {
    String path = "/v1/live-data/quote?exchange=NSE&segment=CASH&trading_symbol=HDFCBANK";
    long before = http.get(path).payload().get("last_trade_time").asLong();

    fake.advanceBy(java.time.Duration.ofMinutes(5));

    assertThat(http.get(path).payload().get("last_trade_time").asLong()).isEqualTo(before + 300_000);
    assertThat(fake.clock()).isInstanceOf(ManualTimeSource.class);
  }
}
