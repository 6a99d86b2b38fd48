package io.aitrader.api.users;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.requireText;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.ValidationException;
import java.util.Map;

/**
 * A logged-in user's session, as a {@link LoginSessionStore} keeps it: the browser or API client holds the
 * {@link #id()} (a bearer token), the gateway looks the session up on each request.
 *
 * <p>The id is a secret: {@link #toString()} never shows it, and no message of the SDK contains it. Compare ids with
 * {@link java.security.MessageDigest#isEqual} if you ever must. Immutable and thread-safe.
 *
 * @param id              an unguessable token: at least 128 random bits from {@link java.security.SecureRandom},
 *                        base64url without padding ({@link #isWellFormedId(String)})
 * @param userId          the {@link User#id()} it belongs to: 1 to 200 characters without whitespace
 * @param createdAtMillis when it was created, epoch milliseconds
 * @param expiresAtMillis when it stops being valid (exclusive), epoch milliseconds, after {@code createdAtMillis};
 *                        moved by {@link LoginSessionStore#touch}
 * @param attributes      small string facts about the session (client, IP address, second factor done): at most
 *                        {@value #MAX_ATTRIBUTES} entries, keys 1 to 100 characters without line breaks, values at
 *                        most 4096 characters; copied, unmodifiable
 */
public record LoginSession(String id, String userId, long createdAtMillis, long expiresAtMillis,
    Map<String, String> attributes) {
  /** The most attributes of a session. */
  public static final int MAX_ATTRIBUTES = 64;
  /** The fewest characters of an id: 22 base64url characters carry 128 bits. */
  public static final int MIN_ID_LENGTH = 22;
  private static final int MAX_ID_LENGTH = 256;

  /** Validates every component; see the parameters. Messages never contain the id. */
  public LoginSession {
    required(id, "LoginSession.id");
    if (!isWellFormedId(id)) {
      throw new ValidationException("LoginSession.id", "LoginSession.id must be " + MIN_ID_LENGTH + " to "
          + MAX_ID_LENGTH + " base64url characters, was a string of " + id.length() + " characters");
    }
    checkUserId(userId);
    check(expiresAtMillis > createdAtMillis, "LoginSession.expiresAtMillis", "must be after createdAtMillis "
        + createdAtMillis, expiresAtMillis);
    attributes = checkAttributes(attributes);
  }

  /** Whether {@code now} (epoch milliseconds) is before {@link #expiresAtMillis()}. */
  public boolean isLiveAt(long nowMillis) {
    return nowMillis < expiresAtMillis;
  }

  /** This session expiring at {@code newExpiresAtMillis}. */
  public LoginSession withExpiresAtMillis(long newExpiresAtMillis) {
    return new LoginSession(id, userId, createdAtMillis, newExpiresAtMillis, attributes);
  }

  /**
   * Whether {@code id} has the shape of a session id: {@value #MIN_ID_LENGTH} to 256 characters of the base64url
   * alphabet ({@code A-Z a-z 0-9 - _}). Stores answer a malformed id as unknown, without asking their backend.
   */
  public static boolean isWellFormedId(String id) {
    int n = id.length();
    if (n < MIN_ID_LENGTH || n > MAX_ID_LENGTH) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = id.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
        return false;
      }
    }
    return true;
  }

  /** Returns {@code userId} if it is 1 to 200 characters without whitespace, else fails naming it. */
  public static String checkUserId(String userId) {
    requireText(userId, "LoginSession.userId");
    boolean valid = userId.length() <= 200;
    for (int i = 0; valid && i < userId.length(); i++) {
      valid = !Character.isWhitespace(userId.charAt(i)) && !Character.isISOControl(userId.charAt(i));
    }
    check(valid, "LoginSession.userId", "must be 1 to 200 characters without whitespace", "'" + userId + "'");
    return userId;
  }

  /** Returns an unmodifiable copy of {@code attributes} if it follows the rules (see the parameters). */
  public static Map<String, String> checkAttributes(Map<String, String> attributes) {
    required(attributes, "LoginSession.attributes");
    check(attributes.size() <= MAX_ATTRIBUTES, "LoginSession.attributes", "must hold at most " + MAX_ATTRIBUTES
        + " entries", attributes.size());
    for (Map.Entry<String, String> e : attributes.entrySet()) {
      String key = required(e.getKey(), "LoginSession.attributes key");
      check(!key.isEmpty() && key.length() <= 100 && key.indexOf('\n') < 0 && key.indexOf('\r') < 0,
          "LoginSession.attributes key", "must be 1 to 100 characters without line breaks", "'" + key + "'");
      String value = required(e.getValue(), "LoginSession.attributes[" + key + "]");
      check(value.length() <= 4096, "LoginSession.attributes[" + key + "]", "must be at most 4096 characters",
          value.length() + " characters");
    }
    return Map.copyOf(attributes);
  }

  /** User, times and attributes; the id is masked. */
  @Override
  public String toString() {
    return "LoginSession[id=****, userId=" + userId + ", createdAtMillis=" + createdAtMillis + ", expiresAtMillis="
        + expiresAtMillis + ", attributes=" + attributes + "]";
  }
}
