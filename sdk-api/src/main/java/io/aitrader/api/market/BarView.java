package io.aitrader.api.market;

import io.aitrader.api.instrument.Instrument;

/**
 * Read access to a bar. {@link Bar} is the immutable implementation; a bar aggregator may pass a reused view to
 * its {@link BarListener} so that emitting a bar allocates nothing — such a view is valid only during the call:
 * keep {@link #toBar()}, not the view.
 */
public interface BarView {
  Instrument instrument();

  BarInterval interval();

  /** Start of the interval (inclusive), epoch milliseconds. */
  long openTimeMillis();

  /** End of the interval (exclusive), epoch milliseconds; the session close for the last bar of a day. */
  long closeTimeMillis();

  /** Prices in ₹0.0001 units. */
  long open();

  long high();

  long low();

  long close();

  /** Quantity traded in the interval. */
  long volume();

  /** Σ price × quantity over the interval, in ₹0.0001 units: exact, so VWAP is exact. */
  long turnover();

  /** Number of trade prints (ticks with a quantity) in the interval. */
  int tradeCount();

  /** {@code true} once the interval has closed; {@code false} for a running (partial) bar. */
  boolean complete();

  /** An immutable copy ({@code this} when already a {@link Bar}). */
  Bar toBar();
}
