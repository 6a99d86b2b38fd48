package io.aitrader.api;

/** A rate limit (the broker's, SEBI's orders-per-second cap, or our own) refused the call. Retryable. */
public class RateLimitedException extends BrokerException {
  private static final long serialVersionUID = 1L;

  private final long retryAfterMillis;

  public RateLimitedException(String message, long retryAfterMillis) {
    super(message, true, false);
    this.retryAfterMillis = retryAfterMillis;
  }

  /** How long to wait before trying again; 0 when unknown. */
  public long retryAfterMillis() {
    return retryAfterMillis;
  }
}
