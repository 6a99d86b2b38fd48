package io.aitrader.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A credential (API key, TOTP seed, access token, password) that never shows up in logs, exceptions or
 * {@code toString()} output: only {@link #reveal()} returns the value, and only the code that sends it to the
 * remote service should call it.
 *
 * <pre>{@code
 * Secret apiKey = Secret.of(System.getenv("GROWW_API_KEY"));
 * log.info("connecting with {}", apiKey);          // "connecting with Secret[****]"
 * request.header("Authorization", "Bearer " + apiKey.reveal());
 * }</pre>
 *
 * <p>Equality is identity: {@link #equals(Object)} never compares values, so a secret cannot be guessed through a
 * set or a map. Use {@link #matches(Secret)} for a deliberate, constant-time comparison. Immutable and
 * thread-safe; never null.
 */
public final class Secret {
  private static final String MASK = "Secret[****]";

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /** Wraps a non-blank credential; the failure message never includes the value. */
  public static Secret of(String value) {
    if (value == null || value.isBlank()) {
      throw new ValidationException("Secret.value", "Secret.value must not be blank");
    }
    return new Secret(value);
  }

  /** The credential itself. Call it only where the value is sent; never log the result. */
  public String reveal() {
    return value;
  }

  /** Whether both secrets hold the same value, compared in constant time. */
  public boolean matches(Secret other) {
    return MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), other.value.getBytes(StandardCharsets.UTF_8));
  }

  /** Identity: two {@code Secret} objects are equal only when they are the same object. */
  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }

  /** Always {@code "Secret[****]"}. */
  @Override
  public String toString() {
    return MASK;
  }
}
