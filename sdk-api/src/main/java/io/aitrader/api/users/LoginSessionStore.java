package io.aitrader.api.users;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The logged-in users' sessions, for the API gateway: create one at login, look it up on each request, slide its
 * expiry while it is used, revoke it at logout (or all of a user's when the password changes or the user is
 * disabled).
 *
 * <pre>{@code
 * LoginSessionStore sessions = new InMemoryLoginSessionStore(clock);   // or RedisLoginSessionStore.on(redis)
 * LoginSession s = sessions.create(user.id(), Duration.ofHours(8), Map.of("client", "web"));
 * response.cookie("sid", s.id());                                       // HttpOnly, Secure
 * Optional<LoginSession> current = sessions.touch(cookie, Duration.ofHours(8));   // empty: log in again
 * sessions.revokeAll(user.id());                                        // after a password change
 * }</pre>
 *
 * <p><b>Contract</b> (checked by the kit {@code io.aitrader.testing.users.LoginSessionStoreContract}):
 * <ul>
 *   <li>Ids are unguessable: at least 128 random bits from {@code SecureRandom}, base64url. An id never appears in a
 *       log line, an exception message or a {@code toString()}.
 *   <li>A session is valid while the clock is before its {@link LoginSession#expiresAtMillis()}
 *       ({@code createdAtMillis + ttl} at creation, {@code now + ttl} after a {@link #touch}); an expired, revoked,
 *       unknown or malformed id is answered with empty / {@code false}, never an exception.
 *   <li>Every client of the same store (one process for the embedded store, every process on one Redis server and
 *       key prefix) sees the same sessions.
 * </ul>
 *
 * <p><b>Time.</b> The embedded store reads an injected {@code TimeSource}; the Redis store uses the <em>server's</em>
 * clock (the key's TTL is the expiry, and the times it reports come from Redis {@code TIME}), so every gateway
 * instance agrees on expiry whatever its own clock says. Implementations are thread-safe; a remote store that cannot
 * be reached throws an unchecked {@link io.aitrader.api.AitraderException} (whose message never holds an id).
 */
public interface LoginSessionStore {
  /** The longest TTL a session may be given. */
  Duration MAX_TTL = Duration.ofDays(366);

  /**
   * Creates a session of {@code userId} that expires {@code ttl} from now.
   *
   * @throws io.aitrader.api.ValidationException when the user id or attributes break the rules of
   *     {@link LoginSession}, or {@code ttl} is outside 1 ms to {@link #MAX_TTL}
   */
  LoginSession create(String userId, Duration ttl, Map<String, String> attributes);

  /** The session with this id, if it exists and has not expired. */
  Optional<LoginSession> find(String id);

  /**
   * Makes the session expire {@code ttl} from now (sliding expiry; shortening is allowed).
   *
   * @return the session with its new expiry; empty when it does not exist or has expired
   */
  Optional<LoginSession> touch(String id, Duration ttl);

  /** Ends the session; true if it existed and had not expired. */
  boolean revoke(String id);

  /** Ends every session of {@code userId}; returns how many were live. */
  int revokeAll(String userId);

  /** Returns {@code ttl} if it is between 1 ms and {@link #MAX_TTL}, else fails naming {@code LoginSession.ttl}. */
  static Duration checkTtl(Duration ttl) {
    required(ttl, "LoginSession.ttl");
    check(ttl.toMillis() >= 1 && ttl.compareTo(MAX_TTL) <= 0, "LoginSession.ttl", "must be between 1 ms and "
        + MAX_TTL.toDays() + " days", ttl);
    return ttl;
  }
}
