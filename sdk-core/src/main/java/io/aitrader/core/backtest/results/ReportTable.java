package io.aitrader.core.backtest.results;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.requireText;
import static io.aitrader.api.ValidationException.required;

import java.util.ArrayList;
import java.util.List;

/**
 * An extra table for {@link HtmlReport}, e.g. the windows of a walk-forward analysis. Cells are plain text (the
 * report escapes them); every row has as many cells as the header.
 *
 * <pre>{@code
 * new ReportTable("Walk-forward windows", List.of("Window", "Sharpe"), List.of(List.of("2024-01", "1.20")));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param title  the section heading
 * @param header column names
 * @param rows   the rows, each with {@code header.size()} cells
 */
public record ReportTable(String title, List<String> header, List<List<String>> rows) {
  /** Validates and copies every component. */
  public ReportTable {
    requireText(title, "ReportTable.title");
    header = List.copyOf(required(header, "ReportTable.header"));
    check(!header.isEmpty(), "ReportTable.header", "must not be empty (table " + title + ")", header);
    List<List<String>> copy = new ArrayList<>(required(rows, "ReportTable.rows").size());
    for (List<String> row : rows) {
      check(row.size() == header.size(), "ReportTable.rows",
          "must each have " + header.size() + " cells like the header (table " + title + ")", row);
      copy.add(List.copyOf(row));
    }
    rows = List.copyOf(copy);
  }
}
