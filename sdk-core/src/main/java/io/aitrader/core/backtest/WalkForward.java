package io.aitrader.core.backtest;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.ValidationException;
import io.aitrader.api.money.Money;
import io.aitrader.api.portfolio.Charges;
import io.aitrader.core.execution.ExecutionSummary;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Walk-forward analysis: the dates of a base configuration are cut into train/test windows — rolling (the train
 * window moves with the step) or anchored (it always starts at the first date) — and for each window the
 * strategy's parameters are fitted on the train window only (a grid search, best by the objective; with no grid
 * the base parameters are used) and then run out of sample on the test window. The out-of-sample runs follow one
 * another with the capital carried over, and are stitched into one run: its equity curve is the out-of-sample
 * curve.
 *
 * <pre>{@code
 * WalkForward.Result r = WalkForward.builder(config)            // config.from()..to(): the whole span
 *     .train(Period.ofMonths(6)).test(Period.ofMonths(1)).step(Period.ofMonths(1))
 *     .grid(Map.of("fast", List.of("5", "9", "12"), "slow", List.of("21", "26")))
 *     .objective(Objective.sharpe()).threads(2)
 *     .build().run(progress);
 * BacktestRun outOfSample = r.stitched();
 * }</pre>
 *
 * <p>Each test window starts with fresh services: indicators warm up again on its first bars, and positions are
 * not carried across windows (intraday strategies are flat every evening anyway; a delivery position open at a
 * window's end is reported in that window's run).
 */
public final class WalkForward {
  private final BacktestConfig base;
  private final Period train;
  private final Period test;
  private final Period step;
  private final boolean anchored;
  private final Map<String, List<String>> grid;
  private final Objective objective;
  private final int threads;

  private WalkForward(Builder b) {
    this.base = b.base;
    this.train = b.train;
    this.test = b.test;
    this.step = b.step;
    this.anchored = b.anchored;
    this.grid = Collections.unmodifiableMap(new TreeMap<>(b.grid));
    this.objective = b.objective;
    this.threads = b.threads;
    check(!train.isNegative() && !train.isZero(), "WalkForward.train", "must be a positive period", train);
    check(!test.isNegative() && !test.isZero(), "WalkForward.test", "must be a positive period", test);
    check(!step.isNegative() && !step.isZero(), "WalkForward.step", "must be a positive period", step);
    check(threads >= 1, "WalkForward.threads", "must be >= 1", threads);
    if (base.from().plus(step).isBefore(base.from().plus(test))) {
      throw new ValidationException("WalkForward.step", "the step " + step + " is shorter than the test window " + test
          + ": test windows would overlap and the out-of-sample curve could not be stitched; use a step of at least "
          + test);
    }
  }

  public static Builder builder(BacktestConfig base) {
    return new Builder(base);
  }

  /**
   * The windows between the base configuration's dates.
   *
   * @throws ValidationException when not even one train window plus one test window fits, saying how long the
   *                             span must be
   */
  public List<Span> windows() {
    List<Span> out = new ArrayList<>();
    LocalDate from = base.from();
    for (int i = 0; ; i++) {
      LocalDate trainFrom = anchored ? from : from.plus(multiply(step, i));
      LocalDate testFrom = from.plus(multiply(step, i)).plus(train);
      if (testFrom.isAfter(base.to())) {
        break;
      }
      LocalDate testTo = min(testFrom.plus(test).minusDays(1), base.to());
      out.add(new Span(i + 1, trainFrom, testFrom.minusDays(1), testFrom, testTo));
    }
    if (out.isEmpty()) {
      throw new ValidationException("WalkForward.dates", "the span " + base.from() + " to " + base.to()
          + " is too short for a " + train + " train window followed by a test window; give a --from at least "
          + train + " plus " + test + " before --to");
    }
    return out;
  }

  /** Runs every window; {@code progress} counts runs (grid points per window plus the out-of-sample run). */
  public Result run(ParameterSweep.Progress progress) {
    List<Span> spans = windows();
    List<Map<String, String>> points = ParameterSweep.grid(grid);
    boolean fit = !grid.isEmpty();
    int total = spans.size() * ((fit ? points.size() : 0) + 1);
    int[] done = {0};
    List<Window> windows = new ArrayList<>();
    Money capital = base.startingCash();
    for (Span span : spans) {
      Map<String, String> chosen = Map.of();
      double trainScore = Double.NaN;
      if (fit) {
        BacktestConfig trainConfig = base.toBuilder().from(span.trainFrom()).to(span.trainTo()).build();
        int before = done[0];
        List<ParameterSweep.Point> results = ParameterSweep.run(trainConfig, points, threads,
            (d, t) -> progress.runDone(before + d, total));
        done[0] += points.size();
        ParameterSweep.Point best = ParameterSweep.best(results, objective);
        chosen = best.parameters();
        trainScore = objective.of(best.run());
      }
      BacktestConfig testConfig = base.toBuilder().from(span.testFrom()).to(span.testTo()).startingCash(capital)
          .parameters(fit ? chosen : baseGiven()).build();
      BacktestRun oos = Backtest.run(testConfig);
      progress.runDone(++done[0], total);
      windows.add(new Window(span, testConfig.parameters().values(), trainScore, oos));
      capital = oos.equity().lastEquity(capital);
    }
    return new Result(windows, stitch(windows), objective.name(), grid, anchored);
  }

  private Map<String, String> baseGiven() {
    return base.parameters().values();
  }

  private BacktestRun stitch(List<Window> windows) {
    BacktestRun first = windows.get(0).outOfSample();
    BacktestRun last = windows.get(windows.size() - 1).outOfSample();
    int points = 0;
    for (Window w : windows) {
      points += w.outOfSample().equity().size();
    }
    EquitySeries.Builder equity = EquitySeries.builder(points);
    List<ChargedFill> fills = new ArrayList<>();
    Map<String, Long> bars = new TreeMap<>();
    List<String> warnings = new ArrayList<>();
    long submitted = 0, placed = 0, filled = 0, partial = 0, cancelled = 0, rejected = 0, fillCount = 0;
    Map<String, Long> reasons = new LinkedHashMap<>();
    Charges charges = Charges.NONE;
    Money realized = Money.ZERO, gross = Money.ZERO, net = Money.ZERO;
    int sessions = 0;
    StringBuilder dataHashes = new StringBuilder();
    long barCount = 0;
    for (Window w : windows) {
      BacktestRun r = w.outOfSample();
      EquitySeries e = r.equity();
      for (int i = 0; i < e.size(); i++) {
        equity.add(e.timeMillis(i), e.equityUnits(i), e.grossExposureUnits(i));
      }
      fills.addAll(r.fills());
      r.barsPerInstrument().forEach((k, v) -> bars.merge(k, v, Long::sum));
      for (String warning : r.warnings()) {
        warnings.add("window " + w.span().index() + ": " + warning);
      }
      ExecutionSummary s = r.execution();
      submitted += s.submitted();
      placed += s.placed();
      filled += s.filled();
      partial += s.partiallyFilled();
      cancelled += s.cancelled();
      rejected += s.rejected();
      fillCount += s.fills();
      s.rejectionReasons().forEach((k, v) -> reasons.merge(k, v, Long::sum));
      charges = charges.plus(s.charges());
      realized = realized.plus(s.realizedPnl());
      gross = gross.plus(s.grossPnl());
      net = net.plus(s.netPnl());
      sessions += r.sessions();
      dataHashes.append(r.fingerprint().dataSha256()).append('\n');
      barCount += r.fingerprint().bars();
    }
    ExecutionSummary lastSummary = last.execution();
    ExecutionSummary summary = new ExecutionSummary(submitted, placed, filled, partial, cancelled, rejected, reasons,
        fillCount, charges, realized, lastSummary.unrealizedPnl(), gross, net, lastSummary.openPositions());
    SortedMap<String, String> described = new TreeMap<>();
    described.put("walkforward.mode", anchored ? "anchored" : "rolling");
    described.put("walkforward.train", train.toString());
    described.put("walkforward.test", test.toString());
    described.put("walkforward.step", step.toString());
    described.put("walkforward.objective", objective.name());
    grid.forEach((k, v) -> described.put("grid." + k, String.join("|", v)));
    RunSettings s0 = first.settings();
    RunSettings settings = new RunSettings(s0.strategyId(), described, s0.instruments(), s0.interval(),
        first.settings().from(), last.settings().to(), base.startingCash(), s0.data(), s0.fillConvention(),
        s0.charges());
    RunFingerprint f0 = first.fingerprint();
    RunFingerprint fingerprint = new RunFingerprint(sha256(dataHashes.toString()), barCount, f0.strategyId(), described,
        f0.modelVersion(), f0.chargesVersion(), f0.codeVersion());
    return new BacktestRun(settings, fingerprint, equity.build(), fills, summary, bars, sessions, warnings);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static Period multiply(Period p, int n) {
    return Period.of(p.getYears() * n, p.getMonths() * n, p.getDays() * n);
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  /**
   * One window's dates (inclusive).
   *
   * @param index 1-based window number
   */
  public record Span(int index, LocalDate trainFrom, LocalDate trainTo, LocalDate testFrom, LocalDate testTo) {}

  /**
   * One window's outcome.
   *
   * @param span        its dates
   * @param parameters  the parameters run out of sample (chosen on the train window when fitting), all of them
   * @param trainScore  the objective's score of the chosen parameters on the train window, NaN without a fit
   * @param outOfSample the out-of-sample run on the test window
   */
  public record Window(Span span, SortedMap<String, String> parameters, double trainScore, BacktestRun outOfSample) {
    public Window {
      required(span, "Window.span");
      parameters = Collections.unmodifiableSortedMap(new TreeMap<>(required(parameters, "Window.parameters")));
      required(outOfSample, "Window.outOfSample");
    }
  }

  /**
   * The analysis: every window, the stitched out-of-sample run (its equity is the out-of-sample curve, its fills
   * every window's), the objective's name, the grid and the mode.
   */
  public record Result(List<Window> windows, BacktestRun stitched, String objective, Map<String, List<String>> grid,
      boolean anchored) {
    public Result {
      windows = List.copyOf(windows);
      required(stitched, "Result.stitched");
      grid = Collections.unmodifiableMap(new TreeMap<>(grid));
    }
  }

  /** Builds a {@link WalkForward}; defaults: train 6 months, test 1 month, step 1 month, rolling, no grid, Sharpe. */
  public static final class Builder {
    private final BacktestConfig base;
    private Period train = Period.ofMonths(6);
    private Period test = Period.ofMonths(1);
    private Period step = Period.ofMonths(1);
    private boolean anchored;
    private Map<String, List<String>> grid = Map.of();
    private Objective objective = Objective.sharpe();
    private int threads = 1;

    private Builder(BacktestConfig base) {
      this.base = required(base, "WalkForward.base");
    }

    public Builder train(Period v) { this.train = required(v, "WalkForward.train"); return this; }

    public Builder test(Period v) { this.test = required(v, "WalkForward.test"); return this; }

    public Builder step(Period v) { this.step = required(v, "WalkForward.step"); return this; }

    /** Train windows all start at the first date (growing) instead of rolling forward. */
    public Builder anchored(boolean v) { this.anchored = v; return this; }

    /** The parameter values to search on each train window; empty: no fit, the base parameters throughout. */
    public Builder grid(Map<String, List<String>> v) { this.grid = Map.copyOf(required(v, "WalkForward.grid")); return this; }

    public Builder objective(Objective v) { this.objective = required(v, "WalkForward.objective"); return this; }

    /** Threads for each window's grid search. */
    public Builder threads(int v) { this.threads = v; return this; }

    public WalkForward build() {
      return new WalkForward(this);
    }
  }
}
