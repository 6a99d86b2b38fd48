package io.aitrader.benchmarks.backtest;

import io.aitrader.api.money.Price;
import io.aitrader.api.time.Ist;
import java.time.format.DateTimeFormatter;

/**
 * One long round trip of the comparison: instrument, entry time and price, exit time and price (the exit is
 * {@link #OPEN} when the position was still open at the end of the data). Times are epoch milliseconds of the bar
 * whose open filled the trade; prices are exact ₹0.0001 units on the instrument's tick.
 */
record RoundTrip(String instrument, long entryMillis, long entryPrice, long exitMillis, long exitPrice) {
  /** The exit time and price of a position still open at the end. */
  static final long OPEN = Long.MIN_VALUE;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  boolean isOpen() {
    return exitMillis == OPEN;
  }

  @Override
  public String toString() {
    return instrument + " in " + TIME.format(Ist.at(entryMillis)) + " @ " + Price.ofUnits(entryPrice)
        + (isOpen() ? ", still open at the end"
            : ", out " + TIME.format(Ist.at(exitMillis)) + " @ " + Price.ofUnits(exitPrice));
  }
}
