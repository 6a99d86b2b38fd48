package io.aitrader.groww.rest;

import io.aitrader.api.RateLimitedException;
import java.util.Optional;

/**
 * Groww answered 429 (too many requests) and the client did not retry (a non-idempotent call, or retries were
 * used up). Retryable after {@link #retryAfterMillis()}.
 */
public class GrowwRateLimitedException extends RateLimitedException implements GrowwFailure {
  private static final long serialVersionUID = 1L;

  private final FailedCall call;

  public GrowwRateLimitedException(String message, long retryAfterMillis, Optional<String> errorCode, String endpoint) {
    super(message, retryAfterMillis);
    this.call = FailedCall.of(429, errorCode, endpoint);
  }

  @Override
  public FailedCall failedCall() {
    return call;
  }
}
