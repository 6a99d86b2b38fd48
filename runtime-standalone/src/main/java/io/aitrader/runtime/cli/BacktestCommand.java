package io.aitrader.runtime.cli;

import io.aitrader.core.backtest.Backtest;
import io.aitrader.core.backtest.BacktestConfig;
import io.aitrader.core.backtest.BacktestRun;
import io.aitrader.core.backtest.Objective;
import io.aitrader.core.backtest.ParameterSweep;
import io.aitrader.core.backtest.results.BacktestResult;
import io.aitrader.core.backtest.results.Metrics;
import io.aitrader.core.backtest.results.ReportFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code aitrader backtest}: one strategy over history through the same services as live trading, or — when a
 * {@code --param} lists several values — a parameter sweep run in parallel, ranked by the objective.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Backtest a strategy over stored, CSV or synthetic bars and report the results.",
        "Example: aitrader backtest --strategy ema-rsi --symbols RELIANCE,TCS --from 2025-01-01 --to 2025-06-30"
            + " --interval 5m --report out/",
        "Several values for a parameter (--param fast=5,9,12) run a parameter sweep in parallel."})
final class BacktestCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin
  BacktestOptions options = new BacktestOptions();

  @Override
  public Integer call() {
    CommandLine cl = spec.commandLine();
    PrintWriter out = cl.getOut();
    PrintWriter err = cl.getErr();
    try {
      BacktestConfig config = options.config(cl, err);
      Map<String, List<String>> axes = options.axes(cl);
      boolean sweep = axes.values().stream().anyMatch(v -> v.size() > 1);
      return sweep ? sweep(config, axes, out, err) : single(config, out, err);
    } finally {
      options.close();
    }
  }

  private int single(BacktestConfig config, PrintWriter out, PrintWriter err) {
    ProgressBar bar = new ProgressBar(err, "backtest", System.console() != null);
    long start = System.nanoTime();
    BacktestRun run = Backtest.run(config, bar::update);
    long elapsed = System.nanoTime() - start;
    BacktestResult result = BacktestResult.of(run);
    ResultSummary.print(out, "Backtest", result, elapsed);
    writeReport(result, out, List.of());
    out.flush();
    return 0;
  }

  private int sweep(BacktestConfig config, Map<String, List<String>> axes, PrintWriter out, PrintWriter err) {
    List<Map<String, String>> grid = ParameterSweep.grid(axes);
    Objective objective = options.objective();
    int threads = Math.min(options.threads, grid.size());
    err.println("aitrader: sweeping " + grid.size() + " parameter sets on " + threads + " thread" + (threads > 1 ? "s" : ""));
    ProgressBar bar = new ProgressBar(err, "sweep", System.console() != null);
    long start = System.nanoTime();
    List<ParameterSweep.Point> points = ParameterSweep.run(config, grid, threads, bar::update);
    long elapsed = System.nanoTime() - start;
    ParameterSweep.Point best = ParameterSweep.best(points, objective);
    List<ParameterSweep.Point> ranked = new ArrayList<>(points);
    ranked.sort(Comparator.comparingDouble((ParameterSweep.Point p) -> objective.of(p.run())).reversed());
    long bars = points.stream().mapToLong(p -> p.run().fingerprint().bars()).sum();
    out.printf(Locale.ROOT, "Parameter sweep: %d runs, %,d bars in %.2f s (%,.0f bars/s over %d threads), ranked by %s%n",
        points.size(), bars, elapsed / 1e9, bars / (elapsed / 1e9), threads, objective.name());
    out.printf(Locale.ROOT, "  %-4s %-34s %8s %8s %14s %9s%n", "rank", "parameters", objective.name(), "trades",
        "net PnL", "max DD");
    List<String> csv = new ArrayList<>();
    csv.add("rank,parameters," + objective.name() + ",trades,net_pnl,max_drawdown");
    for (int i = 0; i < ranked.size(); i++) {
      ParameterSweep.Point p = ranked.get(i);
      Metrics m = BacktestResult.of(p.run()).metrics();
      String params = ResultSummary.params(p.parameters());
      if (i < 20) {
        out.printf(Locale.ROOT, "  %-4d %-34s %8.3f %8d %14s %9s%n", i + 1, params, objective.of(p.run()), m.trades(),
            ResultSummary.rupees(m.netPnl()), ResultSummary.pct(-m.maxDrawdown()));
      }
      csv.add((i + 1) + "," + params + "," + objective.of(p.run()) + "," + m.trades() + ","
          + m.netPnl().toBigDecimal().toPlainString() + "," + m.maxDrawdown());
    }
    out.println();
    BacktestResult result = BacktestResult.of(best.run());
    ResultSummary.print(out, "Best by " + objective.name() + ": " + ResultSummary.params(best.parameters()), result,
        elapsed / points.size());
    if (options.report != null) {
      write(options.report.resolve("sweep.csv"), csv);
      out.println("  sweep     " + options.report.resolve("sweep.csv"));
    }
    writeReport(result, out, List.of());
    out.flush();
    return 0;
  }

  private void writeReport(BacktestResult result, PrintWriter out,
      List<io.aitrader.core.backtest.results.ReportTable> extra) {
    if (options.report == null) {
      out.println("  (add --report DIR for result.json, trades.csv and report.html)");
      return;
    }
    ReportFiles files = ReportFiles.writeAll(result, options.report, extra);
    out.println("  report    " + files.reportHtml() + " (open in a browser), " + files.resultJson() + ", "
        + files.tradesCsv());
  }

  static void write(Path file, List<String> lines) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.write(file, lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
