package io.aitrader.core.backtest.results;

import static io.aitrader.api.ValidationException.required;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The three files of a backtest result, and the one call that writes them into a directory.
 *
 * <pre>{@code
 * ReportFiles files = ReportFiles.writeAll(result, Path.of("out/ema-rsi"), List.of());
 * files.reportHtml();   // out/ema-rsi/report.html
 * }</pre>
 *
 * <p>Immutable and thread-safe (writing is not atomic: a concurrent writer to the same directory wins per file).
 *
 * @param resultJson {@code result.json} ({@link ResultJson})
 * @param tradesCsv  {@code trades.csv} ({@link TradesCsv})
 * @param reportHtml {@code report.html} ({@link HtmlReport})
 */
public record ReportFiles(Path resultJson, Path tradesCsv, Path reportHtml) {
  /** Validates every component. */
  public ReportFiles {
    required(resultJson, "ReportFiles.resultJson");
    required(tradesCsv, "ReportFiles.tradesCsv");
    required(reportHtml, "ReportFiles.reportHtml");
  }

  /**
   * Writes {@code result.json}, {@code trades.csv} and {@code report.html} into {@code directory} (created with
   * its parents when missing), replacing files of those names; {@code extraSections} are added to the report.
   */
  public static ReportFiles writeAll(BacktestResult result, Path directory, List<ReportTable> extraSections) {
    required(result, "result");
    required(directory, "directory");
    required(extraSections, "extraSections");
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create the report directory " + directory + ": " + e.getMessage(), e);
    }
    ReportFiles files = new ReportFiles(directory.resolve("result.json"), directory.resolve("trades.csv"),
        directory.resolve("report.html"));
    ResultJson.write(result, files.resultJson());
    TradesCsv.write(result, files.tradesCsv());
    HtmlReport.write(result, files.reportHtml(), extraSections);
    return files;
  }
}
