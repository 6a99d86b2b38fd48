/**
 * JMH benchmarks: a year of one-minute bars for 50 NSE equities through the {@code ema-cross} strategy, this
 * project's backtest engine side by side with ta4j's {@code BarSeriesManager}, and a trade-by-trade comparison of
 * the two ({@link io.aitrader.benchmarks.backtest.BacktestTradeComparison}). Figures and commands in
 * docs/benchmarks.md.
 */
@NullMarked
package io.aitrader.benchmarks.backtest;

import org.jspecify.annotations.NullMarked;
