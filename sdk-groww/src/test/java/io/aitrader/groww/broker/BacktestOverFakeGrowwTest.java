package io.aitrader.groww.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.time.TradingSession;
import io.aitrader.core.backtest.Backtest;
import io.aitrader.core.backtest.BacktestConfig;
import io.aitrader.core.backtest.BacktestRun;
import io.aitrader.core.calendar.ExchangeCalendar;
import io.aitrader.core.market.synthetic.SyntheticBars;
import io.aitrader.core.strategy.StrategyCatalog;
import io.aitrader.groww.rest.FakeGrowwFixture;
import io.aitrader.groww.rest.GrowwClient;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Backtests use Groww transparently: the instrument master and the bars come from the fake Groww through
 * {@link GrowwInstruments} and {@link GrowwHistoricalBars}, and the SDK's backtest engine runs a reference strategy
 * over them.
 */
class BacktestOverFakeGrowwTest {
  private static final LocalDate FROM = LocalDate.of(2025, 5, 12);
  private static final LocalDate TO = LocalDate.of(2025, 5, 16);

  static FakeGrowwFixture groww;
  static GrowwClient client;
  static GrowwInstruments instruments;

  @BeforeAll
  static void start() {
    groww = FakeGrowwFixture.start(b -> b.rateLimits(false));
    client = GrowwClient.create(groww.config(FakeGrowwFixture.totp()).rateLimiter(groww.generousLimiter(100)).build());
    instruments = GrowwInstruments.load(client);
  }

  @AfterAll
  static void stop() {
    groww.close();
  }

  @Test
  void theInstrumentMasterIsTheFakesCsv() {
    assertThat(instruments.all()).hasSameSizeAs(groww.fake.instruments());
    for (Instrument i : groww.fake.instruments()) {
      assertThat(instruments.find(i.exchange(), i.tradingSymbol())).contains(i);
    }
    assertThat(instruments.findByExchangeToken(Exchange.NSE, "2885")).map(Instrument::tradingSymbol)
        .contains("RELIANCE");
  }

  @Test
  void aSessionsBarsEqualTheFakesOneMinuteMarketAggregated() {
    Instrument reliance = instruments.find(Exchange.NSE, "RELIANCE").orElseThrow();
    TradingSession session = ExchangeCalendar.nse().session(FROM).orElseThrow();
    List<Bar> minutes = SyntheticBars.builder().seed(7).build().session(reliance, BarInterval.M1, session);

    List<Bar> bars = new GrowwHistoricalBars(client).bars(reliance, BarInterval.M5, session);

    assertThat(bars).hasSize(minutes.size() / 5);
    for (int k = 0; k < bars.size(); k++) {
      List<Bar> five = minutes.subList(5 * k, 5 * k + 5);
      Bar b = bars.get(k);
      assertThat(b.openTimeMillis()).isEqualTo(five.get(0).openTimeMillis());
      assertThat(b.closeTimeMillis()).isEqualTo(five.get(4).closeTimeMillis());
      assertThat(b.open()).isEqualTo(five.get(0).open());
      assertThat(b.high()).isEqualTo(five.stream().mapToLong(Bar::high).max().orElseThrow());
      assertThat(b.low()).isEqualTo(five.stream().mapToLong(Bar::low).min().orElseThrow());
      assertThat(b.close()).isEqualTo(five.get(4).close());
      assertThat(b.volume()).isEqualTo(five.stream().mapToLong(Bar::volume).sum());
    }
  }

  @Test
  void aReferenceStrategyBacktestsOverGrowwsCandles() {
    Instrument reliance = instruments.find(Exchange.NSE, "RELIANCE").orElseThrow();
    Instrument tcs = instruments.find(Exchange.NSE, "TCS").orElseThrow();
    GrowwHistoricalBars history = new GrowwHistoricalBars(client);
    BacktestConfig config = BacktestConfig.builder()
        .strategy(StrategyCatalog.standard().find("ema-cross"), Map.of("fast", "5", "slow", "20"))
        .instruments(List.of(reliance, tcs)).interval(BarInterval.M5).from(FROM).to(TO).data(history).build();
    int sessions = config.sessions().size();
    groww.fake.clearRequests();

    BacktestRun run = Backtest.run(config);
    BacktestRun again = Backtest.run(config);

    assertThat(sessions).isPositive();
    assertThat(run.sessions()).isEqualTo(sessions);
    assertThat(run.barsPerInstrument()).containsEntry(reliance.id(), 75L * sessions)
        .containsEntry(tcs.id(), 75L * sessions);
    assertThat(run.warnings()).isEmpty();
    assertThat(run.fills()).isNotEmpty();
    assertThat(again.fingerprint()).isEqualTo(run.fingerprint());
    assertThat(again.fills()).isEqualTo(run.fills());
    assertThat(groww.fake.requests("/v1/historical/candles")).hasSize(2 * sessions); // cached: asked once each
    assertThat(history.description()).contains("127.0.0.1");
  }
}
