package io.aitrader.runtime.demo;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.portfolio.Charges;
import io.aitrader.api.portfolio.Position;
import io.aitrader.core.execution.ExecutionSummary;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarAggregator;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.money.Price;
import io.aitrader.api.signal.Direction;
import io.aitrader.api.signal.Signal;
import io.aitrader.api.time.Ist;
import io.aitrader.api.time.TradingSession;
import io.aitrader.core.ingest.TickNormalizer;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one demo run did: counts, timing, sample bars and the digest of the bar stream.
 *
 * @param firstBarNanos nanoseconds from the start of the run to the first complete bar, -1 when none
 * @param digest        hex SHA-256 of the bar stream ({@link BarStreamDigest})
 */
public record DemoReport(
    TradingSession session,
    List<Instrument> instruments,
    long quotes,
    TickNormalizer.Stats ingest,
    BarAggregator.Stats bars,
    Map<BarInterval, Long> barsPerInterval,
    long elapsedNanos,
    long firstBarNanos,
    List<Bar> sampleBars,
    String digest,
    String strategyId,
    BarInterval strategyInterval,
    List<Signal> signals,
    ExecutionSummary execution) {

  private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");

  public long ticks() {
    return ingest.accepted();
  }

  /** Prints the summary a person reads after {@code ./aitrader demo}. */
  public void print(PrintWriter out, long seed, double speed) {
    double seconds = elapsedNanos / 1e9;
    out.printf(Locale.ROOT, "Indian AI Trader demo: one synthetic NSE session, ingest -> bus -> bars%n");
    out.printf(Locale.ROOT, "  date          %s (%s), session %s-%s IST%n", session.date(),
        session.date().getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ROOT), HM.format(Ist.at(session.openMillis())),
        HM.format(Ist.at(session.closeMillis())));
    out.printf(Locale.ROOT, "  instruments   %d: %s%n", instruments.size(),
        instruments.stream().map(Instrument::tradingSymbol).collect(Collectors.joining(",")));
    out.printf(Locale.ROOT, "  seed %d, speed %s%n", seed, speed <= 0 ? "as fast as possible" : "x" + speed);
    out.println();
    out.printf(Locale.ROOT, "  quotes in     %,d%n", quotes);
    out.printf(Locale.ROOT, "  ticks out     %,d  (dropped: %,d duplicates, %,d out of order, %,d volume regressions)%n",
        ticks(), ingest.duplicates(), ingest.outOfOrder(), ingest.volumeRegressions());
    out.printf(Locale.ROOT, "  bars out      %s%n", barsPerInterval.entrySet().stream()
        .map(e -> e.getKey().label() + " " + String.format(Locale.ROOT, "%,d", e.getValue()))
        .collect(Collectors.joining(" | ")));
    out.printf(Locale.ROOT, "  time          %.3f s, %,.0f ticks/s; first bar after %.1f ms%n", seconds,
        seconds > 0 ? ticks() / seconds : 0.0, firstBarNanos / 1e6);
    out.printf(Locale.ROOT, "  bar stream    sha256 %s%n", digest);
    Map<Direction, Long> byDirection = signals.stream()
        .collect(Collectors.groupingBy(Signal::direction, () -> new java.util.EnumMap<>(Direction.class), Collectors.counting()));
    out.printf(Locale.ROOT, "  strategy      %s on %s bars: %d signals (%s)%n", strategyId,
        strategyInterval.label(), signals.size(), byDirection.entrySet().stream()
            .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")));
    for (Signal s : signals.subList(0, Math.min(4, signals.size()))) {
      out.printf(Locale.ROOT, "    %s %-10s %-5s %+.2f  %s%n", HM.format(Ist.at(s.timestampMillis())),
          s.instrument().tradingSymbol(), s.direction(), s.strength(), s.reason());
    }
    printExecution(out);
    if (!sampleBars.isEmpty()) {
      Bar first = sampleBars.get(0);
      out.println();
      out.printf(Locale.ROOT, "  sample bars: %s %s (prices in rupees)%n", first.instrument().tradingSymbol(),
          first.interval().label());
      out.printf(Locale.ROOT, "    %-5s %10s %10s %10s %10s %10s %10s %7s%n", "time", "open", "high", "low", "close",
          "vwap", "volume", "trades");
      List<Bar> shown = sampleBars.size() <= 6 ? sampleBars
          : List.of(sampleBars.get(0), sampleBars.get(1), sampleBars.get(2),
              sampleBars.get(sampleBars.size() - 3), sampleBars.get(sampleBars.size() - 2),
              sampleBars.get(sampleBars.size() - 1));
      for (Bar b : shown) {
        out.printf(Locale.ROOT, "    %-5s %10s %10s %10s %10s %10s %,10d %7d%n", HM.format(Ist.at(b.openTimeMillis())),
            Price.format(b.open()), Price.format(b.high()), Price.format(b.low()), Price.format(b.close()),
            b.vwap(), b.volume(), b.tradeCount());
      }
    }
  }

  private void printExecution(PrintWriter out) {
    ExecutionSummary x = execution;
    out.println();
    out.printf(Locale.ROOT, "  paper trading (risk -> orders -> paper broker -> portfolio)%n");
    out.printf(Locale.ROOT, "    orders      %d submitted, %d placed, %d filled, %d partly filled, %d cancelled/expired, %d rejected%n",
        x.submitted(), x.placed(), x.filled(), x.partiallyFilled(), x.cancelled(), x.rejected());
    x.rejectionReasons().forEach((reason, n) -> out.printf(Locale.ROOT, "      %3d x %s%n", n, reason));
    out.printf(Locale.ROOT, "    fills       %d%n", x.fills());
    Charges c = x.charges();
    out.printf(Locale.ROOT, "    charges     %s (brokerage %s, STT %s, exchange %s, SEBI %s, stamp %s, GST %s, IPFT %s, DP %s)%n",
        c.total(), c.brokerage(), c.stt(), c.exchangeCharges(), c.sebiFee(), c.stampDuty(), c.gst(), c.ipft(), c.dpCharges());
    out.printf(Locale.ROOT, "    PnL         gross %s (realized %s, unrealized %s), net of charges %s%n", x.grossPnl(),
        x.realizedPnl(), x.unrealizedPnl(), x.netPnl());
    if (x.openPositions().isEmpty()) {
      out.printf(Locale.ROOT, "    positions   all flat%n");
    } else {
      for (Position p : x.openPositions()) {
        out.printf(Locale.ROOT, "    position    %-10s %-4s %+d @ %s%n", p.instrument().tradingSymbol(), p.product(),
            p.netQuantity(), p.averagePrice());
      }
    }
  }
}
