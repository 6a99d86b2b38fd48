package io.aitrader.groww.feed.nats;

import io.nats.client.Connection;

/** What the event thread of a {@link GrowwFeedConnection} works through, in order. */
sealed interface FeedEvent {

  /** The first connect succeeded. */
  record Connected(long atMillis, String subscriptionId) implements FeedEvent {}

  /** The installed connection was lost at {@code atMillis}. */
  record Lost(Connection connection, ConnectionMonitor monitor, long atMillis, String reason) implements FeedEvent {}

  /** The server refused a subscription. */
  record Refused(String subject, String serverError) implements FeedEvent {}

  /** Stop the event thread. */
  enum Stop implements FeedEvent {
    INSTANCE
  }
}
