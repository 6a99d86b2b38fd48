package io.aitrader.runtime.cli;

import io.aitrader.core.backtest.BacktestConfig;
import io.aitrader.core.backtest.WalkForward;
import io.aitrader.core.backtest.results.BacktestResult;
import io.aitrader.core.backtest.results.Metrics;
import io.aitrader.core.backtest.results.ReportFiles;
import io.aitrader.core.backtest.results.ReportTable;
import java.io.PrintWriter;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code aitrader walkforward}: rolling or anchored train/test windows; on each, the parameter grid is searched on
 * the train window and the best parameters run out of sample on the test window; the out-of-sample runs are
 * stitched into one equity curve and reported.
 */
@Command(name = "walkforward", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Walk-forward analysis: fit the parameter grid on each train window, run out of sample on the"
        + " following test window, stitch the out-of-sample results.",
        "Example: aitrader walkforward --strategy ema-cross --symbols RELIANCE,TCS --from 2025-01-01 --to 2025-12-31"
            + " --train 6m --test 1m --param fast=5,9,12 --param slow=21,26 --report out/"})
final class WalkForwardCommand implements Callable<Integer> {
  private static final Pattern PERIOD = Pattern.compile("(\\d+)([dwmy])");

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin
  BacktestOptions options = new BacktestOptions();

  @Option(names = "--train", defaultValue = "6m", paramLabel = "PERIOD",
      description = "Train window: a number and d, w, m or y (default: ${DEFAULT-VALUE}).")
  String train = "6m";

  @Option(names = "--test", defaultValue = "1m", paramLabel = "PERIOD", description = "Test window (default: ${DEFAULT-VALUE}).")
  String test = "1m";

  @Option(names = "--step", paramLabel = "PERIOD", description = "How far each window moves (default: the test window).")
  String step = "";

  @Option(names = "--anchored", description = "Every train window starts at --from (growing) instead of rolling.")
  boolean anchored;

  @Override
  public Integer call() {
    CommandLine cl = spec.commandLine();
    PrintWriter out = cl.getOut();
    PrintWriter err = cl.getErr();
    try {
      BacktestConfig config = options.config(cl, err);
      Map<String, List<String>> axes = options.axes(cl);
      Period testPeriod = period(cl, "--test", test);
      WalkForward wf;
      try {
        wf = WalkForward.builder(config).train(period(cl, "--train", train)).test(testPeriod)
            .step(step.isEmpty() ? testPeriod : period(cl, "--step", step)).anchored(anchored).grid(axes)
            .objective(options.objective()).threads(options.threads).build();
        wf.windows();
      } catch (io.aitrader.api.ValidationException e) {
        throw BacktestOptions.usage(cl, e.getMessage());
      }
      ProgressBar bar = new ProgressBar(err, "walk-forward", System.console() != null);
      long start = System.nanoTime();
      WalkForward.Result r = wf.run(bar::update);
      long elapsed = System.nanoTime() - start;
      ReportTable windows = table(r);
      out.printf(Locale.ROOT, "Walk-forward (%s, train %s, test %s, %s), %d windows, fitted by %s%n",
          anchored ? "anchored" : "rolling", train, test, axes.values().stream().anyMatch(v -> v.size() > 1)
              ? "grid " + ResultSummary.params(flatten(axes)) : "no grid: fixed parameters",
          r.windows().size(), r.objective());
      out.printf(Locale.ROOT, "  %-3s %-23s %-23s %-30s %10s %14s%n", "#", "train", "test", "parameters", "train score",
          "OOS net PnL");
      for (List<String> row : windows.rows()) {
        out.printf(Locale.ROOT, "  %-3s %-23s %-23s %-30s %10s %14s%n", row.get(0), row.get(1), row.get(2), row.get(3),
            row.get(4), row.get(5));
      }
      out.println();
      BacktestResult stitched = BacktestResult.of(r.stitched());
      int fits = axes.isEmpty() ? 0 : r.windows().size() * io.aitrader.core.backtest.ParameterSweep.grid(axes).size();
      out.printf(Locale.ROOT, "%d backtests (%d on train windows, %d out of sample) in %.2f s%n%n",
          fits + r.windows().size(), fits, r.windows().size(), elapsed / 1e9);
      ResultSummary.print(out, "Out of sample, stitched", stitched, -1);
      if (options.report != null) {
        ReportFiles files = ReportFiles.writeAll(stitched, options.report, List.of(windows));
        List<String> csv = new ArrayList<>();
        csv.add(String.join(",", windows.header()).replace(' ', '_').toLowerCase(Locale.ROOT));
        windows.rows().forEach(row -> csv.add(String.join(",", row.stream().map(c -> c.replace(',', ';')).toList())));
        BacktestCommand.write(options.report.resolve("windows.csv"), csv);
        out.println("  report    " + files.reportHtml() + " (open in a browser), " + files.resultJson() + ", "
            + files.tradesCsv() + ", " + options.report.resolve("windows.csv"));
      } else {
        out.println("  (add --report DIR for result.json, trades.csv, windows.csv and report.html)");
      }
      out.flush();
      return 0;
    } finally {
      options.close();
    }
  }

  private static ReportTable table(WalkForward.Result r) {
    List<List<String>> rows = new ArrayList<>();
    for (WalkForward.Window w : r.windows()) {
      Metrics m = BacktestResult.of(w.outOfSample()).metrics();
      rows.add(List.of(String.valueOf(w.span().index()), w.span().trainFrom() + ".." + w.span().trainTo(),
          w.span().testFrom() + ".." + w.span().testTo(), ResultSummary.params(w.parameters()),
          Double.isNaN(w.trainScore()) ? "n/a" : String.format(Locale.ROOT, "%.3f", w.trainScore()),
          ResultSummary.rupees(m.netPnl()), String.valueOf(m.trades())));
    }
    return new ReportTable("Walk-forward windows (fitted by " + r.objective() + " on train, run out of sample on test)",
        List.of("window", "train", "test", "parameters", "train score", "OOS net PnL", "OOS trades"), rows);
  }

  private static Map<String, String> flatten(Map<String, List<String>> axes) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    axes.forEach((k, v) -> m.put(k, String.join("|", v)));
    return m;
  }

  private static Period period(CommandLine cl, String option, String text) {
    Matcher m = PERIOD.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches() || Integer.parseInt(m.group(1)) == 0) {
      throw BacktestOptions.usage(cl, option + " '" + text + "' must be a positive number followed by d, w, m or y"
          + " (e.g. 6m, 2w, 1y)");
    }
    int n = Integer.parseInt(m.group(1));
    return switch (m.group(2)) {
      case "d" -> Period.ofDays(n);
      case "w" -> Period.ofWeeks(n);
      case "m" -> Period.ofMonths(n);
      default -> Period.ofYears(n);
    };
  }
}
