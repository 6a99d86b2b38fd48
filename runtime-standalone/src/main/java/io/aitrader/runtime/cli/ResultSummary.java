package io.aitrader.runtime.cli;

import io.aitrader.api.money.Money;
import io.aitrader.api.time.Ist;
import io.aitrader.core.backtest.BacktestRun;
import io.aitrader.core.backtest.results.BacktestResult;
import io.aitrader.core.backtest.results.InstrumentMetrics;
import io.aitrader.core.backtest.results.Metrics;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/** Prints a backtest's headline figures on the terminal. */
final class ResultSummary {
  private ResultSummary() {}

  /** Prints the figures; {@code elapsedNanos} < 0 leaves the timing out (it was printed elsewhere). */
  static void print(PrintWriter out, String title, BacktestResult result, long elapsedNanos) {
    BacktestRun run = result.run();
    Metrics m = result.metrics();
    out.println(title);
    out.printf(Locale.ROOT, "  %-10s %s%n", "strategy", run.settings().strategyId() + " " + params(run.settings().parameters()));
    out.printf(Locale.ROOT, "  %-10s %s, %s bars, %s → %s%n", "market", String.join(", ", run.settings().instruments()),
        run.settings().interval().label(), run.settings().from(), run.settings().to());
    out.printf(Locale.ROOT, "  %-10s %s%n", "data", run.settings().data());
    out.printf(Locale.ROOT, "  %-10s %s%n", "fills", run.settings().fillConvention());
    out.printf(Locale.ROOT, "  %-10s %s%n", "charges", run.settings().charges());
    long bars = run.fingerprint().bars();
    double seconds = elapsedNanos / 1e9;
    if (elapsedNanos >= 0) {
      out.printf(Locale.ROOT, "  %-10s %d sessions, %,d bars in %.2f s (%,.0f bars/s)%n", "ran", run.sessions(), bars,
          seconds, seconds > 0 ? bars / seconds : 0);
    } else {
      out.printf(Locale.ROOT, "  %-10s %d sessions, %,d bars%n", "ran", run.sessions(), bars);
    }
    out.printf(Locale.ROOT, "  %-10s data sha256 %s…, run id %s…%n", "fingerprint",
        run.fingerprint().dataSha256().substring(0, 16), run.fingerprint().runId().substring(0, 16));
    out.printf(Locale.ROOT, "  %-10s %s → %s (%s, annualized %s)%n", "equity", rupees(m.startingEquity()),
        rupees(m.endingEquity()), signedPct(m.totalReturn()), signedPct(m.annualizedReturn()));
    out.printf(Locale.ROOT, "  %-10s volatility %s, Sharpe %s, Sortino %s, Calmar %s%n", "risk",
        pct(m.annualizedVolatility()), ratio(m.sharpe()), ratio(m.sortino()), ratio(m.calmar()));
    out.printf(Locale.ROOT, "  %-10s %s (%s), longest under water %s%s%n", "drawdown", pct(-m.maxDrawdown()),
        rupees(m.maxDrawdownMoney().negate()), days(m.maxDrawdownDurationMillis()),
        m.maxDrawdownRecovered() ? "" : " (not recovered)");
    out.printf(Locale.ROOT, "  %-10s %d (win rate %s, profit factor %s, average win %s, average loss %s, expectancy %s)%n",
        "trades", m.trades(), pct(m.winRate()), ratio(m.profitFactor()),
        m.averageWin().map(ResultSummary::rupees).orElse("n/a"), m.averageLoss().map(ResultSummary::rupees).orElse("n/a"),
        m.expectancy().map(ResultSummary::rupees).orElse("n/a"));
    out.printf(Locale.ROOT, "  %-10s %s of bar closes, turnover %s×, traded %s%n", "exposure", pct(m.exposure()),
        ratio(m.turnover()), rupees(m.tradedValue()));
    out.printf(Locale.ROOT, "  %-10s %s paid = %s of gross PnL %s → net PnL %s%n", "charges", rupees(m.charges()),
        pct(m.chargesShareOfGross()), rupees(m.grossPnl()), rupees(m.netPnl()));
    if (result.perInstrument().size() > 1) {
      out.println("  per instrument:");
      for (InstrumentMetrics i : result.perInstrument()) {
        out.printf(Locale.ROOT, "    %-16s %4d trades  win %7s  gross %14s  charges %12s  net %14s%n", i.instrumentId(),
            i.trades(), pct(i.winRate()), rupees(i.grossPnl()), rupees(i.charges()), rupees(i.netPnl()));
      }
    }
    if (!run.warnings().isEmpty()) {
      out.println("  warnings:");
      run.warnings().stream().limit(10).forEach(w -> out.println("    " + w));
      if (run.warnings().size() > 10) {
        out.println("    … " + (run.warnings().size() - 10) + " more in result.json");
      }
    }
  }

  static String params(Map<String, String> p) {
    return p.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
  }

  /** Rupees with Indian digit grouping, to the paisa: ₹12,34,567.89. */
  static String rupees(Money m) {
    BigDecimal v = m.toBigDecimal().setScale(2, RoundingMode.HALF_EVEN);
    String plain = v.abs().toPlainString();
    int dot = plain.indexOf('.');
    String whole = plain.substring(0, dot);
    StringBuilder grouped = new StringBuilder();
    int n = whole.length();
    for (int i = 0; i < n; i++) {
      int left = n - i;
      if (i > 0 && (left == 3 || (left > 3 && (left - 3) % 2 == 0))) {
        grouped.append(',');
      }
      grouped.append(whole.charAt(i));
    }
    return (v.signum() < 0 ? "-₹" : "₹") + grouped + plain.substring(dot);
  }

  static String pct(OptionalDouble d) {
    return d.isPresent() ? pct(d.getAsDouble()) : "n/a";
  }

  static String pct(double d) {
    return String.format(Locale.ROOT, "%.2f %%", d * 100);
  }

  static String signedPct(OptionalDouble d) {
    return d.isPresent() ? String.format(Locale.ROOT, "%+.2f %%", d.getAsDouble() * 100) : "n/a";
  }

  static String ratio(OptionalDouble d) {
    return d.isPresent() ? String.format(Locale.ROOT, "%.2f", d.getAsDouble()) : "n/a";
  }

  static String days(long millis) {
    return String.format(Locale.ROOT, "%.1f days", millis / (double) Ist.MILLIS_PER_DAY);
  }
}
