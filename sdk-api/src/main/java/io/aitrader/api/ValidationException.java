package io.aitrader.api;

/**
 * A value failed validation: the message names the field, the rule and the bad value, for example
 * {@code "Tick.lastPrice must be > 0, was -5"}. Thrown by constructors and factories of value types.
 */
public class ValidationException extends AitraderException {
  private static final long serialVersionUID = 1L;

  private final String field;

  public ValidationException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The field (qualified by its type, e.g. {@code Tick.lastPrice}) whose value was rejected. */
  public String field() {
    return field;
  }

  /** Fails with {@code "<field> <rule>, was <value>"} unless {@code condition} holds. */
  public static void check(boolean condition, String field, String rule, Object value) {
    if (!condition) {
      throw new ValidationException(field, field + " " + rule + ", was " + value);
    }
  }

  /** As {@link #check(boolean, String, String, Object)} for a {@code long} value, without boxing it. */
  public static void check(boolean condition, String field, String rule, long value) {
    if (!condition) {
      throw new ValidationException(field, field + " " + rule + ", was " + value);
    }
  }

  /** As {@link #check(boolean, String, String, Object)} for a {@code double} value, without boxing it. */
  public static void check(boolean condition, String field, String rule, double value) {
    if (!condition) {
      throw new ValidationException(field, field + " " + rule + ", was " + value);
    }
  }

  /** Returns {@code value}, or fails with {@code "<field> is required"} when it is null. */
  public static <T> T required(@org.jspecify.annotations.Nullable T value, String field) {
    if (value == null) {
      throw new ValidationException(field, field + " is required, was null");
    }
    return value;
  }

  /** Returns {@code value}, or fails when it is null or blank. */
  public static String requireText(@org.jspecify.annotations.Nullable String value, String field) {
    if (value == null || value.isBlank()) {
      throw new ValidationException(field, field + " must not be blank, was " + (value == null ? "null" : "'" + value + "'"));
    }
    return value;
  }
}
