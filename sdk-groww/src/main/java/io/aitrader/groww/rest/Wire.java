package io.aitrader.groww.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.aitrader.api.ValidationException;
import io.aitrader.api.money.Price;
import io.aitrader.api.time.Ist;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads fields of Groww's JSON with messages naming the call, the field and the bad value. Numbers are accepted as
 * JSON numbers or numeric strings; {@code null} and a missing field are the same. Prices are exact: decimals with
 * more than 4 places are rounded half-even to ₹0.0001 (averages); never through {@code double}.
 */
final class Wire {
  private Wire() {}

  static MalformedResponseException malformed(String endpoint, String what) {
    return new MalformedResponseException("Groww answered " + endpoint + " with an unexpected body: " + what
        + "; retry later, and report it if it persists", 200, endpoint);
  }

  static boolean absent(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() || (v.isTextual() && v.asText().isBlank());
  }

  static String text(JsonNode n, String field, String endpoint) {
    if (absent(n, field)) {
      throw malformed(endpoint, "field " + field + " is missing");
    }
    return n.get(field).asText().trim();
  }

  static Optional<String> optText(JsonNode n, String field) {
    return absent(n, field) ? Optional.empty() : Optional.of(n.get(field).asText().trim());
  }

  static Optional<BigDecimal> optDecimal(JsonNode n, String field, String endpoint) {
    if (absent(n, field)) {
      return Optional.empty();
    }
    return Optional.of(decimalOf(n.get(field), field, endpoint));
  }

  static BigDecimal decimal(JsonNode n, String field, String endpoint) {
    return optDecimal(n, field, endpoint).orElseThrow(() -> malformed(endpoint, "field " + field + " is missing"));
  }

  static BigDecimal decimalOrZero(JsonNode n, String field, String endpoint) {
    return optDecimal(n, field, endpoint).orElse(BigDecimal.ZERO);
  }

  static BigDecimal decimalOf(JsonNode v, String field, String endpoint) {
    if (v.isNumber()) {
      return v.decimalValue();
    }
    if (v.isTextual()) {
      try {
        return new BigDecimal(v.asText().trim());
      } catch (NumberFormatException e) {
        throw malformed(endpoint, "field " + field + " must be a number, was '" + shorten(v.asText()) + "'");
      }
    }
    throw malformed(endpoint, "field " + field + " must be a number, was " + shorten(v.toString()));
  }

  /** A price in rupees; empty when absent. Zero is kept (callers decide whether 0 means "none"). */
  static Optional<Price> optPrice(JsonNode n, String field, String endpoint) {
    return optDecimal(n, field, endpoint).map(Wire::price);
  }

  static Price price(BigDecimal rupees) {
    return Price.of(rupees.setScale(Price.SCALE, RoundingMode.HALF_EVEN));
  }

  /** A positive price, or empty when absent or zero (Groww sends 0 for "no price"). */
  static Optional<Price> positivePrice(JsonNode n, String field, String endpoint) {
    return optPrice(n, field, endpoint).filter(Price::isPositive);
  }

  static long longValue(JsonNode n, String field, String endpoint) {
    return optLong(n, field, endpoint).orElseThrow(() -> malformed(endpoint, "field " + field + " is missing"));
  }

  static Optional<Long> optLong(JsonNode n, String field, String endpoint) {
    if (absent(n, field)) {
      return Optional.empty();
    }
    BigDecimal d = decimalOf(n.get(field), field, endpoint);
    try {
      return Optional.of(d.longValueExact());
    } catch (ArithmeticException e) {
      throw malformed(endpoint, "field " + field + " must be a whole number, was " + d.toPlainString());
    }
  }

  static long longOrZero(JsonNode n, String field, String endpoint) {
    return optLong(n, field, endpoint).orElse(0L);
  }

  static <T> T parse(JsonNode n, String field, String endpoint, Function<String, T> parser) {
    String v = text(n, field, endpoint);
    try {
      return parser.apply(v);
    } catch (ValidationException | IllegalArgumentException | DateTimeParseException e) {
      throw malformed(endpoint, "field " + field + " has an unknown value '" + shorten(v) + "'");
    }
  }

  static <T> Optional<T> optParse(JsonNode n, String field, String endpoint, Function<String, T> parser) {
    return absent(n, field) ? Optional.empty() : Optional.of(parse(n, field, endpoint, parser));
  }

  /** An optional time field as epoch milliseconds (see {@link #epochMillis(String)}). */
  static Optional<Long> optTime(JsonNode n, String field, String endpoint) {
    if (absent(n, field)) {
      return Optional.empty();
    }
    JsonNode v = n.get(field);
    if (v.isNumber()) {
      return Optional.of(fromEpochNumber(v.asLong()));
    }
    try {
      return Optional.of(epochMillis(v.asText()));
    } catch (DateTimeParseException e) {
      throw malformed(endpoint, "field " + field + " must be a date-time, was '" + shorten(v.asText()) + "'");
    }
  }

  /**
   * Epoch milliseconds of a Groww time: ISO local ({@code 2023-10-01T10:15:30}) or with a space, taken as IST; with
   * a {@code Z} or an offset, as given; or a number of epoch seconds or milliseconds.
   */
  static long epochMillis(String text) {
    String t = text.trim();
    if (!t.isEmpty() && t.chars().allMatch(Character::isDigit)) {
      return fromEpochNumber(Long.parseLong(t));
    }
    String iso = t.length() > 10 && t.charAt(10) == ' ' ? t.substring(0, 10) + 'T' + t.substring(11) : t;
    boolean zoned = iso.endsWith("Z") || iso.lastIndexOf('+') > 10 || iso.lastIndexOf('-') > 10;
    if (zoned) {
      return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
    }
    if (iso.length() == 10) {
      iso = iso + "T00:00:00";
    }
    LocalDateTime local = LocalDateTime.parse(iso);
    return Ist.toEpochMillis(local.toLocalDate(), local.toLocalTime());
  }

  /** Seconds below 10^11 (year 5138), milliseconds above. */
  static long fromEpochNumber(long value) {
    return value < 100_000_000_000L ? value * 1000L : value;
  }

  static String shorten(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }
}
