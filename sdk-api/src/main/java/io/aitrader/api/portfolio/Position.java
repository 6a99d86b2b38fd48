package io.aitrader.api.portfolio;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.money.Money;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.Product;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The net holding of one instrument under one product, with its exact cost basis and the PnL realized by
 * closing trades. Keyed by {@code (instrument, product)}: an MIS and a CNC position in the same stock are separate.
 *
 * <pre>{@code
 * Position p = new Position(reliance, Product.MIS, 10, Money.of("25340.50"), Money.ZERO);
 * p.averagePrice();                              // 2534.05
 * p.unrealizedPnl(Price.of("2540.00"));          // 59.50
 * }</pre>
 *
 * <p>The cost basis is the signed value paid for the open quantity: positive for a long position, negative for a
 * short one (what was received), zero when flat. It is kept exact so that no rounding accumulates;
 * {@link #averagePrice()} rounds only when asked. Immutable and thread-safe.
 *
 * @param instrument  what is held
 * @param product     the product it is held under
 * @param netQuantity units held: positive long, negative short, zero flat
 * @param costBasis   signed value of the open quantity at entry prices, same sign as {@code netQuantity}
 * @param realizedPnl PnL of the quantity closed so far (gross, before charges)
 */
public record Position(Instrument instrument, Product product, long netQuantity, Money costBasis, Money realizedPnl) {

  /** Validates every component; see the type's rules. */
  public Position {
    required(instrument, "Position.instrument");
    required(product, "Position.product");
    required(costBasis, "Position.costBasis");
    required(realizedPnl, "Position.realizedPnl");
    if (Long.signum(costBasis.units()) != Long.signum(netQuantity)) { // the message only for a bad value
      check(false, "Position.costBasis", "must have the sign of netQuantity " + netQuantity + " (instrument "
          + instrument + ")", costBasis);
    }
  }

  /** A flat position with no history. */
  public static Position flat(Instrument instrument, Product product) {
    return new Position(instrument, product, 0, Money.ZERO, Money.ZERO);
  }

  /** The average entry price, {@code costBasis ÷ netQuantity} rounded half-even to ₹0.0001; zero when flat. */
  public Price averagePrice() {
    if (netQuantity == 0) {
      return Price.ZERO;
    }
    return Price.ofUnits(BigDecimal.valueOf(costBasis.units())
        .divide(BigDecimal.valueOf(netQuantity), 0, RoundingMode.HALF_EVEN).longValueExact());
  }

  /** Mark price × net quantity: what the open quantity is worth (negative for a short). */
  public Money marketValue(Price mark) {
    return mark.times(netQuantity);
  }

  /** PnL of the open quantity at {@code mark}: {@code marketValue(mark) - costBasis}, exact. */
  public Money unrealizedPnl(Price mark) {
    return marketValue(mark).minus(costBasis);
  }

  public boolean isFlat() {
    return netQuantity == 0;
  }

  public boolean isLong() {
    return netQuantity > 0;
  }

  public boolean isShort() {
    return netQuantity < 0;
  }
}
