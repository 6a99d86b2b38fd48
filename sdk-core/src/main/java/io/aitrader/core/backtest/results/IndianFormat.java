package io.aitrader.core.backtest.results;

import io.aitrader.api.money.Price;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.OptionalDouble;

/** Human-readable numbers for the report: Indian digit grouping (₹12,34,567.89), percentages, durations. */
final class IndianFormat {
  /** Shown for an undefined value. */
  static final String UNDEFINED = "—";

  private IndianFormat() {}

  /** An amount rounded half-even to the paisa, e.g. {@code ₹12,34,567.89} or {@code -₹5.00}. */
  static String rupees(long units) {
    return withSign(BigDecimal.valueOf(units, Price.SCALE).setScale(2, RoundingMode.HALF_EVEN), "₹");
  }

  /** A price, exact (two to four decimals), e.g. {@code ₹2,534.05} or {@code ₹1,234.5625}. */
  static String price(long units) {
    BigDecimal d = BigDecimal.valueOf(units, Price.SCALE).stripTrailingZeros();
    if (d.scale() < 2) {
      d = d.setScale(2, RoundingMode.UNNECESSARY);
    }
    return withSign(d, "₹");
  }

  /** A whole number grouped the Indian way, e.g. {@code 1,23,456}. */
  static String count(long n) {
    return withSign(BigDecimal.valueOf(n), "");
  }

  /** A fraction as a percentage with two decimals, e.g. {@code 12.35%}; {@link #UNDEFINED} when empty. */
  static String percent(OptionalDouble fraction) {
    return fraction.isPresent() ? percent(fraction.getAsDouble()) : UNDEFINED;
  }

  static String percent(double fraction) {
    if (!Double.isFinite(fraction)) {
      return UNDEFINED;
    }
    return new BigDecimal(fraction).movePointRight(2).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + "%";
  }

  /** A ratio with two decimals, e.g. {@code 1.43}; {@link #UNDEFINED} when empty. */
  static String ratio(OptionalDouble value) {
    if (value.isEmpty() || !Double.isFinite(value.getAsDouble())) {
      return UNDEFINED;
    }
    return new BigDecimal(value.getAsDouble()).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }

  /** A duration as days, hours and minutes, e.g. {@code 12d 3h 15m}; {@code 0m} when zero. */
  static String duration(long millis) {
    long minutes = millis / 60_000L;
    long days = minutes / (24 * 60);
    long hours = minutes / 60 % 24;
    long mins = minutes % 60;
    StringBuilder s = new StringBuilder();
    if (days > 0) {
      s.append(count(days)).append("d ");
    }
    if (days > 0 || hours > 0) {
      s.append(hours).append("h ");
    }
    return s.append(mins).append('m').toString();
  }

  private static String withSign(BigDecimal d, String currency) {
    String plain = d.abs().toPlainString();
    int dot = plain.indexOf('.');
    String whole = dot < 0 ? plain : plain.substring(0, dot);
    String fraction = dot < 0 ? "" : plain.substring(dot);
    return (d.signum() < 0 ? "-" : "") + currency + group(whole) + fraction;
  }

  /** Groups the digits of a whole number: the last three, then pairs ({@code 1234567 → 12,34,567}). */
  static String group(String digits) {
    int n = digits.length();
    if (n <= 3) {
      return digits;
    }
    StringBuilder s = new StringBuilder(n + n / 2);
    int head = n - 3;
    int first = head % 2 == 0 ? 2 : 1;
    s.append(digits, 0, first);
    for (int i = first; i < head; i += 2) {
      s.append(',').append(digits, i, i + 2);
    }
    return s.append(',').append(digits, head, n).toString();
  }
}
