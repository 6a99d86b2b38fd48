package io.aitrader.groww.rest;

import io.aitrader.api.RateLimitedException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Groww answered 429 (too many requests) and the client did not retry (a non-idempotent call, or retries were
 * used up). Retryable after {@link #retryAfterMillis()}.
 */
public class GrowwRateLimitedException extends RateLimitedException implements GrowwFailure {
  private static final long serialVersionUID = 1L;

  private final @Nullable String errorCode;
  private final String endpoint;

  public GrowwRateLimitedException(String message, long retryAfterMillis, Optional<String> errorCode, String endpoint) {
    super(message, retryAfterMillis);
    this.errorCode = errorCode.orElse(null);
    this.endpoint = endpoint;
  }

  @Override
  public int httpStatus() {
    return 429;
  }

  @Override
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  @Override
  public String endpoint() {
    return endpoint;
  }
}
