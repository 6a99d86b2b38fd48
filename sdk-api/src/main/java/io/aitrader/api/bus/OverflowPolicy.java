package io.aitrader.api.bus;

/** What the bus does when a subscriber's bounded queue is full. There is never silent unbounded growth. */
public enum OverflowPolicy {
  /**
   * The publisher waits until the subscriber has room: nothing is lost; a slow consumer slows producers. A handler
   * that publishes into its own full queue gets an {@code IllegalStateException} (waiting would never end).
   */
  BLOCK,
  /** The oldest queued event is discarded and counted in {@link Subscription#dropped()}: for "latest wins" feeds. */
  DROP_OLDEST
}
