package io.aitrader.core.execution;

import static io.aitrader.api.ValidationException.check;

import io.aitrader.api.order.Product;

/**
 * The share of an order's value the account must have free to open it, per product: a simple stand-in for the
 * broker's margin calculator (Groww's {@code /v1/margins/detail/orders}), used by the paper account's funds check.
 * Defaults: delivery (CNC) 100 %, intraday (MIS, BO, CO) 20 % (5× leverage, SEBI's peak-margin minimum for cash
 * equity), carry-forward F&amp;O and commodity (NRML) 15 % (a typical SPAN + exposure on index futures), MTF 25 %.
 * Orders that only reduce a position need no margin.
 *
 * @param deliveryPercent      CNC and ARB
 * @param intradayPercent      MIS, BO, CO
 * @param carryForwardPercent  NRML
 * @param marginTradingPercent MTF
 */
public record MarginRates(int deliveryPercent, int intradayPercent, int carryForwardPercent, int marginTradingPercent) {
  /** The defaults above. */
  public static final MarginRates DEFAULT = new MarginRates(100, 20, 15, 25);

  public MarginRates {
    check(deliveryPercent > 0 && deliveryPercent <= 100, "MarginRates.deliveryPercent", "must be within 1..100", deliveryPercent);
    check(intradayPercent > 0 && intradayPercent <= 100, "MarginRates.intradayPercent", "must be within 1..100", intradayPercent);
    check(carryForwardPercent > 0 && carryForwardPercent <= 100, "MarginRates.carryForwardPercent", "must be within 1..100", carryForwardPercent);
    check(marginTradingPercent > 0 && marginTradingPercent <= 100, "MarginRates.marginTradingPercent", "must be within 1..100", marginTradingPercent);
  }

  /** The percentage of value {@code product} needs. */
  public int percentFor(Product product) {
    switch (product) {
      case CNC:
      case ARB:
        return deliveryPercent;
      case NRML:
        return carryForwardPercent;
      case MTF:
        return marginTradingPercent;
      default:
        return intradayPercent;
    }
  }

  /** Margin in ₹0.0001 units for {@code valueUnits} of {@code product}, rounded up to the unit. */
  public long marginUnits(Product product, long valueUnits) {
    long scaled = Math.multiplyExact(valueUnits, percentFor(product));
    return -Math.floorDiv(-scaled, 100);
  }
}
