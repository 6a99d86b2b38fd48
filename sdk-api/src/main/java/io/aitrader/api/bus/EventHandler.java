package io.aitrader.api.bus;

/**
 * Receives the events of one subscription, one at a time, in publication order. An exception thrown here is
 * logged and counted by the bus and does not stop later deliveries.
 */
@FunctionalInterface
public interface EventHandler<T> {
  void onEvent(T event);
}
