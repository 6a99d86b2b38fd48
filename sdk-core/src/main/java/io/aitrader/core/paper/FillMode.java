package io.aitrader.core.paper;

/** Which market input a {@link PaperBroker} fills orders from; the other input is ignored. */
public enum FillMode {
  /** Fill from trade prints ({@link PaperBroker#onTick}): MARKET at the next tick, bid/ask used when present. */
  TICK,
  /** Fill from complete bars ({@link PaperBroker#onBar}): MARKET at the next bar's open, stops on high/low. */
  BAR
}
