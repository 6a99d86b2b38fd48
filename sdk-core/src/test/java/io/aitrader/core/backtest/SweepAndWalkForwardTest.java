package io.aitrader.core.backtest;

import static io.aitrader.core.testdata.TestInstruments.RELIANCE;
import static io.aitrader.core.testdata.TestInstruments.TCS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.core.strategy.StrategyCatalog;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class SweepAndWalkForwardTest {
  private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
  private static final LocalDate TO = LocalDate.of(2025, 4, 30);
  private static final List<Instrument> BOTH = List.of(RELIANCE, TCS);
  private static final List<Bar> DATA = WalkBars.of(BOTH, BarInterval.M5, FROM, TO, 5);

  private static BacktestConfig config() {
    return BacktestConfig.builder().strategy(StrategyCatalog.standard().find("ema-cross"), Map.of())
        .instruments(BOTH).interval(BarInterval.M5).from(FROM).to(TO)
        .data(HistoricalBars.inMemory(DATA, "random walk")).build();
  }

  @Test
  void theGridIsTheCartesianProductWithSortedNamesVaryingSlowestFirst() {
    List<Map<String, String>> grid = ParameterSweep.grid(Map.of("slow", List.of("20", "30"), "fast", List.of("5", "8")));

    assertThat(grid).containsExactly(Map.of("fast", "5", "slow", "20"), Map.of("fast", "5", "slow", "30"),
        Map.of("fast", "8", "slow", "20"), Map.of("fast", "8", "slow", "30"));
    assertThat(ParameterSweep.grid(Map.of())).containsExactly(Map.of());
  }

  @Test
  void aParallelSweepGivesTheSameRunsInGridOrderAsASequentialOne() {
    BacktestConfig base = config().toBuilder().to(LocalDate.of(2025, 1, 31)).build();
    List<Map<String, String>> grid = ParameterSweep.grid(Map.of("fast", List.of("5", "8", "12"), "slow", List.of("26", "40")));
    List<int[]> progress = new CopyOnWriteArrayList<>();

    List<ParameterSweep.Point> parallel = ParameterSweep.run(base, grid, 2, (d, t) -> progress.add(new int[] {d, t}));
    List<ParameterSweep.Point> sequential = ParameterSweep.run(base, grid, 1, ParameterSweep.Progress.NONE);

    assertThat(parallel).hasSize(6);
    for (int i = 0; i < 6; i++) {
      assertThat(parallel.get(i).parameters()).isEqualTo(grid.get(i));
      assertThat(parallel.get(i).run().fingerprint()).isEqualTo(sequential.get(i).run().fingerprint());
      assertThat(parallel.get(i).run().fills()).isEqualTo(sequential.get(i).run().fills());
      assertThat(parallel.get(i).run().equity()).isEqualTo(sequential.get(i).run().equity());
    }
    assertThat(progress).hasSize(6).allSatisfy(p -> assertThat(p[1]).isEqualTo(6));
    assertThat(progress.stream().mapToInt(p -> p[0]).sorted().toArray()).containsExactly(1, 2, 3, 4, 5, 6);
  }

  @Test
  void theBestPointHasTheHighestScoreAndTiesGoToTheEarliest() {
    BacktestConfig base = config().toBuilder().to(LocalDate.of(2025, 1, 31)).build();
    List<ParameterSweep.Point> points = ParameterSweep.run(base,
        ParameterSweep.grid(Map.of("fast", List.of("5", "8", "12"))), 1, ParameterSweep.Progress.NONE);
    Objective pnl = Objective.netPnl();

    ParameterSweep.Point best = ParameterSweep.best(points, pnl);

    assertThat(points).allSatisfy(p -> assertThat(pnl.of(p.run())).isLessThanOrEqualTo(pnl.of(best.run())));
    Objective flat = new Objective("flat", r -> 1.0);
    assertThat(ParameterSweep.best(points, flat)).isSameAs(points.get(0));
  }

  @Test
  void anInvalidGridPointIsRefusedBeforeAnythingRuns() {
    assertThatThrownBy(() -> ParameterSweep.run(config(), List.of(Map.of("fast", "5"), Map.of("fsat", "5")), 2,
        ParameterSweep.Progress.NONE))
        .isInstanceOf(ValidationException.class).hasMessageContaining("fsat").hasMessageContaining("fast, notional, product, slow");
  }

  @Test
  void rollingAndAnchoredWindowsCoverTheSpan() {
    WalkForward rolling = WalkForward.builder(config()).train(Period.ofMonths(2)).test(Period.ofMonths(1)).build();
    WalkForward anchored = WalkForward.builder(config()).train(Period.ofMonths(2)).test(Period.ofMonths(1))
        .anchored(true).build();

    assertThat(rolling.windows()).containsExactly(
        new WalkForward.Span(1, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 2, 28), LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31)),
        new WalkForward.Span(2, LocalDate.of(2025, 2, 1), LocalDate.of(2025, 3, 31), LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 30)));
    assertThat(anchored.windows()).extracting(WalkForward.Span::trainFrom).containsOnly(LocalDate.of(2025, 1, 1));
    assertThat(anchored.windows()).extracting(WalkForward.Span::trainTo)
        .containsExactly(LocalDate.of(2025, 2, 28), LocalDate.of(2025, 3, 31));
  }

  @Test
  void aSpanTooShortOrOverlappingTestWindowsAreRefusedClearly() {
    assertThatThrownBy(() -> WalkForward.builder(config()).train(Period.ofMonths(6)).build().windows())
        .isInstanceOf(ValidationException.class).hasMessageContaining("too short").hasMessageContaining("P6M");
    assertThatThrownBy(() -> WalkForward.builder(config()).test(Period.ofMonths(2)).step(Period.ofMonths(1)).build())
        .isInstanceOf(ValidationException.class).hasMessageContaining("overlap");
  }

  @Test
  void eachWindowIsFittedOnItsTrainDatesOnlyAndTheOutOfSampleRunsAreStitchedWithCapitalCarried() {
    Map<String, List<String>> grid = Map.of("fast", List.of("5", "9"), "slow", List.of("26", "40"));
    List<int[]> progress = new ArrayList<>();
    WalkForward.Result r = WalkForward.builder(config()).train(Period.ofMonths(2)).test(Period.ofMonths(1))
        .grid(grid).objective(Objective.netPnl()).threads(2).build()
        .run((d, t) -> progress.add(new int[] {d, t}));

    assertThat(r.windows()).hasSize(2);
    assertThat(progress).hasSize(2 * (4 + 1));
    for (WalkForward.Window w : r.windows()) {
      BacktestRun trainAgain = Backtest.run(config().toBuilder().from(w.span().trainFrom()).to(w.span().trainTo())
          .parameters(w.parameters()).build());
      assertThat(Objective.netPnl().of(trainAgain)).as("the chosen parameters' score is their train-window score")
          .isEqualTo(w.trainScore());
      for (Map<String, String> other : ParameterSweep.grid(grid)) {
        BacktestRun alt = Backtest.run(config().toBuilder().from(w.span().trainFrom()).to(w.span().trainTo())
            .parameters(other).build());
        assertThat(Objective.netPnl().of(alt)).isLessThanOrEqualTo(w.trainScore());
      }
      assertThat(w.outOfSample().settings().from()).isEqualTo(w.span().testFrom());
      assertThat(w.outOfSample().settings().to()).isEqualTo(w.span().testTo());
    }
    BacktestRun first = r.windows().get(0).outOfSample();
    BacktestRun second = r.windows().get(1).outOfSample();
    assertThat(second.settings().startingCash()).isEqualTo(first.equity().lastEquity(first.settings().startingCash()));
    assertThat(r.stitched().equity().size()).isEqualTo(first.equity().size() + second.equity().size());
    assertThat(r.stitched().fills()).hasSize(first.fills().size() + second.fills().size());
    assertThat(r.stitched().equity().lastEquity(first.settings().startingCash()))
        .isEqualTo(second.equity().lastEquity(second.settings().startingCash()));
    assertThat(r.stitched().settings().parameters()).containsEntry("grid.fast", "5|9").containsEntry("walkforward.train", "P2M");
  }
}
