package io.aitrader.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.jspecify.annotations.Nullable;

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

  private final String name;
  private final String value;

  private Secret(String name, String value) {
    this.name = name;
    this.value = value;
  }

  /** Wraps a non-blank credential; the failure message never includes the value. */
  public static Secret of(String value) {
    return new Secret("", checked(value, "Secret.value"));
  }

  /**
   * Wraps a non-blank credential named after where it came from (e.g. the environment variable
   * {@code SLACK_WEBHOOK_URL}): {@link #toString()} then shows {@code SLACK_WEBHOOK_URL=***}, so a log line still
   * says which credential was used.
   */
  public static Secret of(String name, String value) {
    ValidationException.requireText(name, "Secret.name");
    return new Secret(name, checked(value, "Secret " + name));
  }

  private static String checked(@Nullable String value, String field) {
    if (value == null || value.isBlank()) {
      throw new ValidationException(field, field + " must not be blank");
    }
    return value;
  }

  /** Where the credential came from, e.g. {@code SMTP_PASSWORD}; empty for an unnamed secret. Safe to print. */
  public String name() {
    return name;
  }

  /**
   * {@code text} with every occurrence of the value replaced by {@code ***}: for messages that come back from a
   * library and may quote the credential (an exception naming the URL it failed to reach).
   */
  public String redact(String text) {
    return text.replace(value, "***");
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

  /** {@code "Secret[****]"}, or {@code "NAME=***"} for a named secret: never the value. */
  @Override
  public String toString() {
    return name.isEmpty() ? MASK : name + "=***";
  }
}
