package io.aitrader.core.backtest.results;

import io.aitrader.api.money.Price;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Deterministic text forms of numbers and times shared by the JSON, CSV and HTML writers. */
final class Formats {
  /** IST as a fixed offset, so times print as {@code +05:30} (never as a region name). */
  static final ZoneOffset IST_OFFSET = ZoneOffset.ofHoursMinutes(5, 30);
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
  private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");
  private static final MathContext RATIO_DIGITS = new MathContext(10, RoundingMode.HALF_EVEN);
  private static final BigDecimal PLAIN_MIN = new BigDecimal("1e-6");
  private static final BigDecimal PLAIN_MAX = new BigDecimal("1e15");

  private Formats() {}

  /** ₹0.0001 units as a decimal with exactly four places, e.g. {@code -1234.5000}; exact, never via double. */
  static String money(long units) {
    return BigDecimal.valueOf(units, Price.SCALE).toPlainString();
  }

  /**
   * A finite double rounded half-even to 10 significant digits, trailing zeros removed: plain notation between
   * 1e-6 and 1e15 in magnitude, otherwise scientific ({@code 1.5E-9}); both are valid JSON numbers.
   */
  static String ratio(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("not a finite number: " + value);
    }
    BigDecimal d = new BigDecimal(value).round(RATIO_DIGITS).stripTrailingZeros();
    if (d.signum() == 0) {
      return "0";
    }
    BigDecimal abs = d.abs();
    return abs.compareTo(PLAIN_MIN) >= 0 && abs.compareTo(PLAIN_MAX) < 0 ? d.toPlainString() : d.toString();
  }

  /** ISO-8601 at IST, e.g. {@code 2025-06-10T10:15:00+05:30}; milliseconds only when not zero. */
  static String time(long epochMillis) {
    DateTimeFormatter f = Math.floorMod(epochMillis, 1000L) == 0 ? SECONDS : MILLIS;
    return f.format(Instant.ofEpochMilli(epochMillis).atOffset(IST_OFFSET));
  }
}
