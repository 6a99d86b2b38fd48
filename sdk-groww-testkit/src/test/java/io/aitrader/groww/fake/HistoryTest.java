package io.aitrader.groww.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentType;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.money.Price;
import io.aitrader.core.instruments.InMemoryInstrumentRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HistoryTest {
  private FakeGroww fake;
  private Http http;

  static List<Instrument> withNiftyOptions() {
    List<Instrument> all = new ArrayList<>(InMemoryInstrumentRepository.bundledNse().all());
    int token = 40_000;
    for (LocalDate expiry : List.of(LocalDate.of(2025, 6, 5), LocalDate.of(2025, 6, 26))) {
      for (int strike = 24_000; strike <= 25_000; strike += 500) {
        for (InstrumentType type : List.of(InstrumentType.CE, InstrumentType.PE)) {
          String day = String.format("%02d", expiry.getDayOfMonth());
          all.add(Instrument.builder().exchange(Exchange.NSE).segment(Segment.FNO).type(type)
              .tradingSymbol("NIFTY25JUN" + day + strike + type).exchangeToken(Integer.toString(token++))
              .growwSymbol("NSE-NIFTY-" + day + "Jun25-" + strike + "-" + type).underlying("NIFTY").expiry(expiry)
              .strike(Price.ofRupees(strike)).lotSize(75).tickSize(Price.of("0.05")).build());
        }
      }
    }
    return all;
  }

  @BeforeEach
  void start() {
    fake = FakeGroww.builder().instruments(withNiftyOptions()).build().start();
    http = new Http(fake).login(fake);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void candlesHaveTheDocumentedShapeUpToTheClock() {
    JsonNode p = http.get("/v1/historical/candles?exchange=NSE&segment=CASH&groww_symbol=NSE-RELIANCE"
        + "&start_time=2025-06-02%2009:15:00&end_time=2025-06-02%2015:30:00&candle_interval=5minute").payload();

    JsonNode candles = p.get("candles");
    assertThat(candles).hasSize(9); // 09:15 .. 09:55 are complete at 10:00
    JsonNode first = candles.get(0);
    assertThat(first.get(0).asText()).isEqualTo("2025-06-02 09:15:00");
    assertThat(first).hasSize(7);
    assertThat(first.get(6).isNull()).isTrue();
    assertThat(first.get(2).decimalValue()).isGreaterThanOrEqualTo(first.get(3).decimalValue());
    assertThat(p.get("interval_in_minutes").asInt()).isEqualTo(5);
    assertThat(p.get("start_time").asText()).isEqualTo("2025-06-02 09:15:00");
    assertThat(p.get("closing_price").decimalValue()).isEqualByComparingTo(candles.get(8).get(4).decimalValue());
  }

  @Test
  void dailyCandlesAcceptEpochSecondsAndTheTForm() {
    try (FakeGroww withT = FakeGroww.builder().candleTimesWithT(true).build().start()) {
      long from = FakeGroww.DEFAULT_START_MILLIS / 1000 - 30L * 86_400;
      JsonNode candles = new Http(withT).login(withT).get("/v1/historical/candles?exchange=NSE&segment=CASH"
          + "&groww_symbol=NSE-TCS&start_time=" + from + "&end_time=" + FakeGroww.DEFAULT_START_MILLIS / 1000
          + "&candle_interval=1day").payload().get("candles");

      assertThat(candles.size()).isBetween(18, 23);
      assertThat(candles.get(0).get(0).asText()).matches("2025-05-\\d\\dT09:15:00");
    }
  }

  @Test
  void refusesASpanAboveTheDocumentedMaximum() {
    Http.Response r = http.get("/v1/historical/candles?exchange=NSE&segment=CASH&groww_symbol=NSE-RELIANCE"
        + "&start_time=2025-04-01%2009:15:00&end_time=2025-06-01%2015:30:00&candle_interval=1minute");

    assertThat(r.errorCode()).isEqualTo("GA001");
    assertThat(r.errorMessage()).contains("maximum of 30 days", "UNCONFIRMED");
  }

  @Test
  void deprecatedRangeGivesSixElementCandlesInEpochSeconds() {
    JsonNode candles = http.get("/v1/historical/candle/range?exchange=NSE&segment=CASH&trading_symbol=INFY"
        + "&start_time=2025-06-02%2009:15:00&end_time=2025-06-02%2010:00:00&interval_in_minutes=15").payload()
        .get("candles");

    assertThat(candles).hasSize(3);
    assertThat(candles.get(0)).hasSize(6);
    assertThat(candles.get(0).get(0).asLong()).isEqualTo((FakeGroww.DEFAULT_START_MILLIS - 45 * 60_000) / 1000);
  }

  @Test
  void listsExpiriesAndContracts() {
    JsonNode expiries = http.get("/v1/historical/expiries?exchange=NSE&underlying_symbol=NIFTY").payload();
    JsonNode june5 = http.get("/v1/historical/contracts?exchange=NSE&underlying_symbol=NIFTY&expiry_date=2025-06-05")
        .payload();

    assertThat(expiries.get("expiries")).extracting(JsonNode::asText).containsExactly("2025-06-05", "2025-06-26");
    assertThat(june5.get("contracts")).hasSize(6);
    assertThat(june5.get("contracts").get(0).asText()).startsWith("NSE-NIFTY-05Jun25-");
  }

  @Test
  void optionChainHasStrikesWithBothLegsAndGreeks() {
    JsonNode p = http.get("/v1/option-chain/exchange/NSE/underlying/NIFTY?expiry_date=2025-06-26").payload();

    assertThat(p.get("underlying_ltp").decimalValue()).isPositive();
    JsonNode strikes = p.get("strikes");
    assertThat(strikes.fieldNames()).toIterable().containsExactly("24000", "24500", "25000");
    JsonNode ce = strikes.get("24500").get("CE");
    assertThat(ce.get("trading_symbol").asText()).isEqualTo("NIFTY25JUN2624500CE");
    assertThat(OptionChain.fields()).allSatisfy(f -> assertThat(ce.get("greeks").has(f)).as(f).isTrue());
    assertThat(ce.get("greeks").get("delta").doubleValue()).isBetween(0.0, 1.0);
    assertThat(strikes.get("24500").get("PE").get("greeks").get("delta").doubleValue()).isBetween(-1.0, 0.0);
  }

  @Test
  void greeksEndpointAnswersForOneOption() {
    JsonNode g = http.get("/v1/live-data/greeks/exchange/NSE/underlying/NIFTY/trading_symbol/NIFTY25JUN0524000PE"
        + "/expiry/2025-06-05").payload().get("greeks");

    assertThat(g.get("gamma").doubleValue()).isNotNegative();
    assertThat(g.get("delta").doubleValue()).isBetween(-1.0, 0.0);
    assertThat(g.get("iv").doubleValue()).isEqualTo(18.0);
  }
}
