package io.aitrader.api.notify;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.requireText;
import static io.aitrader.api.ValidationException.required;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One notification on its way to one channel: what a {@link NotificationQueue} holds.
 *
 * <p>The {@link #id()} is deterministic — derived from the channel, the notification's dedupKey and its timestamp
 * by {@link #idFor(String, Notification)} — so two producers that queue the same notification for the same channel
 * produce the same id, and the queue keeps only one (the de-duplication across producers and restarts).
 *
 * <pre>{@code
 * Delivery d = Delivery.of("slack", notification, clock.currentTimeMillis());
 * queue.enqueue(d);                              // false if the same delivery is already known
 * Delivery again = d.retried(now + 2_000, "HTTP 503");  // attempts 1, due in two seconds
 * }</pre>
 *
 * <p>Immutable and thread-safe. Rules: id and channel non-blank; attempts {@code >= 0}; notBeforeMillis
 * {@code >= 0}; lastError never null (empty when there was no failure yet).
 *
 * @param id              unique, deterministic from channel + dedupKey + timestamp
 * @param channel         the {@link Notifier#name()} it goes to
 * @param notification    what to send
 * @param attempts        how many attempts have failed so far (0 for a fresh delivery)
 * @param notBeforeMillis the earliest time (epoch milliseconds) it may be attempted
 * @param lastError       the last failure's message, never containing secrets; empty when none
 */
public record Delivery(String id, String channel, Notification notification, int attempts, long notBeforeMillis,
    String lastError) {

  /** Validates every component; see the type's rules. */
  public Delivery {
    requireText(id, "Delivery.id");
    requireText(channel, "Delivery.channel");
    required(notification, "Delivery.notification");
    check(attempts >= 0, "Delivery.attempts", "must be >= 0", attempts);
    check(notBeforeMillis >= 0, "Delivery.notBeforeMillis", "must be >= 0", notBeforeMillis);
    required(lastError, "Delivery.lastError");
  }

  /** A fresh delivery of {@code notification} to {@code channel}, due at {@code notBeforeMillis}. */
  public static Delivery of(String channel, Notification notification, long notBeforeMillis) {
    requireText(channel, "Delivery.channel");
    required(notification, "Delivery.notification");
    return new Delivery(idFor(channel, notification), channel, notification, 0, notBeforeMillis, "");
  }

  /**
   * The id of {@code notification}'s delivery to {@code channel}: {@code channel + ":" +} 32 hex digits of the
   * SHA-256 of channel, dedupKey and timestamp. The same inputs give the same id in every JVM.
   */
  public static String idFor(String channel, Notification notification) {
    String key = channel + '\u0000' + notification.dedupKey() + '\u0000' + notification.timestampMillis();
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return channel + ':' + HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform but is missing", e);
    }
  }

  /** This delivery after one more failed attempt: due again at {@code notBeforeMillis}, remembering {@code error}. */
  public Delivery retried(long notBeforeMillis, String error) {
    return new Delivery(id, channel, notification, attempts + 1, notBeforeMillis, error);
  }

  /** This delivery with {@code error} as its last error and one more failed attempt (what a dead letter holds). */
  public Delivery failed(String error) {
    return new Delivery(id, channel, notification, attempts + 1, notBeforeMillis, error);
  }
}
