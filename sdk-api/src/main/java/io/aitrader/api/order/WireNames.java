package io.aitrader.api.order;

import io.aitrader.api.ValidationException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Parses the order enums from their Groww wire values with one consistent error message. */
final class WireNames {
  private WireNames() {}

  static <E extends Enum<E>> E parse(Class<E> type, String text, String field) {
    ValidationException.requireText(text, field);
    String t = text.trim().toUpperCase(Locale.ROOT);
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(t)) {
        return e;
      }
    }
    String valid = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    throw new ValidationException(field, field + " must be one of " + valid + ", was '" + text + "'");
  }
}
