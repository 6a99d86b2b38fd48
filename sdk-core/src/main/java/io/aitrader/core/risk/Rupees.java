package io.aitrader.core.risk;

import io.aitrader.api.money.Price;

/** Formatting of ₹0.0001 amounts for messages, and the saturating arithmetic the checks use. Stateless. */
final class Rupees {
  private Rupees() {}

  /**
   * {@code units} as rupees with Indian digit grouping and at least two decimals: {@code ₹1,25,000.00},
   * {@code -₹0.0025}. Allocates: for failure messages only.
   */
  static String format(long units) {
    StringBuilder sb = new StringBuilder(24);
    if (units < 0) {
      sb.append('-');
    }
    sb.append('₹');
    // Long.MIN_VALUE has no positive counterpart: work on the magnitude in two unsigned-safe parts
    long whole = Math.abs(units / Price.UNITS_PER_RUPEE);
    int fraction = (int) Math.abs(units % Price.UNITS_PER_RUPEE);
    appendIndianGrouped(sb, whole);
    sb.append('.');
    String digits = Integer.toString(fraction + (int) Price.UNITS_PER_RUPEE).substring(1); // 4 digits
    int end = 4;
    while (end > 2 && digits.charAt(end - 1) == '0') {
      end--;
    }
    sb.append(digits, 0, end);
    return sb.toString();
  }

  /** Groups the last three digits, then pairs: 12,34,56,789. */
  private static void appendIndianGrouped(StringBuilder sb, long value) {
    String digits = Long.toString(value);
    int n = digits.length();
    if (n <= 3) {
      sb.append(digits);
      return;
    }
    int head = n - 3;
    for (int i = 0; i < head; i++) {
      sb.append(digits.charAt(i));
      int left = head - i - 1;
      if (left > 0 && left % 2 == 0) {
        sb.append(',');
      }
    }
    sb.append(',').append(digits, head, n);
  }

  /** {@code a × b} for {@code a, b >= 0}, or {@link Long#MAX_VALUE} when it overflows. */
  static long timesSaturated(long a, long b) {
    long hi = Math.multiplyHigh(a, b);
    long lo = a * b;
    return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo;
  }

  /** {@code a + b}, clamped to the range of a {@code long}. */
  static long plusSaturated(long a, long b) {
    long r = a + b;
    if (((a ^ r) & (b ^ r)) < 0) {
      return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return r;
  }

  /** {@code |a|}, with {@link Long#MIN_VALUE} clamped to {@link Long#MAX_VALUE}. */
  static long absSaturated(long a) {
    return a == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(a);
  }
}
