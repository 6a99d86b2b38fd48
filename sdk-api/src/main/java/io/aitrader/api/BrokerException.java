package io.aitrader.api;

/**
 * A broker (paper or live) could not do what was asked. {@link #isRetryable()} tells whether the same call may
 * succeed later (a timeout, a 5xx, a rate limit) or never will (bad credentials, a rejected order).
 */
public class BrokerException extends AitraderException {
  private static final long serialVersionUID = 1L;

  private final boolean retryable;

  public BrokerException(String message, boolean retryable) {
    super(message);
    this.retryable = retryable;
  }

  public BrokerException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  protected BrokerException(String message, boolean retryable, boolean writableStackTrace) {
    super(message, writableStackTrace);
    this.retryable = retryable;
  }

  /** Whether repeating the same call later may succeed. */
  public boolean isRetryable() {
    return retryable;
  }
}
