package io.aitrader.groww.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.Secret;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.money.Price;
import io.aitrader.api.time.Ist;
import io.aitrader.core.time.ManualTimeSource;
import io.aitrader.groww.auth.GrowwCredentials;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GrowwDataEndpointsTest {
  private StubServer server;
  private final ManualTimeSource clock = new ManualTimeSource(1_736_140_000_000L);

  @BeforeEach
  void start() throws Exception {
    server = new StubServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private GrowwClient client() {
    return GrowwClient.create(GrowwClientConfig.builder()
        .credentials(new GrowwCredentials.AccessToken(Secret.of("tok"))).baseUrl(server.baseUrl()).clock(clock)
        .sleeper(ms -> clock.advance(Duration.ofMillis(ms))).build());
  }

  @Test
  void ltpIsBatchedFiftySymbolsPerCall() {
    server.thenSuccess("{\"NSE_S0\":101.25}");
    List<String> symbols = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      symbols.add("NSE_S" + i);
    }
    Map<String, Price> ltp = client().liveData().ltp(Segment.CASH, symbols);

    assertThat(server.requests).hasSize(3);
    assertThat(server.requests.get(0).query()).startsWith("segment=CASH&exchange_symbols=NSE_S0%2CNSE_S1%2C");
    assertThat(server.requests.get(2).query().split("%2C")).hasSize(20);
    assertThat(ltp).containsEntry("NSE_S0", Price.of("101.25"));
  }

  @Test
  void ohlcAcceptsObjectsAndGrowwsStringForm() {
    server.thenSuccess("{\"NSE_A\":{\"open\":149.5,\"high\":150.5,\"low\":148.5,\"close\":149.5},"
        + "\"NSE_B\":\"{open: 149.50,high: 150.50,low: 148.50,close: 149.55}\"}");
    Map<String, Ohlc> ohlc = client().liveData().ohlc(Segment.CASH, List.of("NSE_A", "NSE_B"));
    assertThat(ohlc.get("NSE_A").high()).isEqualTo(Price.of("150.5"));
    assertThat(ohlc.get("NSE_B").close()).isEqualTo(Price.of("149.55"));
  }

  @Test
  void aBrokenOhlcStringIsAClearError() {
    server.thenSuccess("{\"NSE_B\":\"{open: 149.50, garbage}\"}");
    assertThatThrownBy(() -> client().liveData().ohlc(Segment.CASH, List.of("NSE_B")))
        .isInstanceOf(MalformedResponseException.class).hasMessageContaining("NSE_B");
  }

  @Test
  void quoteReadsPricesExactly() {
    server.thenSuccess("{\"last_price\":2534.05,\"last_trade_time\":1736140000000,\"ohlc\":\"{open: 2500,high: "
        + "2540.1,low: 2490,close: 2510}\",\"depth\":{\"buy\":[{\"price\":2534.0,\"quantity\":10}],\"sell\":[]},"
        + "\"volume\":12345}");
    GrowwQuote q = client().liveData().quote(Exchange.NSE, Segment.CASH, "RELIANCE");
    assertThat(q.lastPrice()).contains(Price.of("2534.05"));
    assertThat(q.ohlc().orElseThrow().high()).isEqualTo(Price.of("2540.1"));
    assertThat(q.buyDepth()).hasSize(1);
    assertThat(q.lastTradeTimeMillis()).contains(1_736_140_000_000L);
  }

  @Test
  void candlesAreSplitByTheMaximumSpanAndStitchedWithoutDuplicates() {
    // the same candle (one with a space, one with T) answers both requests: it must appear once
    server.thenSuccess("{\"candles\":[[\"2025-01-02 09:15:00\",100,101,99,100.5,1000,null]]}")
        .thenSuccess("{\"candles\":[[\"2025-01-02T09:15:00\",100,101,99,100.5,1000,null],"
            + "[\"2025-02-10T09:15:00\",110,111,109,110.5,2000,5]]}");
    List<Candle> candles = client().historical().candles(Exchange.NSE, Segment.CASH, "NSE-WIPRO",
        LocalDateTime.of(2025, 1, 1, 9, 15), LocalDateTime.of(2025, 2, 14, 15, 30), CandleInterval.MINUTE_5);

    assertThat(server.requests).hasSize(2);
    assertThat(server.requests.get(0).query()).contains("start_time=2025-01-01%2009%3A15%3A00")
        .contains("end_time=2025-01-31%2009%3A15%3A00").contains("candle_interval=5minute");
    assertThat(candles).hasSize(2);
    assertThat(candles.get(0).startMillis()).isEqualTo(Ist.toEpochMillis(LocalDate.of(2025, 1, 2),
        LocalTime.of(9, 15)));
    assertThat(candles.get(1).openInterest()).isPresent();
  }

  @Test
  void expiriesContractsHoldingsPositionsMarginsAndUser() {
    server.thenSuccess("{\"expiries\":[\"2025-01-30\",\"2025-01-09\"]}")
        .thenSuccess("{\"contracts\":[\"NSE-NIFTY-09Jan25-23500-CE\"]}")
        .thenSuccess("{\"holdings\":[{\"isin\":\"INE075A01022\",\"trading_symbol\":\"WIPRO\",\"quantity\":1.5,"
            + "\"average_price\":300.25}]}")
        .thenSuccess("{\"positions\":[{\"trading_symbol\":\"RELIANCE\",\"segment\":\"CASH\",\"credit_price\":12500,"
            + "\"quantity\":10}]}")
        .thenSuccess("{\"clear_cash\":1000.5,\"equity_margin_details\":{\"cnc_balance_available\":900.25}}")
        .thenSuccess("{\"ucc\":\"ABC123\",\"nse_enabled\":true,\"active_segments\":[\"CASH\",\"FNO\"]}");
    GrowwClient c = client();
    assertThat(c.historical().expiries(Exchange.NSE, "NIFTY", java.util.Optional.of(2025),
        java.util.Optional.empty())).containsExactly(LocalDate.of(2025, 1, 9), LocalDate.of(2025, 1, 30));
    assertThat(c.historical().contracts(Exchange.NSE, "NIFTY", LocalDate.of(2025, 1, 9))).hasSize(1);
    assertThat(c.portfolio().holdings().get(0).quantity()).isEqualByComparingTo("1.5");
    assertThat(c.portfolio().positions(java.util.Optional.empty()).get(0).creditPrice()).isEqualByComparingTo("12500");
    assertThat(c.account().margins().equityMarginDetails()).containsKey("cnc_balance_available");
    assertThat(c.account().user().field("active_segments")).contains("CASH,FNO");
    assertThat(server.requests.get(0).query()).isEqualTo("exchange=NSE&underlying_symbol=NIFTY&year=2025");
  }

  @Test
  void optionChainIsSortedByStrike() {
    server.thenSuccess("{\"underlying_ltp\":23500.5,\"strikes\":{\"23600\":{\"CE\":{\"trading_symbol\":\"X1\","
        + "\"ltp\":50,\"greeks\":{\"delta\":0.4,\"iv\":12.5}}},\"23400\":{\"PE\":{\"trading_symbol\":\"X2\","
        + "\"ltp\":40}}}}");
    OptionChain chain = client().liveData().optionChain(Exchange.NSE, "NIFTY", LocalDate.of(2025, 1, 9));
    assertThat(chain.strikes()).extracting(s -> s.strike().toString()).containsExactly("23400.00", "23600.00");
    assertThat(chain.strikes().get(1).call().orElseThrow().greeks().orElseThrow().delta()).isEqualByComparingTo("0.4");
  }
}
