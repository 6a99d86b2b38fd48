package io.aitrader.api.bus;

/**
 * The event bus every service talks through. The embedded default is in process; {@code connector-kafka}
 * implements it over Kafka so services can run as separate processes.
 *
 * <pre>{@code
 * Subscription s = bus.subscribe(Topics.bars(BarInterval.M5), bar -> strategy.onBar(bar));
 * bus.publish(Topics.bars(BarInterval.M5), bar);
 * }</pre>
 *
 * <p>Ordering: events published on one topic by one thread are delivered to each subscriber in that order, so
 * the events of one instrument stay in order. Capacity is always bounded (see {@link OverflowPolicy}).
 * Thread-safe.
 */
public interface EventBus extends AutoCloseable {

  /** Publishes {@code event} to every current subscriber of {@code topic}. */
  <T> void publish(Topic<T> topic, T event);

  /** Subscribes with the bus's default options. */
  <T> Subscription subscribe(Topic<T> topic, EventHandler<? super T> handler);

  <T> Subscription subscribe(Topic<T> topic, EventHandler<? super T> handler, SubscriptionOptions options);

  /**
   * Stops accepting events, delivers what asynchronous subscriptions have queued, then stops their threads.
   * Idempotent.
   */
  @Override
  void close();
}
