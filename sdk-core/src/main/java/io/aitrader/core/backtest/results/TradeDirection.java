package io.aitrader.core.backtest.results;

/** Whether a round-trip trade held a long (bought first) or a short (sold first) position. */
public enum TradeDirection {
  /** Opened by buying: profits when the price rises. */
  LONG,
  /** Opened by selling: profits when the price falls. */
  SHORT
}
