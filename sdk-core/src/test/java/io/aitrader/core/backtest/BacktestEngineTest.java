package io.aitrader.core.backtest;

import static io.aitrader.core.testdata.TestInstruments.RELIANCE;
import static io.aitrader.core.testdata.TestInstruments.TCS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.NotFoundException;
import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.market.BarView;
import io.aitrader.api.order.OrderType;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.api.strategy.Strategy;
import io.aitrader.api.strategy.StrategyContext;
import io.aitrader.api.time.Ist;
import io.aitrader.api.time.TradingSession;
import io.aitrader.core.strategy.StrategyCatalog;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BacktestEngineTest {
  private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
  private static final LocalDate TO = LocalDate.of(2025, 1, 31);
  private static final List<Instrument> BOTH = List.of(RELIANCE, TCS);
  private static final List<Bar> DATA = WalkBars.of(BOTH, BarInterval.M5, FROM, TO, 7);

  private static BacktestConfig.Builder emaCross(List<Bar> data) {
    return BacktestConfig.builder().strategy(StrategyCatalog.standard().find("ema-cross"), Map.of("fast", "5", "slow", "20"))
        .instruments(BOTH).interval(BarInterval.M5).from(FROM).to(TO)
        .data(HistoricalBars.inMemory(data, "random walk"));
  }

  @Test
  void runsTheStrategyThroughTheAccountAndSamplesEquityAtEveryBarClose() {
    BacktestRun run = Backtest.run(emaCross(DATA).build());

    assertThat(run.sessions()).isEqualTo(23); // NSE trading days in January 2025
    assertThat(run.equity().size()).isEqualTo(23 * 75);
    assertThat(run.barsPerInstrument()).containsEntry("NSE:RELIANCE", 23L * 75).containsEntry("NSE:TCS", 23L * 75);
    assertThat(run.fills()).isNotEmpty();
    assertThat(run.fills()).allSatisfy(f -> assertThat(f.charges().total().units()).isPositive());
    assertThat(run.execution().openPositions()).as("MIS squared off every day").isEmpty();
    assertThat(run.warnings()).isEmpty();
    assertThat(run.fingerprint().bars()).isEqualTo(2L * 23 * 75);
    assertThat(run.fingerprint().parameters()).containsEntry("fast", "5").containsEntry("slow", "20")
        .containsEntry("product", "MIS");
    assertThat(run.fingerprint().chargesVersion()).contains("sha256:");
  }

  @Test
  void theSameConfigurationGivesAnIdenticalRun() {
    BacktestRun first = Backtest.run(emaCross(DATA).build());
    BacktestRun second = Backtest.run(emaCross(DATA).build());

    assertThat(second.fingerprint()).isEqualTo(first.fingerprint());
    assertThat(second.fills()).isEqualTo(first.fills());
    assertThat(second.equity()).isEqualTo(first.equity());
    assertThat(second.execution()).isEqualTo(first.execution());
  }

  @Test
  void theFingerprintChangesWithTheDataAndWithTheParameters() {
    RunFingerprint base = Backtest.run(emaCross(DATA).build()).fingerprint();
    RunFingerprint otherData = Backtest.run(emaCross(WalkBars.of(BOTH, BarInterval.M5, FROM, TO, 8)).build())
        .fingerprint();
    RunFingerprint otherParameters = Backtest.run(emaCross(DATA).parameters(Map.of("fast", "6", "slow", "20")).build())
        .fingerprint();

    assertThat(otherData.dataSha256()).isNotEqualTo(base.dataSha256());
    assertThat(otherParameters.dataSha256()).isEqualTo(base.dataSha256());
    assertThat(otherParameters.runId()).isNotEqualTo(base.runId());
    assertThat(Backtest.run(emaCross(DATA).build()).fingerprint().runId()).isEqualTo(base.runId());
  }

  /** Buys intraday on the first bar of every session and never sells. */
  static final class HoldsIntraday implements Strategy {
    @Override
    public String id() {
      return "holds";
    }

    @Override
    public void onStart(StrategyContext ctx) {
      ctx.subscribe(RELIANCE, BarInterval.M5);
    }

    @Override
    public void onBar(BarView bar, StrategyContext ctx) {
      if (Ist.at(bar.openTimeMillis()).toLocalTime().equals(LocalTime.of(9, 15))) {
        ctx.submit(ctx.newOrder(RELIANCE).side(Side.BUY).quantity(10).orderType(OrderType.MARKET).product(Product.MIS)
            .build());
      }
    }
  }

  @Test
  void intradayPositionsAreSquaredOffAtTheCutOffInTheNextBar() {
    BacktestRun run = Backtest.run(BacktestConfig.builder().strategy(new FixedFactory("holds", HoldsIntraday::new), Map.of())
        .instruments(List.of(RELIANCE)).interval(BarInterval.M5).from(FROM).to(LocalDate.of(2025, 1, 10))
        .data(HistoricalBars.inMemory(DATA, "random walk")).build());

    assertThat(run.fills()).hasSize(2 * 8); // 8 sessions: a buy and the square-off each
    for (ChargedFill f : run.fills()) {
      LocalTime at = Ist.at(f.fill().timestampMillis()).toLocalTime();
      assertThat(at).isEqualTo(f.fill().side() == Side.BUY ? LocalTime.of(9, 20) : LocalTime.of(15, 15));
    }
    assertThat(run.execution().openPositions()).isEmpty();
    assertThat(run.warnings()).isEmpty();
  }

  @Test
  void anInstrumentWithoutAnyBarsIsNamedWithTheDatesAndTheData() {
    List<Bar> relianceOnly = DATA.stream().filter(b -> b.instrument().equals(RELIANCE)).toList();

    assertThatThrownBy(() -> Backtest.run(emaCross(relianceOnly).build()))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("NSE:TCS").hasMessageContaining("2025-01-01").hasMessageContaining("2025-01-31")
        .hasMessageContaining("random walk");
  }

  @Test
  void sessionsWithoutBarsAreReportedAsWarnings() {
    LocalDate gap = LocalDate.of(2025, 1, 15);
    List<Bar> withGap = DATA.stream()
        .filter(b -> !(b.instrument().equals(TCS) && Ist.at(b.openTimeMillis()).toLocalDate().equals(gap))).toList();

    BacktestRun run = Backtest.run(emaCross(withGap).build());

    assertThat(run.warnings()).anySatisfy(w -> assertThat(w).contains("NSE:TCS").contains("1 of 23").contains("2025-01-15"));
  }

  @Test
  void aBarOfAnotherIntervalIsRefusedNamingIt() {
    List<Bar> wrong = new ArrayList<>(DATA);
    Bar first = DATA.get(0);
    wrong.set(0, new Bar(first.instrument(), BarInterval.M1, first.openTimeMillis(), first.openTimeMillis() + 60_000,
        first.open(), first.high(), first.low(), first.close(), first.volume(), first.turnover(), first.tradeCount(), true));
    HistoricalBars data = new HistoricalBars() {
      private final HistoricalBars inner = HistoricalBars.inMemory(DATA, "x");

      @Override
      public List<Bar> bars(Instrument instrument, BarInterval interval, TradingSession session) {
        List<Bar> bars = new ArrayList<>(inner.bars(instrument, interval, session));
        if (!bars.isEmpty() && bars.get(0).equals(first)) {
          bars.set(0, wrong.get(0));
        }
        return bars;
      }

      @Override
      public String description() {
        return "patched data";
      }
    };

    assertThatThrownBy(() -> Backtest.run(emaCross(DATA).data(data).build()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("patched data").hasMessageContaining("NSE:RELIANCE").hasMessageContaining("is a 1m bar");
  }

  @Test
  void onlyTheCalendarsTradingSessionsRun() {
    // February 2025: 20 weekdays, of which 26 Feb (Mahashivratri) is an NSE holiday
    LocalDate feb1 = LocalDate.of(2025, 2, 1);
    LocalDate feb28 = LocalDate.of(2025, 2, 28);
    List<Bar> feb = WalkBars.of(BOTH, BarInterval.M5, feb1, feb28, 3);
    BacktestRun run = Backtest.run(emaCross(feb).from(feb1).to(feb28).build());

    Set<LocalDate> days = new HashSet<>();
    for (int i = 0; i < run.equity().size(); i++) {
      days.add(Ist.at(run.equity().timeMillis(i)).toLocalDate());
    }
    assertThat(run.sessions()).isEqualTo(19);
    assertThat(days).hasSize(19).doesNotContain(LocalDate.of(2025, 2, 26));
  }

  @Test
  void datesWithoutAnySessionAreRefusedClearly() {
    assertThatThrownBy(() -> emaCross(DATA).from(LocalDate.of(2025, 1, 4)).to(LocalDate.of(2025, 1, 5)).build().sessions())
        .isInstanceOf(ValidationException.class).hasMessageContaining("no trading session between 2025-01-04 and 2025-01-05");
    assertThatThrownBy(() -> emaCross(DATA).from(LocalDate.of(2025, 2, 1)).to(LocalDate.of(2025, 1, 5)).build())
        .isInstanceOf(ValidationException.class).hasMessageContaining("before it starts");
  }
}
