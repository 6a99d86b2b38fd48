package io.aitrader.benchmarks.backtest;

import io.aitrader.api.time.Ist;
import java.time.LocalTime;
import org.jspecify.annotations.Nullable;
import org.ta4j.core.BarSeries;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.rules.AbstractRule;

/**
 * "Not on a session's last bar", for ta4j. ta4j knows no trading sessions: with {@code TradeOnNextOpenModel} a
 * signal on the last bar of a day trades at the next day's open. This project's engine does not: a market order
 * placed on a session's last bar is a DAY order that expires at the close, unfilled. Adding this rule to the ta4j
 * strategy's entry and exit gives it the same convention: no signal on a bar that ends at the NSE close
 * (15:30 IST; the last one-minute bar opens at 15:29). The bundled NSE calendar has no special sessions, so every
 * session of the benchmark closes at 15:30.
 */
final class NotLastBarOfSessionRule extends AbstractRule {
  static final LocalTime SESSION_CLOSE = LocalTime.of(15, 30);

  private final BarSeries series;

  NotLastBarOfSessionRule(BarSeries series) {
    this.series = series;
  }

  @Override
  public boolean isSatisfied(int index, @Nullable TradingRecord tradingRecord) {
    boolean satisfied = !series.getBar(index).getEndTime().withZoneSameInstant(Ist.ZONE).toLocalTime()
        .equals(SESSION_CLOSE);
    traceIsSatisfied(index, satisfied);
    return satisfied;
  }
}
