package io.aitrader.core.portfolio;

import java.math.BigInteger;
import java.math.RoundingMode;

/** Exact integer helpers for the accounting: a multiply-divide that never overflows silently. */
final class ExactMath {
  private ExactMath() {}

  /**
   * {@code a × b ÷ d} rounded half-even, exact for any {@code long} inputs ({@code b ≥ 0}, {@code d > 0}); fails
   * with {@link ArithmeticException} only when the result itself does not fit a {@code long}.
   */
  static long mulDivHalfEven(long a, long b, long d) {
    long high = Math.multiplyHigh(a, b);
    long low = a * b;
    if ((high == 0 && low >= 0) || (high == -1 && low < 0)) {
      return divHalfEven(low, d);
    }
    BigInteger product = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b));
    return new java.math.BigDecimal(product).divide(java.math.BigDecimal.valueOf(d), 0, RoundingMode.HALF_EVEN)
        .longValueExact();
  }

  /** {@code n ÷ d} rounded half-even ({@code d > 0}). */
  static long divHalfEven(long n, long d) {
    long q = n / d;
    long r = Math.abs(n % d);
    long rest = d - r;
    if (r > rest || (r == rest && (q & 1) != 0)) {
      q += n < 0 ? -1 : 1;
    }
    return q;
  }
}
