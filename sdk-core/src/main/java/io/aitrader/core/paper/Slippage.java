package io.aitrader.core.paper;

import io.aitrader.api.order.Side;

/**
 * The price a market order (MARKET, or SL-M once triggered) executes at, given the market at that moment, rounded
 * to the instrument's tick size in the adverse direction (BUY up, SELL down, never below one tick). The fixed model
 * is adverse to the last price; the half-spread model takes the quote's side (the ask for a BUY, the bid for a
 * SELL), which can be better than the last trade when the quote has moved. Exact: ₹0.0001 units.
 *
 * <pre>{@code
 * Slippage.none();            // the last traded price (the bar's open in bar mode)
 * Slippage.fixedBps(5);       // last price ± 5 basis points: a BUY at 100.00 pays 100.05
 * Slippage.halfSpread(5);     // mid ± half the quoted spread (= the ask for a BUY, the bid for a SELL);
 *                             // fixedBps(5) when the tick has no two-sided quote (and always in bar mode)
 * }</pre>
 *
 * <p>Implementations are stateless, thread-safe and allocate nothing (called per fill on the hot path).
 */
@FunctionalInterface
public interface Slippage {

  /**
   * The execution price in ₹0.0001 units.
   *
   * @param side      the order's side
   * @param lastPrice the reference price: the last trade (tick mode) or the bar's open or trigger price (bar mode)
   * @param bidPrice  the best bid, 0 when absent (always 0 in bar mode)
   * @param askPrice  the best ask, 0 when absent (always 0 in bar mode)
   * @param tickUnits the instrument's tick size, > 0
   */
  long executionPrice(Side side, long lastPrice, long bidPrice, long askPrice, long tickUnits);

  /** No slippage: the reference price, rounded adversely to the tick size if it is off the grid. */
  static Slippage none() {
    return NoSlippage.INSTANCE;
  }

  /** The reference price moved {@code bps} basis points against the order; {@code 0 <= bps < 10000}. */
  static Slippage fixedBps(int bps) {
    return new FixedBpsSlippage(bps);
  }

  /**
   * Mid price plus (BUY) or minus (SELL) half the quoted spread — that is the ask for a BUY and the bid for a SELL —
   * when the tick carries both a bid and an ask; otherwise {@link #fixedBps(int) fixedBps(fallbackBps)}.
   */
  static Slippage halfSpread(int fallbackBps) {
    return new HalfSpreadSlippage(new FixedBpsSlippage(fallbackBps));
  }
}
