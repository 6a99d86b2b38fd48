package io.aitrader.api.notify;

/**
 * One notification channel: the log (the embedded default), email, Slack. Selected by {@link #name()} in
 * configuration; the notification service de-duplicates, queues and retries around it.
 *
 * <pre>{@code
 * try {
 *   slack.send(notification);
 * } catch (NotificationException e) {
 *   if (e.isRetryable()) queue.retry(delivery.id(), now + backoff, e.getMessage());
 *   else queue.deadLetter(delivery.id(), e.getMessage());
 * }
 * }</pre>
 * (The notification service in sdk-core does exactly this around every channel.)
 *
 * <p>Threading: thread-safe; {@link #send} may block on I/O (it is never called on a market-data thread) and
 * must honour its own timeout. Failures are {@link NotificationException}s, never other exceptions.
 */
public interface Notifier {

  /** The name configuration selects it by, e.g. {@code log}, {@code email}, {@code slack}. */
  String name();

  /** Delivers {@code notification}; returns when the channel has accepted it. */
  void send(Notification notification);
}
