package io.aitrader.api.notify;

/**
 * A channel refused a notification because too many were sent (Slack's HTTP 429, an SMTP server's rate limit).
 * Always retryable; {@link #retryAfterMillis()} carries the channel's hint, which the notification service honours
 * as the least time to wait before the next attempt.
 *
 * <pre>{@code
 * if (response.statusCode() == 429) {
 *   throw new NotificationRateLimitedException("Slack rate-limited the webhook", retryAfterSeconds * 1000);
 * }
 * }</pre>
 */
public class NotificationRateLimitedException extends NotificationException {
  private static final long serialVersionUID = 1L;

  private final long retryAfterMillis;

  /**
   * @param message          what happened, without secrets
   * @param retryAfterMillis how long the channel asked to wait; 0 when it did not say (negative values count as 0)
   */
  public NotificationRateLimitedException(String message, long retryAfterMillis) {
    super(message, true);
    this.retryAfterMillis = Math.max(0, retryAfterMillis);
  }

  /** How long to wait before trying again, in milliseconds; 0 when unknown. */
  public long retryAfterMillis() {
    return retryAfterMillis;
  }
}
