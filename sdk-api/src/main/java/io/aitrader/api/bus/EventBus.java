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
   * Publishes event-time progress on every shard of {@code topic}: each subscriber's
   * {@link EventHandler#onWatermark} sees, after every event published before this call, that the topic is
   * complete up to {@code millis} (exclusive). For a topic with one publisher (the market ingestor's ticks).
   */
  void publishWatermark(Topic<?> topic, long millis);

  /**
   * Forwards {@code watermark}, received from a shard of an input topic, to the same shard of {@code topic}, after
   * the events it completes were published there. The events must be keyed alike on both topics (by instrument),
   * which puts them on the same shard number; with several processes deriving {@code topic} (a consumer group) each
   * forwards the marks of the shards it consumes, so every output shard hears only from its input shard's owner.
   *
   * @throws IllegalArgumentException if {@code topic} does not have {@code watermark.shards()} shards
   */
  void forwardWatermark(Topic<?> topic, Watermark watermark);

  /**
   * Returns once every event published so far is as durable as the bus makes events: a networked bus (Kafka) waits
   * until its brokers acknowledged them; an in-process bus has nothing to wait for (the default). Used before an
   * action that must not happen unless an event is safely out (an order's intent before the order is sent).
   *
   * @throws io.aitrader.api.AitraderException when events could not be delivered to the transport
   */
  default void flush() {}

  /** How many shards {@code topic} has (1 on an in-process bus). */
  int shards(Topic<?> topic);

  /** The shard that carries {@code event} on {@code topic}: its key's shard, {@code 0 <= shard < shards(topic)}. */
  <T> int shardOf(Topic<T> topic, T event);

  /**
   * Stops accepting events, delivers what asynchronous subscriptions have queued, then stops their threads.
   * Idempotent.
   */
  @Override
  void close();
}
