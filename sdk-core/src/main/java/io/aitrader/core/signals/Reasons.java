package io.aitrader.core.signals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalTime;

/**
 * The reasons format: numbers with at most 4 decimals and no trailing zeros ({@code 28.41}, {@code 1.0123},
 * {@code 30}), locale-independent; results as {@code ✓} / {@code ✗}; clauses joined by {@code "; "}. Stateless.
 */
final class Reasons {
  static final String PASS = " ✓";
  static final String FAIL = " ✗";

  private Reasons() {}

  static String number(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    BigDecimal d = BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros();
    return d.signum() == 0 ? "0" : d.toPlainString();
  }

  static StringBuilder mark(StringBuilder out, boolean passed) {
    return out.append(passed ? PASS : FAIL);
  }

  /** {@code 09:20}, {@code 14:59:59.999}: an IST time of day. */
  static String timeOfDay(long millisOfDay) {
    return LocalTime.ofNanoOfDay(millisOfDay * 1_000_000L).toString();
  }

  /** {@code 15m}, {@code 90s}, {@code 1500ms}. */
  static String duration(long millis) {
    if (millis % 60_000 == 0) {
      return millis / 60_000 + "m";
    }
    if (millis % 1_000 == 0) {
      return millis / 1_000 + "s";
    }
    return millis + "ms";
  }
}
