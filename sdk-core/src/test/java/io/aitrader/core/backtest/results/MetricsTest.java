package io.aitrader.core.backtest.results;

import static io.aitrader.core.backtest.results.TestRuns.INFY;
import static io.aitrader.core.backtest.results.TestRuns.RELIANCE;
import static io.aitrader.core.backtest.results.TestRuns.fill;
import static io.aitrader.core.backtest.results.TestRuns.ist;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.aitrader.api.money.Money;
import io.aitrader.api.order.Side;
import io.aitrader.core.backtest.BacktestRun;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class MetricsTest {
  private static final Offset<Double> EPS = within(1e-9);
  private static final long DAY = 86_400_000L;

  /** Daily closes 102000, 99960, 101959.2, 102978.792 from ₹1,00,000: returns +2 %, -2 %, +2 %, +1 %. */
  private static BacktestRun fourDays() {
    return TestRuns.run()
        .point("2025-01-06T10:00", "101000", "50000")
        .point("2025-01-06T15:30", "102000", "50000")
        .point("2025-01-07T15:30", "99960", "0")
        .point("2025-01-08T15:30", "101959.2", "0")
        .point("2025-01-09T15:30", "102978.792", "0")
        .build();
  }

  @Test
  void computesReturnRatiosFromTheLastPointOfEachDay() {
    Metrics m = BacktestResult.of(fourDays()).metrics();

    // hand calculation: r = [0.02, -0.02, 0.02, 0.01], mean 0.0075, deviations 0.0125 -0.0275 0.0125 0.0025
    double sampleStdev = Math.sqrt((0.00015625 + 0.00075625 + 0.00015625 + 0.00000625) / 3);
    double downside = Math.sqrt(0.0004 / 4);
    assertThat(m.tradingDays()).isEqualTo(4);
    assertThat(m.startingEquity()).isEqualTo(Money.of("100000"));
    assertThat(m.endingEquity()).isEqualTo(Money.of("102978.792"));
    assertThat(m.netPnl()).isEqualTo(Money.of("2978.792"));
    assertThat(m.totalReturn().getAsDouble()).isCloseTo(0.02978792, EPS);
    assertThat(m.annualizedReturn().getAsDouble()).isCloseTo(Math.pow(1.02978792, 252.0 / 4) - 1, within(1e-9));
    assertThat(m.annualizedVolatility().getAsDouble()).isCloseTo(sampleStdev * Math.sqrt(252), EPS);
    assertThat(m.sharpe().getAsDouble()).isCloseTo(0.0075 / sampleStdev * Math.sqrt(252), EPS);
    assertThat(m.sortino().getAsDouble()).isCloseTo(0.0075 / downside * Math.sqrt(252), EPS);
    assertThat(m.sortino().getAsDouble()).isCloseTo(11.905880899, within(1e-8));
  }

  @Test
  void measuresTheMaxDrawdownItsDurationAndCalmar() {
    Metrics m = BacktestResult.of(fourDays()).metrics();

    assertThat(m.maxDrawdown()).isCloseTo(2040.0 / 102000, EPS);
    assertThat(m.maxDrawdownMoney()).isEqualTo(Money.of("2040"));
    assertThat(m.maxDrawdownDurationMillis()).isEqualTo(3 * DAY);
    assertThat(m.maxDrawdownDurationStartMillis()).isEqualTo(OptionalLong.of(ist("2025-01-06T15:30")));
    assertThat(m.maxDrawdownDurationEndMillis()).isEqualTo(OptionalLong.of(ist("2025-01-09T15:30")));
    assertThat(m.maxDrawdownRecovered()).isTrue();
    assertThat(m.calmar().getAsDouble()).isCloseTo(m.annualizedReturn().getAsDouble() / 0.02, within(1e-6));
  }

  @Test
  void theLongestDrawdownRunsToTheLastPointWhenNeverRecovered() {
    BacktestRun run = TestRuns.run()
        .point("2025-01-06T10:00", "100000", "0")
        .point("2025-01-06T11:00", "110000", "0")
        .point("2025-01-06T12:00", "99000", "0")
        .point("2025-01-06T13:00", "110000", "0")   // back at the peak: recovered after 2 h
        .point("2025-01-07T10:00", "108000", "0")
        .point("2025-01-08T10:00", "109000", "0")
        .build();

    Metrics m = BacktestResult.of(run).metrics();

    assertThat(m.maxDrawdown()).isCloseTo(0.1, EPS);
    assertThat(m.maxDrawdownMoney()).isEqualTo(Money.of("11000"));
    assertThat(m.maxDrawdownDurationMillis()).isEqualTo(ist("2025-01-08T10:00") - ist("2025-01-06T13:00"));
    assertThat(m.maxDrawdownDurationStartMillis()).isEqualTo(OptionalLong.of(ist("2025-01-06T13:00")));
    assertThat(m.maxDrawdownDurationEndMillis()).isEqualTo(OptionalLong.of(ist("2025-01-08T10:00")));
    assertThat(m.maxDrawdownRecovered()).isFalse();
  }

  @Test
  void theStartingCashIsTheFirstPeak() {
    BacktestRun run = TestRuns.run()
        .point("2025-01-06T10:00", "99000", "0")
        .point("2025-01-06T12:00", "100000", "0")
        .build();

    Metrics m = BacktestResult.of(run).metrics();

    assertThat(m.maxDrawdown()).isCloseTo(0.01, EPS);
    assertThat(m.maxDrawdownDurationMillis()).isEqualTo(2 * 3_600_000L);
    assertThat(m.maxDrawdownRecovered()).isTrue();
  }

  @Test
  void computesTradeStatisticsFromNetPnl() {
    String[] exits = {"1100", "1050.0001", "970", "980", "1000"};   // net +100, +50.0001, -30, -20, 0
    TestRuns.Builder b = TestRuns.run().point("2025-01-06T15:30", "100100.0001", "0");
    for (int i = 0; i < exits.length; i++) {
      b.fill(fill(RELIANCE, Side.BUY, 1, "1000", "2025-01-06T1" + i + ":00", "0"));
      b.fill(fill(RELIANCE, Side.SELL, 1, exits[i], "2025-01-06T1" + i + ":30", "0"));
    }

    Metrics m = BacktestResult.of(b.build()).metrics();

    assertThat(m.trades()).isEqualTo(5);
    assertThat(m.winningTrades()).isEqualTo(2);
    assertThat(m.losingTrades()).isEqualTo(2);
    assertThat(m.winRate().getAsDouble()).isCloseTo(0.4, EPS);
    assertThat(m.profitFactor().getAsDouble()).isCloseTo(150.0001 / 50, EPS);
    assertThat(m.averageWin()).contains(Money.of("75.0000"));      // 75.00005 rounds half-even to 75.0000
    assertThat(m.averageLoss()).contains(Money.of("-25"));
    assertThat(m.expectancy()).contains(Money.of("20.0000"));      // 100.0001 / 5 = 20.00002
  }

  @Test
  void computesExposureTurnoverAndTheChargesShareOfGrossPnl() {
    BacktestRun run = TestRuns.run()
        .fill(fill(RELIANCE, Side.BUY, 10, "100", "2025-01-06T10:00", "10"))
        .fill(fill(RELIANCE, Side.SELL, 10, "112", "2025-01-06T11:00", "20"))
        .point("2025-01-06T10:00", "99990", "1000")
        .point("2025-01-06T10:30", "100040", "1050")
        .point("2025-01-06T11:00", "100090", "0")
        .point("2025-01-06T11:30", "100090", "0")
        .bars("NSE:RELIANCE", 4)
        .build();

    BacktestResult r = BacktestResult.of(run);
    Metrics m = r.metrics();

    assertThat(m.exposure().getAsDouble()).isCloseTo(0.5, EPS);
    assertThat(m.averageGrossExposure()).isEqualTo(Money.of("512.5"));
    assertThat(m.tradedValue()).isEqualTo(Money.of("2120"));
    assertThat(m.turnover().getAsDouble()).isCloseTo(2120 / ((99990 + 100040 + 100090 + 100090) / 4.0), EPS);
    assertThat(m.charges()).isEqualTo(Money.of("30"));
    assertThat(m.chargeItems().brokerage()).isEqualTo(Money.of("30"));
    assertThat(m.netPnl()).isEqualTo(Money.of("90"));
    assertThat(m.grossPnl()).isEqualTo(Money.of("120"));
    assertThat(m.chargesShareOfGross().getAsDouble()).isCloseTo(0.25, EPS);
    assertThat(r.perInstrument()).extracting(InstrumentMetrics::instrumentId)
        .containsExactly(INFY.id(), RELIANCE.id());
    assertThat(r.perInstrument().get(1)).isEqualTo(new InstrumentMetrics(RELIANCE.id(), 4, 1, 1,
        OptionalDouble.of(1.0), Money.of("2120"), Money.of("120"), Money.of("30"), Money.of("90")));
    assertThat(r.perInstrument().get(0).trades()).isZero();
    assertThat(r.perInstrument().get(0).winRate()).isEmpty();
  }

  @Test
  void everyUndefinedRatioIsEmptyForARunWithoutPointsOrTrades() {
    Metrics m = BacktestResult.of(TestRuns.run().build()).metrics();

    assertThat(m.trades()).isZero();
    assertThat(m.tradingDays()).isZero();
    assertThat(m.endingEquity()).isEqualTo(Money.of("100000"));
    assertThat(m.totalReturn()).hasValue(0.0);
    assertThat(m.annualizedReturn()).isEmpty();
    assertThat(m.annualizedVolatility()).isEmpty();
    assertThat(m.sharpe()).isEmpty();
    assertThat(m.sortino()).isEmpty();
    assertThat(m.calmar()).isEmpty();
    assertThat(m.maxDrawdown()).isZero();
    assertThat(m.maxDrawdownDurationMillis()).isZero();
    assertThat(m.maxDrawdownDurationStartMillis()).isEmpty();
    assertThat(m.winRate()).isEmpty();
    assertThat(m.profitFactor()).isEmpty();
    assertThat(m.averageWin()).isEmpty();
    assertThat(m.averageLoss()).isEmpty();
    assertThat(m.expectancy()).isEmpty();
    assertThat(m.exposure()).isEmpty();
    assertThat(m.turnover()).isEmpty();
    assertThat(m.chargesShareOfGross()).isEmpty();
    assertThat(m.averageGrossExposure()).isEqualTo(Money.ZERO);
  }

  @Test
  void flatEquityHasZeroVolatilityButNoSharpeSortinoOrCalmar() {
    BacktestRun run = TestRuns.run()
        .point("2025-01-06T15:30", "100000", "0")
        .point("2025-01-07T15:30", "100000", "0")
        .point("2025-01-08T15:30", "100000", "0")
        .build();

    Metrics m = BacktestResult.of(run).metrics();

    assertThat(m.annualizedVolatility()).hasValue(0.0);
    assertThat(m.sharpe()).isEmpty();
    assertThat(m.sortino()).isEmpty();
    assertThat(m.calmar()).isEmpty();
    assertThat(m.annualizedReturn()).hasValue(0.0);
    assertThat(m.maxDrawdownRecovered()).isTrue();
  }

  @Test
  void equalNonZeroDailyReturnsHaveNoSharpeDespiteRounding() {
    BacktestRun run = TestRuns.run()
        .point("2025-01-06T15:30", "110000", "0")
        .point("2025-01-07T15:30", "121000", "0")
        .point("2025-01-08T15:30", "133100", "0")
        .build();

    Metrics m = BacktestResult.of(run).metrics();

    assertThat(m.sharpe()).isEmpty();
    assertThat(m.sortino()).isEmpty();
  }

  @Test
  void onlyWinningTradesLeaveTheProfitFactorAndAverageLossUndefined() {
    BacktestRun run = TestRuns.run()
        .fill(fill(RELIANCE, Side.BUY, 1, "100", "2025-01-06T10:00", "0"))
        .fill(fill(RELIANCE, Side.SELL, 1, "101", "2025-01-06T11:00", "0"))
        .point("2025-01-06T15:30", "100001", "0")
        .build();

    Metrics m = BacktestResult.of(run).metrics();

    assertThat(m.profitFactor()).isEmpty();
    assertThat(m.averageLoss()).isEmpty();
    assertThat(m.averageWin()).isEqualTo(Optional.of(Money.of("1")));
    assertThat(m.winRate()).hasValue(1.0);
  }

  @Test
  void aWipedOutAccountHasAnAnnualizedReturnOfMinusOne() {
    BacktestRun run = TestRuns.run().point("2025-01-06T15:30", "-10", "0").build();

    Metrics m = BacktestResult.of(run).metrics();

    assertThat(m.annualizedReturn()).hasValue(-1.0);
    assertThat(m.totalReturn().getAsDouble()).isCloseTo(-1.0001, EPS);
    assertThat(m.maxDrawdown()).isCloseTo(1.0001, EPS);
  }

  @Test
  void compoundsMonthlyReturnsFromDailyReturns() {
    BacktestRun run = TestRuns.run()
        .point("2025-01-30T10:00", "100500", "0")
        .point("2025-01-30T15:30", "101000", "0")
        .point("2025-01-31T15:30", "103020", "0")
        .point("2025-02-03T15:30", "101989.8", "0")
        .build();

    BacktestResult r = BacktestResult.of(run);

    assertThat(r.dailyEquity()).containsExactly(
        org.assertj.core.api.Assertions.entry(LocalDate.of(2025, 1, 30), Money.of("101000")),
        org.assertj.core.api.Assertions.entry(LocalDate.of(2025, 1, 31), Money.of("103020")),
        org.assertj.core.api.Assertions.entry(LocalDate.of(2025, 2, 3), Money.of("101989.8")));
    assertThat(r.monthlyReturns()).containsOnlyKeys(YearMonth.of(2025, 1), YearMonth.of(2025, 2));
    assertThat(r.monthlyReturns().get(YearMonth.of(2025, 1))).isCloseTo(1.01 * 1.02 - 1, EPS);
    assertThat(r.monthlyReturns().get(YearMonth.of(2025, 2))).isCloseTo(-0.01, EPS);
  }

  @Test
  void theSameRunGivesAnEqualResult() {
    assertThat(BacktestResult.of(fourDays())).isEqualTo(BacktestResult.of(fourDays()));
  }
}
