package io.aitrader.benchmarks.backtest;

import java.util.ArrayList;
import java.util.List;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Indicator;
import org.ta4j.core.Rule;
import org.ta4j.core.Strategy;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnNextOpenModel;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.CombineIndicator;
import org.ta4j.core.num.Num;

/**
 * The {@code ema-cross} strategy written for ta4j 0.17, and its backtest with ta4j's {@link BarSeriesManager}: per
 * instrument, a {@link BaseStrategy}, long only, entering when the TA-Lib EMA spread (fast − slow) crosses up and
 * exiting when it crosses down ({@link SpreadCrossRule}, {@link TaLibEmaIndicator}), neither on a session's last bar
 * ({@link NotLastBarOfSessionRule}), with {@code slow} unstable bars (no decision before both EMAs exist and the
 * spread has a previous value — the first bar this project's strategy can decide on too). Trades go through
 * {@link TradeOnNextOpenModel}: a signal on bar i trades at the open of bar i + 1 (none when i is the last bar).
 * ta4j's default cost models are zero.
 */
final class Ta4jEmaCross {
  private Ta4jEmaCross() {}

  /** The strategy over {@code series} (its indicators are bound to that series and cache its values). */
  static Strategy strategy(BarSeries series, int fast, int slow) {
    ClosePriceIndicator close = new ClosePriceIndicator(series);
    Indicator<Num> spread = CombineIndicator.minus(new TaLibEmaIndicator(close, fast),
        new TaLibEmaIndicator(close, slow));
    Rule inSession = new NotLastBarOfSessionRule(series);
    return new BaseStrategy("ema-cross " + fast + "/" + slow, SpreadCrossRule.up(spread).and(inSession),
        SpreadCrossRule.down(spread).and(inSession), slow);
  }

  /** Backtests a fresh strategy over each series; the trading records in the same order. */
  static List<TradingRecord> run(List<BarSeries> series, int fast, int slow) {
    List<TradingRecord> records = new ArrayList<>(series.size());
    for (BarSeries s : series) {
      records.add(new BarSeriesManager(s, new TradeOnNextOpenModel()).run(strategy(s, fast, slow)));
    }
    return records;
  }
}
