package io.aitrader.api.notify;

import io.aitrader.api.AitraderException;

/**
 * A {@link Notifier} could not deliver a notification. {@link #isRetryable()} tells whether trying again later may
 * work (a timeout, a 5xx, a rate limit) or never will (bad credentials, an unknown channel).
 */
public class NotificationException extends AitraderException {
  private static final long serialVersionUID = 1L;

  private final boolean retryable;

  public NotificationException(String message, boolean retryable) {
    super(message);
    this.retryable = retryable;
  }

  public NotificationException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  /** Whether sending the same notification later may succeed. */
  public boolean isRetryable() {
    return retryable;
  }
}
