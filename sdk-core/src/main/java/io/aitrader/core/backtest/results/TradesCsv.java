package io.aitrader.core.backtest.results;

import static io.aitrader.api.ValidationException.required;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code trades.csv}: one row per closed round trip, in {@link BacktestResult#trades()} order, under the
 * header {@value #HEADER}. UTF-8, {@code "\n"} line ends, times ISO-8601 at {@code +05:30}, prices and amounts
 * exact with four decimals; a field is quoted only when it holds a comma, a quote or a line break.
 *
 * <p>Stateless and thread-safe.
 */
public final class TradesCsv {
  /** The header line. */
  public static final String HEADER = "instrument,product,direction,quantity,entry_time,entry_price,exit_time,"
      + "exit_price,gross_pnl,charges,net_pnl,fills";

  private TradesCsv() {}

  /** Writes the CSV to {@code file}, replacing it; the parent directory must exist. */
  public static void write(BacktestResult result, Path file) {
    required(result, "result");
    required(file, "file");
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      write(result, w);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes the CSV to {@code out} (flushed, not closed). */
  public static void write(BacktestResult result, Writer out) {
    required(result, "result");
    required(out, "out");
    try {
      writeRows(result, out);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write trades.csv: " + e.getMessage(), e);
    }
  }

  private static void writeRows(BacktestResult result, Writer out) throws IOException {
    out.write(HEADER);
    out.write('\n');
    StringBuilder line = new StringBuilder(160);
    for (Trade t : result.trades()) {
      line.setLength(0);
      line.append(field(t.instrumentId())).append(',')
          .append(t.product().name()).append(',')
          .append(t.direction().name()).append(',')
          .append(t.quantity()).append(',')
          .append(Formats.time(t.entryTimeMillis())).append(',')
          .append(Formats.money(t.entryPrice().units())).append(',')
          .append(Formats.time(t.exitTimeMillis())).append(',')
          .append(Formats.money(t.exitPrice().units())).append(',')
          .append(Formats.money(t.grossPnl().units())).append(',')
          .append(Formats.money(t.charges().units())).append(',')
          .append(Formats.money(t.netPnl().units())).append(',')
          .append(t.fills()).append('\n');
      out.append(line);
    }
    out.flush();
  }

  static String field(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
