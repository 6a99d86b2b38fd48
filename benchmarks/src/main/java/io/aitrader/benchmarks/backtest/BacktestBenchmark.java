package io.aitrader.benchmarks.backtest;

import io.aitrader.core.backtest.Backtest;
import io.aitrader.core.backtest.BacktestConfig;
import io.aitrader.core.backtest.BacktestRun;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.jspecify.annotations.Nullable;
import org.ta4j.core.TradingRecord;

/**
 * One year (2025) of one-minute bars for 50 NSE equities (≈ 4.7 million bars, synthetic, seed 42) through an EMA
 * crossover (12/26, long only), end to end; this project's backtest engine against ta4j 0.17's
 * {@code BarSeriesManager} on the same bars and the same strategy. One op = one full-year run over all 50
 * instruments; bars/s = {@link YearOfMinuteBars#barCount} ÷ the time per op (printed by the setup).
 *
 * <p>Timed: {@link #aitrader} is {@code Backtest.run(config)} — building the run's services, then for every bar the
 * in-process bus, the Feature service (both EMAs), the strategy host and strategy, and for every order the risk
 * engine, the order service, the paper broker (fills at the next bar's open), Groww's charges and the portfolio,
 * the equity sampled at every time slot, DAY orders expired at each close, and the run's result. {@link #ta4j} is,
 * per instrument, building the {@link Ta4jEmaCross} strategy and running {@code BarSeriesManager} with
 * {@code TradeOnNextOpenModel} (zero costs) over the series. Not timed: generating the bars and converting them to
 * ta4j series ({@link YearOfMinuteBars#generate}, once per trial), and building the immutable configuration. Each
 * benchmark's trial keeps only its own copy of the bars (ours 0.5 GB of heap, ta4j's 1.7 GB), so neither run's garbage
 * collection works around the other's data.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar BacktestBenchmark -f 1 -wi 2 -i 3</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms8g", "-Xmx8g"})
public class BacktestBenchmark {
  private YearOfMinuteBars data;
  private @Nullable BacktestConfig config;

  /** Generates the bars and keeps the copy the benchmark about to run reads (its own trial, its own data). */
  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) {
    boolean ta4j = params.getBenchmark().endsWith(".ta4j");
    data = YearOfMinuteBars.generate(ta4j ? YearOfMinuteBars.Copies.TA4J : YearOfMinuteBars.Copies.AITRADER);
    config = ta4j ? null : data.aitraderConfig();
    System.out.println();
    System.out.println("# data: " + data.instruments.size() + " instruments, " + data.barCount + " one-minute bars, "
        + YearOfMinuteBars.FROM + " .. " + YearOfMinuteBars.TO + "; bars/s = " + data.barCount + " / (ms/op) × 1000");
  }

  /** This project: the full engine over every instrument at once. Returns the number of fills. */
  @Benchmark
  public int aitrader() {
    BacktestRun run = Backtest.run(Objects.requireNonNull(config, "config"));
    return run.fills().size();
  }

  /** ta4j: one {@code BarSeriesManager} run per instrument. Returns the number of positions. */
  @Benchmark
  public int ta4j() {
    List<TradingRecord> records = Ta4jEmaCross.run(data.series(), YearOfMinuteBars.FAST, YearOfMinuteBars.SLOW);
    int positions = 0;
    for (TradingRecord r : records) {
      positions += r.getPositionCount();
    }
    return positions;
  }
}
