package io.aitrader.core.backtest.results;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.requireText;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.money.Money;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.Product;

/**
 * A position still open when the fills ended: a round trip without an exit. Its PnL depends on a mark, so it is
 * not counted in the trade statistics; {@link #grossPnlAt(Price)} values it at a price.
 *
 * <p>Immutable and thread-safe.
 *
 * @param instrumentId       the instrument's id, e.g. {@code NSE:RELIANCE}
 * @param product            the product the position is held under
 * @param direction          LONG when the first fill bought, SHORT when it sold
 * @param quantity           the absolute position open at the end, > 0
 * @param maxQuantity        the largest absolute position held so far, ≥ {@code quantity}
 * @param entryTimeMillis    time of the first fill, epoch milliseconds
 * @param entryPrice         volume-weighted price of the fills that opened or added, rounded half-even to ₹0.0001
 * @param lastFillTimeMillis time of the latest fill, epoch milliseconds
 * @param cashFlow           Σ sell values − Σ buy values over the fills so far, exact (negative for a long)
 * @param charges            the charges of those fills, exact
 * @param fills              fills so far, ≥ 1
 */
public record OpenTrade(
    String instrumentId,
    Product product,
    TradeDirection direction,
    long quantity,
    long maxQuantity,
    long entryTimeMillis,
    Price entryPrice,
    long lastFillTimeMillis,
    Money cashFlow,
    Money charges,
    int fills) {

  /** Validates every component; see the type's rules. */
  public OpenTrade {
    requireText(instrumentId, "OpenTrade.instrumentId");
    required(product, "OpenTrade.product");
    required(direction, "OpenTrade.direction");
    required(entryPrice, "OpenTrade.entryPrice");
    required(cashFlow, "OpenTrade.cashFlow");
    required(charges, "OpenTrade.charges");
    check(quantity > 0, "OpenTrade.quantity", "must be > 0 (" + instrumentId + ")", quantity);
    check(maxQuantity >= quantity, "OpenTrade.maxQuantity", "must be >= quantity " + quantity, maxQuantity);
    check(lastFillTimeMillis >= entryTimeMillis, "OpenTrade.lastFillTimeMillis",
        "must not be before entryTimeMillis " + entryTimeMillis, lastFillTimeMillis);
    check(!charges.isNegative(), "OpenTrade.charges", "must be >= 0 (" + instrumentId + ")", charges);
    check(fills >= 1, "OpenTrade.fills", "must be >= 1 (" + instrumentId + ")", fills);
  }

  /** The signed open position: positive long, negative short. */
  public long signedQuantity() {
    return direction == TradeDirection.LONG ? quantity : -quantity;
  }

  /** Gross PnL if the position were closed at {@code mark}: {@code cashFlow + signedQuantity × mark}, exact. */
  public Money grossPnlAt(Price mark) {
    return cashFlow.plus(mark.times(signedQuantity()));
  }
}
