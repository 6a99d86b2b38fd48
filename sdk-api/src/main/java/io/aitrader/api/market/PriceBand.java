package io.aitrader.api.market;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.money.Price;

/**
 * An instrument's price band for the day (circuit limits): orders priced outside it are rejected by the exchange,
 * so the order service and the paper broker reject them first.
 *
 * <pre>{@code
 * PriceBand band = new PriceBand(Price.of("2250.00"), Price.of("2750.00"));
 * band.contains(Price.of("2760.00"));   // false
 * }</pre>
 *
 * @param lower the lowest price allowed (lower circuit), > 0
 * @param upper the highest price allowed (upper circuit), ≥ lower
 */
public record PriceBand(Price lower, Price upper) {
  /** Validates every component; see the type's rules. */
  public PriceBand {
    required(lower, "PriceBand.lower");
    required(upper, "PriceBand.upper");
    check(lower.isPositive(), "PriceBand.lower", "must be > 0", lower);
    check(upper.compareTo(lower) >= 0, "PriceBand.upper", "must be >= lower " + lower, upper);
  }

  /** Whether {@code price} is within the band, both limits included. */
  public boolean contains(Price price) {
    return price.compareTo(lower) >= 0 && price.compareTo(upper) <= 0;
  }

  /** Whether a price in ₹0.0001 units is within the band, both limits included. */
  public boolean contains(long priceUnits) {
    return priceUnits >= lower.units() && priceUnits <= upper.units();
  }

  /** {@code [2250.00, 2750.00]}. */
  @Override
  public String toString() {
    return "[" + lower + ", " + upper + "]";
  }
}
