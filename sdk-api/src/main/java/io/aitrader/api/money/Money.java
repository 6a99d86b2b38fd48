package io.aitrader.api.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An exact amount of rupees (cash, value, fees, PnL), as a fixed-point count of {@code ₹0.0001} units — the same
 * scale as {@link Price}, so {@code price × quantity} is exact.
 *
 * <pre>{@code
 * Money value = Price.of("2534.05").times(10);   // 25340.50
 * Money net = value.minus(Money.of("20.00"));
 * }</pre>
 *
 * <p>Arithmetic throws {@link ArithmeticException} on overflow rather than wrapping. Immutable, thread-safe.
 *
 * @param units the amount in units of ₹0.0001
 */
public record Money(long units) implements Comparable<Money> {
  public static final Money ZERO = new Money(0);

  public static Money of(String rupees) {
    return new Money(Price.parseUnits(rupees, "Money"));
  }

  public static Money of(BigDecimal rupees) {
    return new Money(Price.toUnits(rupees, "Money"));
  }

  /** Rounds {@code rupees} half-up to the paisa, as Indian charges are rounded, then converts exactly. */
  public static Money roundedToPaise(BigDecimal rupees) {
    return of(rupees.setScale(2, RoundingMode.HALF_UP));
  }

  public static Money ofRupees(long rupees) {
    return new Money(Math.multiplyExact(rupees, Price.UNITS_PER_RUPEE));
  }

  public static Money ofUnits(long units) {
    return new Money(units);
  }

  public Money plus(Money o) {
    return new Money(Math.addExact(units, o.units));
  }

  public Money minus(Money o) {
    return new Money(Math.subtractExact(units, o.units));
  }

  public Money negate() {
    return new Money(Math.negateExact(units));
  }

  public Money times(long factor) {
    return new Money(Math.multiplyExact(units, factor));
  }

  public boolean isNegative() {
    return units < 0;
  }

  public BigDecimal toBigDecimal() {
    return Price.toBigDecimal(units);
  }

  @Override
  public int compareTo(Money o) {
    return Long.compare(units, o.units);
  }

  /** Plain rupees with at least two decimals, e.g. {@code "-1234.50"}. */
  @Override
  public String toString() {
    return Price.format(units);
  }
}
