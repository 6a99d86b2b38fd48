package io.aitrader.groww.feed.nats;

import java.time.Instant;

/**
 * Hears what happens to a {@link GrowwFeedConnection}: the first connect, each loss, each failed attempt and each
 * recovery with the outage's window (what gap detection and REST backfill hook into), and subscriptions the server
 * refused. Every method has an empty default, so implement only what you need.
 *
 * <pre>{@code
 * FeedConnectionListener backfill = new FeedConnectionListener() {
 *   public void onReconnected(FeedOutage outage, String subscriptionId) {
 *     barBackfill.fetch(outage.start(), outage.end());
 *   }
 * };
 * }</pre>
 *
 * <p>Called on the connection's one event thread, in order, never concurrently; keep the work short (a long
 * callback delays the next reconnect attempt). An exception thrown here is logged and otherwise ignored.
 */
public interface FeedConnectionListener {

  /** A listener that ignores everything. */
  FeedConnectionListener NONE = new FeedConnectionListener() {};

  /** {@link GrowwFeedConnection#connect()} succeeded. */
  default void onConnected(Instant at, String subscriptionId) {}

  /** The connection was lost at {@code at}; reconnect attempts follow. */
  default void onDisconnected(Instant at, String reason) {}

  /** Reconnect attempt {@code attempt} failed; the next one follows after a backoff. */
  default void onReconnectAttemptFailed(int attempt, String reason) {}

  /**
   * The connection is back and every subscription was sent again. Messages in {@code outage}'s window were lost.
   * {@code subscriptionId} is the (possibly new) id of the account streams.
   */
  default void onReconnected(FeedOutage outage, String subscriptionId) {}

  /**
   * The reconnect policy's attempt budget ran out; the connection stays down until
   * {@link GrowwFeedConnection#connect()} is called again.
   */
  default void onReconnectAbandoned(Instant since, int attempts, String reason) {}

  /** The server refused a subscription (e.g. no permission for the subject); the subject stays on the list. */
  default void onSubscriptionRefused(String subject, String serverError) {}
}
