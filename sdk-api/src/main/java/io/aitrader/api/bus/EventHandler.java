package io.aitrader.api.bus;

/**
 * Receives the events of one subscription, one at a time, in publication order. An exception thrown here is
 * logged and counted by the bus and does not stop later deliveries.
 */
@FunctionalInterface
public interface EventHandler<T> {
  void onEvent(T event);

  /**
   * A shard of the topic is complete up to {@code watermark.millis()} (see {@link Watermark}); called on the same
   * thread as {@link #onEvent}, in order with the events of that shard. Ignored unless overridden.
   */
  default void onWatermark(Watermark watermark) {
    // most handlers process events as they come and need no event-time progress
  }
}
