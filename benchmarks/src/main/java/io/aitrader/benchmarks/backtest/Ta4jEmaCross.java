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
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.CombineIndicator;
import org.ta4j.core.num.Num;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

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
  /**
   * The strategy as benchmarked ({@link #SAME}), or with one of its parts replaced by ta4j's stock one, to show in
   * the comparison what each part is needed for.
   */
  enum Variant {
    /** The same definitions as this project's strategy (the benchmarked one). */
    SAME,
    /** ta4j's {@code EMAIndicator} (seeded with the first close) instead of {@link TaLibEmaIndicator}. */
    TA4J_EMA,
    /** ta4j's {@code CrossedUpIndicatorRule} / {@code CrossedDownIndicatorRule} instead of {@link SpreadCrossRule}. */
    TA4J_CROSS,
    /** Without {@link NotLastBarOfSessionRule}: a signal on a session's last bar trades at the next day's open. */
    NO_SESSION_RULE
  }

  private Ta4jEmaCross() {}

  /** The strategy over {@code series} (its indicators are bound to that series and cache its values). */
  static Strategy strategy(BarSeries series, int fast, int slow) {
    return strategy(series, fast, slow, Variant.SAME);
  }

  /** {@code variant} of the strategy over {@code series}. */
  static Strategy strategy(BarSeries series, int fast, int slow, Variant variant) {
    ClosePriceIndicator close = new ClosePriceIndicator(series);
    Indicator<Num> fastEma = variant == Variant.TA4J_EMA ? new EMAIndicator(close, fast)
        : new TaLibEmaIndicator(close, fast);
    Indicator<Num> slowEma = variant == Variant.TA4J_EMA ? new EMAIndicator(close, slow)
        : new TaLibEmaIndicator(close, slow);
    Rule entry;
    Rule exit;
    if (variant == Variant.TA4J_CROSS) {
      entry = new CrossedUpIndicatorRule(fastEma, slowEma);
      exit = new CrossedDownIndicatorRule(fastEma, slowEma);
    } else {
      Indicator<Num> spread = CombineIndicator.minus(fastEma, slowEma);
      entry = SpreadCrossRule.up(spread);
      exit = SpreadCrossRule.down(spread);
    }
    if (variant != Variant.NO_SESSION_RULE) {
      Rule inSession = new NotLastBarOfSessionRule(series);
      entry = entry.and(inSession);
      exit = exit.and(inSession);
    }
    return new BaseStrategy("ema-cross " + fast + "/" + slow, entry, exit, slow);
  }

  /** Backtests a fresh strategy over each series; the trading records in the same order. */
  static List<TradingRecord> run(List<BarSeries> series, int fast, int slow) {
    return run(series, fast, slow, Variant.SAME);
  }

  /** Backtests a fresh {@code variant} of the strategy over each series. */
  static List<TradingRecord> run(List<BarSeries> series, int fast, int slow, Variant variant) {
    List<TradingRecord> records = new ArrayList<>(series.size());
    for (BarSeries s : series) {
      records.add(new BarSeriesManager(s, new TradeOnNextOpenModel()).run(strategy(s, fast, slow, variant)));
    }
    return records;
  }
}
