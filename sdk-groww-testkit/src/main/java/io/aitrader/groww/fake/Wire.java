package io.aitrader.groww.fake;

import com.fasterxml.jackson.databind.JsonNode;
import io.aitrader.api.money.Price;
import io.aitrader.api.time.Ist;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reading request fields (with GA001 messages naming the field) and writing Groww's time formats. */
final class Wire {
  static final DateTimeFormatter LOCAL_ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);
  static final DateTimeFormatter LOCAL_SPACE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
  private static final DateTimeFormatter UTC_Z = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT);

  private Wire() {}

  /** IST local time without zone, {@code 2023-10-01T10:15:30}. */
  static String localIso(long epochMillis) {
    return LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), Ist.ZONE).format(LOCAL_ISO);
  }

  /** IST local time with a space, {@code 2023-10-01 10:15:30}. */
  static String localSpace(long epochMillis) {
    return LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), Ist.ZONE).format(LOCAL_SPACE);
  }

  /** UTC with a {@code Z}, {@code 2019-08-24T14:15:22Z} (the docs' trade_date style). */
  static String utcZ(long epochMillis) {
    return LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC).format(UTC_Z);
  }

  /**
   * A request time: {@code yyyy-MM-dd HH:mm:ss} or {@code yyyy-MM-ddTHH:mm:ss} (IST), or epoch seconds (epoch
   * milliseconds when it has 12 or more digits).
   */
  static long parseTime(String text, String field) {
    String t = text.trim();
    if (!t.isEmpty() && t.chars().allMatch(Character::isDigit)) {
      long n = Long.parseLong(t);
      return t.length() >= 12 ? n : n * 1000;
    }
    try {
      LocalDateTime local = LocalDateTime.parse(t.replace('T', ' '), LOCAL_SPACE);
      return local.atZone(Ist.ZONE).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      throw ApiError.badRequest(field + " must be 'yyyy-MM-dd HH:mm:ss' (IST) or epoch seconds, was '" + text + "'");
    }
  }

  static LocalDate parseDate(String text, String field) {
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw ApiError.badRequest(field + " must be a date yyyy-MM-dd, was '" + text + "'");
    }
  }

  /** The next 06:00 IST strictly after {@code epochMillis}: when Groww access tokens expire. */
  static long nextSixAm(long epochMillis) {
    LocalDateTime local = LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), Ist.ZONE);
    LocalDate day = local.toLocalTime().isBefore(LocalTime.of(6, 0)) ? local.toLocalDate()
        : local.toLocalDate().plusDays(1);
    return Ist.toEpochMillis(day, LocalTime.of(6, 0));
  }

  static String text(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull() || n.asText().isBlank()) {
      throw ApiError.badRequest("'" + field + "' is required");
    }
    if (!n.isValueNode()) {
      throw ApiError.badRequest("'" + field + "' must be a string, was " + n);
    }
    return n.asText().trim();
  }

  static Optional<String> optionalText(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull() || n.asText().isBlank()) {
      return Optional.empty();
    }
    return Optional.of(n.asText().trim());
  }

  /** A whole number (JSON number or numeric string). */
  static long integer(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      throw ApiError.badRequest("'" + field + "' is required");
    }
    try {
      BigDecimal d = n.isNumber() ? n.decimalValue() : new BigDecimal(n.asText().trim());
      return d.longValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      throw ApiError.badRequest("'" + field + "' must be a whole number, was " + n);
    }
  }

  /**
   * A rupee amount in ₹0.0001 units from a JSON number or decimal string; empty when absent, null or zero (the SDK
   * sends {@code price: 0.0} for MARKET orders and {@code trigger_price: null} when unused).
   */
  static Optional<Price> price(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull() || (n.isTextual() && n.asText().isBlank())) {
      return Optional.empty();
    }
    BigDecimal d;
    try {
      d = n.isNumber() ? n.decimalValue() : new BigDecimal(n.asText().trim());
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("'" + field + "' must be a number of rupees, was " + n);
    }
    if (d.signum() < 0) {
      throw ApiError.badRequest("'" + field + "' must not be negative, was " + d.toPlainString());
    }
    if (d.stripTrailingZeros().scale() > Price.SCALE) {
      throw ApiError.badRequest("'" + field + "' must have at most " + Price.SCALE + " decimals, was " + d.toPlainString());
    }
    return d.signum() == 0 ? Optional.empty() : Optional.of(Price.of(d));
  }

  /** An enum value by its wire name (case-insensitive); GA001 listing the valid ones otherwise. */
  static <E extends Enum<E>> E enumValue(Class<E> type, String text, String field) {
    String t = text.trim().toUpperCase(Locale.ROOT);
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(t)) {
        return e;
      }
    }
    String valid = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    throw ApiError.badRequest("'" + field + "' must be one of " + valid + ", was '" + text + "'");
  }

  static <E extends Enum<E>> E enumField(JsonNode body, Class<E> type, String field) {
    return enumValue(type, text(body, field), field);
  }
}
