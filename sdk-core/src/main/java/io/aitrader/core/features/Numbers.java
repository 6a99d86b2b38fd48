package io.aitrader.core.features;

import java.math.BigDecimal;

/** Canonical rendering of numbers in expressions: {@code 20}, {@code 2.5}, {@code 0.001}. */
final class Numbers {
  private Numbers() {}

  static String format(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
