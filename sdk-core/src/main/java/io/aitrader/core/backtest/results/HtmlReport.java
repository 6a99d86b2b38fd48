package io.aitrader.core.backtest.results;

import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.money.Money;
import io.aitrader.api.portfolio.Charges;
import io.aitrader.core.backtest.RunFingerprint;
import io.aitrader.core.backtest.RunSettings;
import io.aitrader.core.execution.ExecutionSummary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Writes {@code report.html}: one self-contained page (inline CSS and JavaScript, no external URL, opens offline)
 * with headline metrics, the equity curve, the drawdown chart, the monthly returns heat map, the per-instrument
 * table, charges by item, the settings and fingerprint, any extra tables and the trade list (the first
 * {@value #MAX_TRADE_ROWS} trades; all of them are in {@code trades.csv}). Tables are plain HTML; the charts are
 * drawn in the browser as inline SVG from data embedded in {@code <script type="application/json"
 * id="report-data">}. Amounts are shown Indian style ({@code ₹12,34,567.89}).
 *
 * <pre>{@code
 * HtmlReport.write(result, Path.of("out/report.html"), List.of());
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class HtmlReport {
  /** The most trades listed in the page. */
  public static final int MAX_TRADE_ROWS = 5_000;
  private static final int MAX_TITLE_SYMBOLS = 6;
  private static final String CSS = resource("report.css");
  private static final String JS = resource("report.js");

  private HtmlReport() {}

  /** Writes the report to {@code file} (UTF-8), replacing it; the parent directory must exist. */
  public static void write(BacktestResult result, Path file, List<ReportTable> extraSections) {
    required(file, "file");
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      write(result, w, extraSections);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes the report to {@code out} (flushed, not closed). */
  public static void write(BacktestResult result, Writer out, List<ReportTable> extraSections) {
    required(out, "out");
    String page = render(result, extraSections);
    try {
      out.write(page);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write report.html: " + e.getMessage(), e);
    }
  }

  /** The page, as a string. */
  static String render(BacktestResult r, List<ReportTable> extra) {
    required(r, "result");
    required(extra, "extraSections");
    RunSettings s = r.run().settings();
    Metrics m = r.metrics();
    String title = title(s);
    StringBuilder h = new StringBuilder(64 * 1024 + r.trades().size() * 400);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n")
        .append("</head>\n<body>\n<main>\n");
    h.append("<h1>").append(esc(title)).append("</h1>\n<p class=\"sub\">")
        .append(esc(s.interval().label())).append(" bars · ").append(esc(s.data())).append(" · starting cash ")
        .append(IndianFormat.rupees(s.startingCash().units())).append(" · run <span class=\"mono\">")
        .append(esc(r.run().fingerprint().runId().substring(0, 12))).append("</span></p>\n");
    warnings(h, r.run().warnings());
    cards(h, m);
    charts(h, r);
    metricTables(h, m);
    chargeItems(h, m);
    perInstrument(h, r.perInstrument());
    openTrades(h, r.openTrades());
    execution(h, r.run().execution());
    settings(h, s, r.run().fingerprint());
    for (ReportTable t : extra) {
      table(h, t.title(), t.header(), t.rows());
    }
    trades(h, r.trades());
    h.append("<footer>aitrader ").append(esc(r.run().fingerprint().codeVersion())).append(" · ")
        .append(esc(ResultJson.SCHEMA)).append(" · the same data is in result.json and trades.csv</footer>\n");
    h.append("</main>\n<script type=\"application/json\" id=\"report-data\">").append(ReportData.json(r, title))
        .append("</script>\n<script id=\"report-js\">\n").append(JS).append("</script>\n</body>\n</html>\n");
    return h.toString();
  }

  /** {@code strategy · symbols · from to to}; more than six symbols are counted, not listed. */
  static String title(RunSettings s) {
    List<String> symbols = s.instruments();
    String list = symbols.size() <= MAX_TITLE_SYMBOLS ? String.join(", ", symbols)
        : String.join(", ", symbols.subList(0, MAX_TITLE_SYMBOLS)) + " +" + (symbols.size() - MAX_TITLE_SYMBOLS)
            + " more";
    return s.strategyId() + " · " + (list.isEmpty() ? "no instruments" : list) + " · " + s.from() + " to " + s.to();
  }

  private static void warnings(StringBuilder h, List<String> warnings) {
    if (warnings.isEmpty()) {
      return;
    }
    h.append("<div class=\"warnings\"><strong>Warnings</strong><ul>\n");
    for (String w : warnings) {
      h.append("<li>").append(esc(w)).append("</li>\n");
    }
    h.append("</ul></div>\n");
  }

  private static void cards(StringBuilder h, Metrics m) {
    h.append("<div class=\"cards\">\n");
    card(h, "Net PnL", IndianFormat.rupees(m.netPnl().units()), sign(m.netPnl().units()));
    card(h, "Total return", IndianFormat.percent(m.totalReturn()), sign(m.totalReturn().orElse(0)));
    card(h, "Annualized return", IndianFormat.percent(m.annualizedReturn()), sign(m.annualizedReturn().orElse(0)));
    card(h, "Sharpe", IndianFormat.ratio(m.sharpe()), "");
    card(h, "Max drawdown", IndianFormat.percent(m.maxDrawdown()), m.maxDrawdown() > 0 ? "neg" : "");
    card(h, "Trades", IndianFormat.count(m.trades()), "");
    card(h, "Win rate", IndianFormat.percent(m.winRate()), "");
    card(h, "Charges / gross PnL", IndianFormat.percent(m.chargesShareOfGross()), "");
    h.append("</div>\n");
  }

  private static void card(StringBuilder h, String key, String value, String cls) {
    h.append("<div class=\"card\"><div class=\"k\">").append(esc(key)).append("</div><div class=\"v")
        .append(cls.isEmpty() ? "" : " " + cls).append("\">").append(esc(value)).append("</div></div>\n");
  }

  private static void charts(StringBuilder h, BacktestResult r) {
    int points = r.run().equity().size();
    String sampling = points > Downsample.MAX_POINTS
        ? IndianFormat.count(points) + " points, drawn as the low and high of " + Downsample.MAX_POINTS / 2
            + " buckets" : IndianFormat.count(points) + " points";
    h.append("<h2>Equity curve</h2>\n<div class=\"chart-box\" id=\"chart-equity\"></div>\n")
        .append("<p class=\"note\">Equity after every bar close (").append(sampling)
        .append("), in trading time: nights and holidays take no room. Dashed: starting cash.</p>\n");
    h.append("<h2>Drawdown</h2>\n<div class=\"chart-box\" id=\"chart-drawdown\"></div>\n")
        .append("<p class=\"note\">Percentage below the highest equity so far (the starting cash counts).</p>\n");
    h.append("<h2>Monthly returns</h2>\n<div class=\"chart-box\" id=\"chart-monthly\"></div>\n")
        .append("<p class=\"note\">Compounded from daily returns; hover a cell for its value.</p>\n");
  }

  private static void metricTables(StringBuilder h, Metrics m) {
    h.append("<h2>Metrics</h2>\n<div class=\"two\">\n");
    List<String[]> risk = new ArrayList<>();
    risk.add(kv("Starting equity", IndianFormat.rupees(m.startingEquity().units())));
    risk.add(kv("Ending equity", IndianFormat.rupees(m.endingEquity().units())));
    risk.add(kv("Total return", IndianFormat.percent(m.totalReturn())));
    risk.add(kv("Annualized return", IndianFormat.percent(m.annualizedReturn())));
    risk.add(kv("Annualized volatility", IndianFormat.percent(m.annualizedVolatility())));
    risk.add(kv("Sharpe (risk-free 0)", IndianFormat.ratio(m.sharpe())));
    risk.add(kv("Sortino", IndianFormat.ratio(m.sortino())));
    risk.add(kv("Calmar", IndianFormat.ratio(m.calmar())));
    risk.add(kv("Max drawdown", IndianFormat.percent(m.maxDrawdown()) + " ("
        + IndianFormat.rupees(m.maxDrawdownMoney().units()) + ")"));
    risk.add(kv("Longest drawdown", IndianFormat.duration(m.maxDrawdownDurationMillis())
        + period(m.maxDrawdownDurationStartMillis(), m.maxDrawdownDurationEndMillis(), m.maxDrawdownRecovered())));
    risk.add(kv("Trading days", IndianFormat.count(m.tradingDays())));
    risk.add(kv("Exposure (time in market)", IndianFormat.percent(m.exposure())));
    risk.add(kv("Average gross exposure", IndianFormat.rupees(m.averageGrossExposure().units())));
    keyValues(h, "Returns and risk", risk);
    List<String[]> trades = new ArrayList<>();
    trades.add(kv("Closed trades", IndianFormat.count(m.trades())));
    trades.add(kv("Winning / losing", IndianFormat.count(m.winningTrades()) + " / "
        + IndianFormat.count(m.losingTrades())));
    trades.add(kv("Win rate", IndianFormat.percent(m.winRate())));
    trades.add(kv("Profit factor", IndianFormat.ratio(m.profitFactor())));
    trades.add(kv("Average win", m.averageWin().map(x -> IndianFormat.rupees(x.units())).orElse(IndianFormat.UNDEFINED)));
    trades.add(kv("Average loss", m.averageLoss().map(x -> IndianFormat.rupees(x.units()))
        .orElse(IndianFormat.UNDEFINED)));
    trades.add(kv("Expectancy (per trade)", m.expectancy().map(x -> IndianFormat.rupees(x.units()))
        .orElse(IndianFormat.UNDEFINED)));
    trades.add(kv("Traded value", IndianFormat.rupees(m.tradedValue().units())));
    trades.add(kv("Turnover (× mean equity)", IndianFormat.ratio(m.turnover())));
    trades.add(kv("Gross PnL (before charges)", IndianFormat.rupees(m.grossPnl().units())));
    trades.add(kv("Charges", IndianFormat.rupees(m.charges().units())));
    trades.add(kv("Charges / |gross PnL|", IndianFormat.percent(m.chargesShareOfGross())));
    trades.add(kv("Net PnL", IndianFormat.rupees(m.netPnl().units())));
    keyValues(h, "Trades and costs", trades);
    h.append("</div>\n");
  }

  private static String period(OptionalLong start, OptionalLong end, boolean recovered) {
    if (start.isEmpty() || end.isEmpty()) {
      return "";
    }
    return " (" + Formats.time(start.getAsLong()).substring(0, 10) + " to "
        + Formats.time(end.getAsLong()).substring(0, 10) + (recovered ? ")" : ", not recovered)");
  }

  private static void chargeItems(StringBuilder h, Metrics m) {
    Charges c = m.chargeItems();
    long total = c.total().units();
    Money[] items = {c.brokerage(), c.stt(), c.exchangeCharges(), c.sebiFee(), c.stampDuty(), c.gst(),
        c.dpCharges(), c.ipft()};
    String[] names = {"Brokerage", "STT", "Exchange charges", "SEBI fee", "Stamp duty", "GST", "DP charges", "IPFT"};
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < items.length; i++) {
      rows.add(List.of(names[i], IndianFormat.rupees(items[i].units()),
          total > 0 ? IndianFormat.percent((double) items[i].units() / total) : IndianFormat.UNDEFINED));
    }
    rows.add(List.of("Total", IndianFormat.rupees(total), total > 0 ? "100.00%" : IndianFormat.UNDEFINED));
    table(h, "Charges by item", List.of("Item", "Amount", "Share"), rows);
  }

  private static void perInstrument(StringBuilder h, List<InstrumentMetrics> rows) {
    List<List<String>> out = new ArrayList<>();
    for (InstrumentMetrics i : rows) {
      out.add(List.of(i.instrumentId(), IndianFormat.count(i.bars()), IndianFormat.count(i.trades()),
          IndianFormat.count(i.wins()), IndianFormat.percent(i.winRate()), IndianFormat.rupees(i.tradedValue().units()),
          IndianFormat.rupees(i.grossPnl().units()), IndianFormat.rupees(i.charges().units()),
          IndianFormat.rupees(i.netPnl().units())));
    }
    table(h, "Per instrument (closed trades)", List.of("Instrument", "Bars", "Trades", "Wins", "Win rate",
        "Traded value", "Gross PnL", "Charges", "Net PnL"), out);
  }

  private static void openTrades(StringBuilder h, List<OpenTrade> open) {
    if (open.isEmpty()) {
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    for (OpenTrade t : open) {
      rows.add(List.of(t.instrumentId(), t.product().name(), t.direction().name(), IndianFormat.count(t.quantity()),
          localTime(t.entryTimeMillis()), IndianFormat.price(t.entryPrice().units()),
          IndianFormat.rupees(t.charges().units()), Integer.toString(t.fills())));
    }
    table(h, "Positions open at the end", List.of("Instrument", "Product", "Direction", "Quantity", "Entry time",
        "Entry price", "Charges so far", "Fills"), rows);
  }

  private static void execution(StringBuilder h, ExecutionSummary x) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("Orders submitted", IndianFormat.count(x.submitted())));
    rows.add(List.of("Placed", IndianFormat.count(x.placed())));
    rows.add(List.of("Filled", IndianFormat.count(x.filled())));
    rows.add(List.of("Partially filled", IndianFormat.count(x.partiallyFilled())));
    rows.add(List.of("Cancelled", IndianFormat.count(x.cancelled())));
    rows.add(List.of("Rejected", IndianFormat.count(x.rejected())));
    rows.add(List.of("Fills", IndianFormat.count(x.fills())));
    for (Map.Entry<String, Long> e : x.rejectionReasons().entrySet()) {
      rows.add(List.of("Rejected: " + e.getKey(), IndianFormat.count(e.getValue())));
    }
    table(h, "Execution", List.of("Orders", "Count"), rows);
  }

  private static void settings(StringBuilder h, RunSettings s, RunFingerprint f) {
    h.append("<h2>Settings and fingerprint</h2>\n<div class=\"two\">\n");
    List<String[]> set = new ArrayList<>();
    set.add(kv("Strategy", s.strategyId()));
    List<String> params = new ArrayList<>();
    for (Map.Entry<String, String> p : s.parameters().entrySet()) {
      params.add(p.getKey() + "=" + p.getValue());
    }
    set.add(kv("Parameters", params.isEmpty() ? "none" : String.join(", ", params)));
    set.add(kv("Instruments", String.join(", ", s.instruments())));
    set.add(kv("Interval", s.interval().label()));
    set.add(kv("Dates", s.from() + " to " + s.to()));
    set.add(kv("Starting cash", IndianFormat.rupees(s.startingCash().units())));
    set.add(kv("Data", s.data()));
    set.add(kv("Fills", s.fillConvention()));
    set.add(kv("Charges", s.charges()));
    keyValues(h, "Settings", set);
    List<String[]> fp = new ArrayList<>();
    fp.add(kv("Run id", f.runId()));
    fp.add(kv("Data SHA-256", f.dataSha256()));
    fp.add(kv("Bars", IndianFormat.count(f.bars())));
    fp.add(kv("Model version", f.modelVersion()));
    fp.add(kv("Charges version", f.chargesVersion()));
    fp.add(kv("Code version", f.codeVersion()));
    keyValues(h, "Fingerprint", fp);
    h.append("</div>\n");
  }

  private static void trades(StringBuilder h, List<Trade> trades) {
    h.append("<h2>Trades</h2>\n");
    int shown = Math.min(trades.size(), MAX_TRADE_ROWS);
    if (trades.size() > MAX_TRADE_ROWS) {
      h.append("<p class=\"note\">Showing the first ").append(IndianFormat.count(MAX_TRADE_ROWS)).append(" of ")
          .append(IndianFormat.count(trades.size())).append(" trades; all of them are in trades.csv.</p>\n");
    }
    if (trades.isEmpty()) {
      h.append("<p class=\"note\">No closed trades.</p>\n");
      return;
    }
    h.append("<div class=\"scroll\"><table id=\"trades\">\n<thead><tr><th class=\"n\">#</th><th>Instrument</th>")
        .append("<th>Product</th><th>Direction</th><th class=\"n\">Quantity</th><th>Entry</th>")
        .append("<th class=\"n\">Entry price</th><th>Exit</th><th class=\"n\">Exit price</th>")
        .append("<th class=\"n\">Gross PnL</th><th class=\"n\">Charges</th><th class=\"n\">Net PnL</th>")
        .append("<th class=\"n\">Fills</th></tr></thead>\n<tbody>\n");
    for (int i = 0; i < shown; i++) {
      Trade t = trades.get(i);
      h.append("<tr><td class=\"n\">").append(i + 1).append("</td><td>").append(esc(t.instrumentId()))
          .append("</td><td>").append(t.product().name()).append("</td><td>").append(t.direction().name())
          .append("</td><td class=\"n\">").append(IndianFormat.count(t.quantity())).append("</td><td>")
          .append(localTime(t.entryTimeMillis())).append("</td><td class=\"n\">")
          .append(IndianFormat.price(t.entryPrice().units())).append("</td><td>")
          .append(localTime(t.exitTimeMillis())).append("</td><td class=\"n\">")
          .append(IndianFormat.price(t.exitPrice().units())).append("</td><td class=\"n ")
          .append(sign(t.grossPnl().units())).append("\">").append(IndianFormat.rupees(t.grossPnl().units()))
          .append("</td><td class=\"n\">").append(IndianFormat.rupees(t.charges().units()))
          .append("</td><td class=\"n ").append(sign(t.netPnl().units())).append("\">")
          .append(IndianFormat.rupees(t.netPnl().units())).append("</td><td class=\"n\">").append(t.fills())
          .append("</td></tr>\n");
    }
    h.append("</tbody></table></div>\n<p class=\"note\">Times are IST.</p>\n");
  }

  /** IST date and time without the offset, e.g. {@code 2025-06-10 10:15:00}. */
  private static String localTime(long millis) {
    return Formats.time(millis).substring(0, 19).replace('T', ' ');
  }

  private static String[] kv(String key, String value) {
    return new String[] {key, value};
  }

  private static void keyValues(StringBuilder h, String title, List<String[]> rows) {
    h.append("<div><h3>").append(esc(title)).append("</h3>\n<table class=\"kv\"><tbody>\n");
    for (String[] row : rows) {
      h.append("<tr><th>").append(esc(row[0])).append("</th><td>").append(esc(row[1])).append("</td></tr>\n");
    }
    h.append("</tbody></table></div>\n");
  }

  private static void table(StringBuilder h, String title, List<String> header, List<List<String>> rows) {
    h.append("<h2>").append(esc(title)).append("</h2>\n");
    if (rows.isEmpty()) {
      h.append("<p class=\"note\">None.</p>\n");
      return;
    }
    h.append("<div class=\"scroll\"><table>\n<thead><tr>");
    for (String c : header) {
      h.append("<th>").append(esc(c)).append("</th>");
    }
    h.append("</tr></thead>\n<tbody>\n");
    for (List<String> row : rows) {
      h.append("<tr>");
      for (String c : row) {
        h.append(numeric(c) ? "<td class=\"n\">" : "<td>").append(esc(c)).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</tbody></table></div>\n");
  }

  /** Whether a cell reads as a number (right-aligned): digits with optional sign, ₹, grouping, decimals, %. */
  private static boolean numeric(String s) {
    return s.matches("-?₹?[0-9][0-9,]*(\\.[0-9]+)?%?") || s.equals(IndianFormat.UNDEFINED);
  }

  private static String sign(double v) {
    return v > 0 ? "pos" : v < 0 ? "neg" : "";
  }

  private static String sign(long v) {
    return v > 0 ? "pos" : v < 0 ? "neg" : "";
  }

  /** Escapes text for HTML element content and attribute values. */
  static String esc(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String r = switch (c) {
        case '&' -> "&amp;";
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        case '"' -> "&quot;";
        case '\'' -> "&#39;";
        default -> null;
      };
      if (r != null && b == null) {
        b = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (b != null) {
        if (r != null) {
          b.append(r);
        } else {
          b.append(c);
        }
      }
    }
    return b == null ? s : b.toString();
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("The report resource " + name + " is missing from the sdk-core jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the report resource " + name, e);
    }
  }
}
