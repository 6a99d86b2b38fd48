package io.aitrader.api.notify;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.requireText;
import static io.aitrader.api.ValidationException.required;

/**
 * A message for people. Notifications with the same {@code dedupKey} are the same alert: the notification
 * service sends the first and suppresses repeats for a configured window.
 *
 * <pre>{@code
 * Notification n = Notification.of(Severity.WARNING, "Order rejected",
 *     "mom5m-000042 NSE:RELIANCE BUY 10: insufficient margin", clock.currentTimeMillis());
 * }</pre>
 *
 * <p>Rules: title non-blank, at most 200 characters; body may be empty; dedupKey non-blank. Immutable and
 * thread-safe.
 *
 * @param severity        how urgent
 * @param title           one line, shown as the subject
 * @param body            the details, plain text
 * @param timestampMillis when it happened, epoch milliseconds
 * @param dedupKey        what makes two notifications the same alert
 */
public record Notification(Severity severity, String title, String body, long timestampMillis, String dedupKey) {
  /** The longest title accepted. */
  public static final int MAX_TITLE = 200;

  /** Validates every component; see the type's rules. */
  public Notification {
    required(severity, "Notification.severity");
    requireText(title, "Notification.title");
    check(title.length() <= MAX_TITLE, "Notification.title", "must be at most " + MAX_TITLE + " characters", title.length() + " characters");
    required(body, "Notification.body");
    check(timestampMillis > 0, "Notification.timestampMillis", "must be > 0", timestampMillis);
    requireText(dedupKey, "Notification.dedupKey");
  }

  /** A notification whose de-duplication key is {@code severity + ":" + title}. */
  public static Notification of(Severity severity, String title, String body, long timestampMillis) {
    return new Notification(severity, title, body, timestampMillis, severity + ":" + title);
  }
}
