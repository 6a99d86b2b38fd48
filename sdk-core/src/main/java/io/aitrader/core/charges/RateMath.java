package io.aitrader.core.charges;

import java.math.BigInteger;

/**
 * Exact fixed-point arithmetic for charges. Fractional rates are held as {@code long} counts of 10<sup>-10</sup>
 * (so 0.00297% = 297,000 and ₹0.01 per crore = 10); amounts are {@link io.aitrader.api.money.Money} units of
 * ₹0.0001. Stateless.
 */
final class RateMath {
  /** Denominator of a scaled rate: a rate of {@code r} means r / 10^10. */
  static final long RATE_SCALE = 10_000_000_000L;
  /** Money units in one paisa. */
  static final long UNITS_PER_PAISA = 100L;
  /** value units × rate / PAISA_DIVISOR = paise. */
  private static final long PAISA_DIVISOR = RATE_SCALE * UNITS_PER_PAISA;
  private static final BigInteger BIG_DIVISOR = BigInteger.valueOf(PAISA_DIVISOR);

  private RateMath() {}

  /**
   * {@code valueUnits × scaledRate / 10^10}, rounded half-up to the paisa, in money units. Both arguments are
   * ≥ 0. Exact: uses 64-bit arithmetic when the product fits, 128-bit otherwise.
   */
  static long applyRate(long valueUnits, long scaledRate) {
    long hi = Math.multiplyHigh(valueUnits, scaledRate);
    long lo = valueUnits * scaledRate;
    long paise;
    if (hi == 0 && lo >= 0) {
      paise = lo / PAISA_DIVISOR;
      long rem = lo - paise * PAISA_DIVISOR;
      if (rem >= PAISA_DIVISOR - rem) {
        paise++;
      }
    } else {
      BigInteger[] qr = BigInteger.valueOf(valueUnits).multiply(BigInteger.valueOf(scaledRate))
          .divideAndRemainder(BIG_DIVISOR);
      paise = qr[0].longValueExact();
      if (qr[1].shiftLeft(1).compareTo(BIG_DIVISOR) >= 0) {
        paise++;
      }
    }
    return Math.multiplyExact(paise, UNITS_PER_PAISA);
  }
}
