package io.aitrader.api.users;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.requireText;
import static io.aitrader.api.ValidationException.required;

import java.util.Locale;

/**
 * A person (or service account) who may log in: stored by a {@link UserRepository}, which also keeps the password
 * hash — never part of this value, so a {@code User} may be logged and returned to clients.
 *
 * <pre>{@code
 * User alice = users.create("alice", "Alice Iyer", Role.TRADER, password);
 * users.findByName("ALICE");   // the same user: names are case-insensitive
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param id              the repository's unique id (opaque text, stable for life)
 * @param name            the login name: 1 to 64 ASCII letters, digits or {@code . _ - @}, starting with a letter or
 *                        digit; unique ignoring case, kept as written
 * @param displayName     a human-readable name, 1 to 200 characters, not blank
 * @param role            what the user may do
 * @param enabled         whether the user may log in; a disabled user never authenticates
 * @param createdAtMillis when the user was created, epoch milliseconds, >= 0
 */
public record User(String id, String name, String displayName, Role role, boolean enabled, long createdAtMillis) {
  /** The most characters of a {@link #name()}. */
  public static final int MAX_NAME = 64;
  /** The most characters of a {@link #displayName()}. */
  public static final int MAX_DISPLAY_NAME = 200;

  /** Validates every component; see the parameters. */
  public User {
    requireText(id, "User.id");
    check(id.length() <= 200, "User.id", "must be at most 200 characters", id);
    checkName(name);
    checkDisplayName(displayName);
    required(role, "User.role");
    check(createdAtMillis >= 0, "User.createdAtMillis", "must be >= 0", createdAtMillis);
  }

  /** This user with {@code newRole}. */
  public User withRole(Role newRole) {
    return new User(id, name, displayName, newRole, enabled, createdAtMillis);
  }

  /** This user enabled or disabled. */
  public User withEnabled(boolean nowEnabled) {
    return new User(id, name, displayName, role, nowEnabled, createdAtMillis);
  }

  /**
   * Returns {@code name} if it is a valid login name (see {@link #name()}), else fails with a
   * {@link io.aitrader.api.ValidationException} naming {@code User.name} and the bad value.
   */
  public static String checkName(String name) {
    required(name, "User.name");
    boolean valid = !name.isEmpty() && name.length() <= MAX_NAME && isLetterOrDigit(name.charAt(0));
    for (int i = 1; valid && i < name.length(); i++) {
      char c = name.charAt(i);
      valid = isLetterOrDigit(c) || c == '.' || c == '_' || c == '-' || c == '@';
    }
    check(valid, "User.name", "must be 1 to " + MAX_NAME
        + " ASCII letters, digits or . _ - @ starting with a letter or digit", "'" + name + "'");
    return name;
  }

  /** The form under which names are unique: {@code name} in lower case (ASCII, locale-independent). */
  public static String normalizedName(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /** Returns {@code displayName} if it is 1 to 200 characters and not blank, else fails naming it. */
  public static String checkDisplayName(String displayName) {
    requireText(displayName, "User.displayName");
    check(displayName.length() <= MAX_DISPLAY_NAME, "User.displayName",
        "must be at most " + MAX_DISPLAY_NAME + " characters", displayName.length() + " characters");
    return displayName;
  }

  private static boolean isLetterOrDigit(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }
}
