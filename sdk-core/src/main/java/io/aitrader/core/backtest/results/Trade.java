package io.aitrader.core.backtest.results;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.requireText;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.money.Money;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.Product;

/**
 * One closed round trip: the life of a position in one instrument under one product, from flat to flat. Adds and
 * partial exits belong to the same trade; a fill that reverses the position is split between the trade it closes
 * and the one it opens (see {@link RoundTrips}).
 *
 * <pre>{@code
 * Trade t = result.trades().get(0);
 * t.netPnl();        // gross PnL - charges, exact
 * t.isWin();         // netPnl > 0
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param instrumentId    the instrument's id, e.g. {@code NSE:RELIANCE}
 * @param product         the product the position was held under
 * @param direction       LONG when the first fill bought, SHORT when it sold
 * @param quantity        the largest absolute position held during the trade, > 0
 * @param entryTimeMillis time of the first fill, epoch milliseconds
 * @param entryPrice      volume-weighted price of the fills that opened or added, rounded half-even to ₹0.0001
 * @param exitTimeMillis  time of the fill that made the position flat, epoch milliseconds
 * @param exitPrice       volume-weighted price of the closing fills, rounded half-even to ₹0.0001
 * @param grossPnl        Σ sell values − Σ buy values over the trade's fills, exact (never from the rounded prices)
 * @param charges         the charges of the trade's fills (split pro rata for a reversing fill), exact
 * @param netPnl          {@code grossPnl − charges}
 * @param fills           fills in the trade (a reversing fill counts in both trades it belongs to), ≥ 2
 */
public record Trade(
    String instrumentId,
    Product product,
    TradeDirection direction,
    long quantity,
    long entryTimeMillis,
    Price entryPrice,
    long exitTimeMillis,
    Price exitPrice,
    Money grossPnl,
    Money charges,
    Money netPnl,
    int fills) {

  /** Validates every component; see the type's rules. */
  public Trade {
    requireText(instrumentId, "Trade.instrumentId");
    required(product, "Trade.product");
    required(direction, "Trade.direction");
    required(entryPrice, "Trade.entryPrice");
    required(exitPrice, "Trade.exitPrice");
    required(grossPnl, "Trade.grossPnl");
    required(charges, "Trade.charges");
    required(netPnl, "Trade.netPnl");
    check(quantity > 0, "Trade.quantity", "must be > 0 (" + instrumentId + ")", quantity);
    check(exitTimeMillis >= entryTimeMillis, "Trade.exitTimeMillis",
        "must not be before entryTimeMillis " + entryTimeMillis + " (" + instrumentId + ")", exitTimeMillis);
    check(!charges.isNegative(), "Trade.charges", "must be >= 0 (" + instrumentId + ")", charges);
    check(netPnl.equals(grossPnl.minus(charges)), "Trade.netPnl",
        "must equal grossPnl " + grossPnl + " - charges " + charges + " (" + instrumentId + ")", netPnl);
    check(fills >= 2, "Trade.fills", "must be >= 2 (" + instrumentId + ")", fills);
  }

  /** Whether the trade made money after charges ({@code netPnl > 0}). */
  public boolean isWin() {
    return netPnl.units() > 0;
  }

  /** Whether the trade lost money after charges ({@code netPnl < 0}); a break-even trade is neither. */
  public boolean isLoss() {
    return netPnl.units() < 0;
  }

  /** How long the position was open, in milliseconds. */
  public long holdingMillis() {
    return exitTimeMillis - entryTimeMillis;
  }
}
