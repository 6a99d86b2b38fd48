package io.aitrader.api;

import java.util.regex.Pattern;

/**
 * The one rule for identifiers that appear in topic names, stored records and logs. A strategy id names the
 * {@code signals.<strategy>} topic, so it follows the topic-word syntax: 1–64 characters of lower-case letters,
 * digits, {@code _} and {@code -}, starting with a letter or digit ({@code momentum-5m}, {@code pairs_01}).
 *
 * <p>Stateless and thread-safe.
 */
public final class Identifiers {
  /** The syntax of a strategy id. */
  public static final Pattern STRATEGY_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  private Identifiers() {}

  /**
   * Whether {@code id} is a valid strategy id: matches {@link #STRATEGY_ID}. Checked character by character
   * (every order carries a strategy id, so this runs per order): no matcher is made.
   */
  public static boolean isStrategyId(String id) {
    int n = id.length();
    if (n < 1 || n > 64 || !isLowerAlnum(id.charAt(0))) {
      return false;
    }
    for (int i = 1; i < n; i++) {
      char c = id.charAt(i);
      if (!isLowerAlnum(c) && c != '_' && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean isLowerAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  /** Returns {@code id}, or fails with a message naming {@code field} and the bad value. */
  public static String requireStrategyId(@org.jspecify.annotations.Nullable String id, String field) {
    ValidationException.required(id, field);
    if (!isStrategyId(id)) { // the message only for a bad id
      ValidationException.check(false, field,
          "must be 1-64 lower-case letters, digits, '_' or '-' starting with a letter or digit", "'" + id + "'");
    }
    return id;
  }
}
