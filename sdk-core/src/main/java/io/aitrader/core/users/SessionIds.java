package io.aitrader.core.users;

import static io.aitrader.api.ValidationException.required;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Login session ids for every {@link io.aitrader.api.users.LoginSessionStore}: 256 random bits from
 * {@link SecureRandom} in base64url without padding (43 characters), and their {@link #fingerprint(String)} — a
 * SHA-256 of the id — for storing under (a Redis key) or referring to in a log line, so that neither a key listing
 * nor a log reveals a usable id.
 *
 * <pre>{@code
 * String id = SessionIds.newId();               // hand it to the client, never log it
 * String key = "sessions:" + SessionIds.fingerprint(id);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class SessionIds {
  private static final int ID_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private SessionIds() {}

  /** A new, unguessable session id: 256 random bits, base64url without padding. */
  public static String newId() {
    byte[] bytes = new byte[ID_BYTES];
    RANDOM.nextBytes(bytes);
    return ENCODER.encodeToString(bytes);
  }

  /** SHA-256 of {@code id} in base64url without padding: safe to store as a key or print in a log. */
  public static String fingerprint(String id) {
    required(id, "LoginSession.id");
    try {
      return ENCODER.encodeToString(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JDK", e);
    }
  }
}
