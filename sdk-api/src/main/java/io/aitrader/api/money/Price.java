package io.aitrader.api.money;

import io.aitrader.api.ValidationException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An exact price in rupees, as a fixed-point count of {@code ₹0.0001} units (see the package doc).
 *
 * <pre>{@code
 * Price p = Price.of("2534.05");
 * p.units();                      // 25_340_500
 * p.isMultipleOf(Price.of("0.05")) // true
 * p.toString();                   // "2534.05"
 * }</pre>
 *
 * <p>Immutable and thread-safe. A price may be zero or negative (spreads, some commodity contracts); types that
 * need a positive price check it themselves.
 *
 * @param units the price in units of ₹0.0001
 */
public record Price(long units) implements Comparable<Price> {
  /** Decimal places of every price and amount. */
  public static final int SCALE = 4;
  /** Units in one rupee. */
  public static final long UNITS_PER_RUPEE = 10_000L;
  /** The zero price. */
  public static final Price ZERO = new Price(0);

  /** The price written as a decimal number of rupees, e.g. {@code "2534.05"}; at most 4 decimal places. */
  public static Price of(String rupees) {
    return new Price(parseUnits(rupees, "Price"));
  }

  /** The price of a decimal number of rupees; at most 4 decimal places. */
  public static Price of(BigDecimal rupees) {
    return new Price(toUnits(rupees, "Price"));
  }

  /** A whole number of rupees. */
  public static Price ofRupees(long rupees) {
    return new Price(Math.multiplyExact(rupees, UNITS_PER_RUPEE));
  }

  /** A price from its raw units of ₹0.0001. */
  public static Price ofUnits(long units) {
    return new Price(units);
  }

  /**
   * The nearest price to a {@code double} number of rupees, in ₹0.0001 units (ties round up, as
   * {@link Math#round(double)} does). For feeds that send doubles (Groww's protobuf feed); never use it for
   * arithmetic. Values beyond the range of a {@code long} of units are rejected.
   */
  public static long unitsOf(double rupees) {
    if (!Double.isFinite(rupees)) {
      throw new ValidationException("Price", "Price must be a finite number, was " + rupees);
    }
    double units = rupees * UNITS_PER_RUPEE;
    if (units >= 0x1p63 || units < -0x1p63) {
      throw new ValidationException("Price", "Price must fit in a long of ₹0.0001 units, was " + rupees);
    }
    return Math.round(units);
  }

  /** The price as an exact {@code BigDecimal} of rupees, with trailing zeros past 2 decimals stripped. */
  public BigDecimal toBigDecimal() {
    return toBigDecimal(units);
  }

  /** Whether this price is a whole multiple of {@code tickSize} (a positive price). */
  public boolean isMultipleOf(Price tickSize) {
    ValidationException.check(tickSize.units > 0, "tickSize", "must be > 0", tickSize);
    return units % tickSize.units == 0;
  }

  public Price plus(Price other) {
    return new Price(Math.addExact(units, other.units));
  }

  public Price minus(Price other) {
    return new Price(Math.subtractExact(units, other.units));
  }

  /** This price times a quantity, as money. */
  public Money times(long quantity) {
    return Money.ofUnits(Math.multiplyExact(units, quantity));
  }

  public boolean isPositive() {
    return units > 0;
  }

  @Override
  public int compareTo(Price o) {
    return Long.compare(units, o.units);
  }

  /** Plain rupees with at least two decimals: {@code "2534.05"}, {@code "0.0025"}, {@code "100.00"}. */
  @Override
  public String toString() {
    return format(units);
  }

  /** Formats raw units as {@link #toString()} does, without creating a {@code Price}. */
  public static String format(long units) {
    return toBigDecimal(units).toPlainString();
  }

  static BigDecimal toBigDecimal(long units) {
    BigDecimal d = BigDecimal.valueOf(units, SCALE).stripTrailingZeros();
    return d.scale() < 2 ? d.setScale(2, RoundingMode.UNNECESSARY) : d;
  }

  static long parseUnits(String rupees, String field) {
    ValidationException.requireText(rupees, field);
    final BigDecimal value;
    try {
      value = new BigDecimal(rupees.trim());
    } catch (NumberFormatException e) {
      throw new ValidationException(field, field + " must be a decimal number of rupees like 2534.05, was '" + rupees + "'");
    }
    return toUnits(value, field);
  }

  static long toUnits(BigDecimal rupees, String field) {
    ValidationException.required(rupees, field);
    try {
      return rupees.setScale(SCALE, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
    } catch (ArithmeticException e) {
      throw new ValidationException(field, field + " must have at most " + SCALE
          + " decimal places and fit in a long of ₹0.0001 units, was " + rupees.toPlainString());
    }
  }
}
