package io.aitrader.core.bus;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.bus.EventBus;
import io.aitrader.api.bus.EventHandler;
import io.aitrader.api.bus.OverflowPolicy;
import io.aitrader.api.bus.Subscription;
import io.aitrader.api.bus.SubscriptionOptions;
import io.aitrader.api.bus.Topic;
import io.aitrader.api.bus.Watermark;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded {@link EventBus}: publishers and subscribers in one JVM, topics matched by exact name.
 *
 * <pre>{@code
 * try (InProcessEventBus bus = InProcessEventBus.builder()
 *     .defaultOptions(SubscriptionOptions.asynchronous(4096, OverflowPolicy.BLOCK))
 *     .threadNamePrefix("strategy-bus-")
 *     .build()) {
 *   Subscription s = bus.subscribe(Topics.bars(BarInterval.M5), bar -> strategy.onBar(bar));
 *   bus.publish(Topics.bars(BarInterval.M5), bar);
 * }
 * }</pre>
 *
 * <p><b>Delivery.</b> A {@link SubscriptionOptions.Delivery#SYNCHRONOUS SYNCHRONOUS} subscriber's handler runs on
 * the publisher's thread before {@code publish} returns (deterministic: what backtests use); when several threads
 * publish to it, their deliveries are serialized so the handler sees one event at a time. An
 * {@link SubscriptionOptions.Delivery#ASYNCHRONOUS ASYNCHRONOUS} subscriber owns a preallocated ring of
 * {@code queueCapacity} events, safe for any number of publisher threads, and one daemon consumer thread that
 * drains it in batches; when the ring is full, {@link OverflowPolicy#BLOCK} makes the publisher wait (spin, yield,
 * then park with a bounded backoff) and {@link OverflowPolicy#DROP_OLDEST} discards the oldest queued event and
 * counts it in {@link Subscription#dropped()}. Events one thread publishes on one topic reach each subscriber in
 * that order. A handler that throws is counted in {@link Subscription#failed()} and logged (the first failure and
 * then once per {@link Builder#failureLogInterval(int) failureLogInterval}); later deliveries continue.
 *
 * <p><b>Cost.</b> {@code publish} allocates nothing: one lookup in a {@link ConcurrentHashMap} by topic name, a
 * copy-on-write array of subscribers, and for asynchronous ones a CAS to claim a ring slot.
 *
 * <p><b>Errors.</b> Publishing an event that is not an instance of {@code topic.type()}, or using one topic name
 * with two event types, throws {@link IllegalArgumentException}; publishing or subscribing after {@link #close()}
 * throws {@link IllegalStateException}.
 *
 * <p><b>Close.</b> {@link #close()} stops accepting events, lets every asynchronous subscriber deliver what it
 * has queued, and joins the consumer threads until the {@link Builder#closeTimeout(Duration) close timeout}.
 * Events published concurrently with {@code close()} may or may not be delivered. Thread-safe.
 */
public final class InProcessEventBus implements EventBus {
  private static final Logger LOG = LoggerFactory.getLogger(InProcessEventBus.class);
  private static final Subscriber<?>[] NO_SUBSCRIBERS = new Subscriber<?>[0];

  private final ConcurrentHashMap<String, Channel> channels = new ConcurrentHashMap<>();
  private final Object lock = new Object();
  private final SubscriptionOptions defaultOptions;
  private final @Nullable ThreadFactory threadFactory;
  private final String threadNamePrefix;
  private final AtomicInteger threadCount = new AtomicInteger();
  private final long closeTimeoutNanos;
  private final int failureLogInterval;
  private final int batchSize;
  private volatile boolean closed;

  private InProcessEventBus(Builder builder) {
    this.defaultOptions = builder.defaultOptions;
    this.threadFactory = builder.threadFactory;
    this.threadNamePrefix = builder.threadNamePrefix;
    this.closeTimeoutNanos = builder.closeTimeout.toNanos();
    this.failureLogInterval = builder.failureLogInterval;
    this.batchSize = builder.batchSize;
  }

  /** A bus with the defaults of {@link #builder()}: synchronous delivery unless a subscription asks otherwise. */
  public static InProcessEventBus create() {
    return builder().build();
  }

  /** Starts configuring a bus. */
  public static Builder builder() {
    return new Builder();
  }

  /** The options {@link #subscribe(Topic, EventHandler)} uses. */
  public SubscriptionOptions defaultOptions() {
    return defaultOptions;
  }

  @Override
  public <T> void publish(Topic<T> topic, T event) {
    Class<T> type = topic.type();
    if (!type.isInstance(event)) {
      throw typeMismatch(topic, event);
    }
    if (closed) {
      throw new IllegalStateException("The event bus is closed: cannot publish to topic '" + topic.name() + "'");
    }
    Channel channel = channels.get(topic.name());
    if (channel == null) {
      return; // nobody ever subscribed to this topic
    }
    if (channel.type != type) {
      throw typeConflict(topic, channel.type);
    }
    Subscriber<?>[] subscribers = channel.subscribers;
    for (int i = 0; i < subscribers.length; i++) {
      subscribers[i].accept(event);
    }
  }

  /** Delivers {@code millis} as the watermark of the bus's one shard to every subscriber of {@code topic}. */
  @Override
  public void publishWatermark(Topic<?> topic, long millis) {
    forwardWatermark(topic, new Watermark(millis, 0, 1));
  }

  @Override
  public void forwardWatermark(Topic<?> topic, Watermark watermark) {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(watermark, "watermark");
    if (watermark.shards() != 1) {
      throw new IllegalArgumentException("Cannot forward " + watermark + " to topic '" + topic.name()
          + "': the in-process bus has one shard per topic");
    }
    if (closed) {
      throw new IllegalStateException("The event bus is closed: cannot publish to topic '" + topic.name() + "'");
    }
    Channel channel = channels.get(topic.name());
    if (channel == null) {
      return;
    }
    Subscriber.Mark mark = new Subscriber.Mark(watermark);
    Subscriber<?>[] subscribers = channel.subscribers;
    for (int i = 0; i < subscribers.length; i++) {
      subscribers[i].accept(mark);
    }
  }

  /** Always 1: the in-process bus does not split topics. */
  @Override
  public int shards(Topic<?> topic) {
    return 1;
  }

  @Override
  public <T> int shardOf(Topic<T> topic, T event) {
    return 0;
  }

  @Override
  public <T> Subscription subscribe(Topic<T> topic, EventHandler<? super T> handler) {
    return subscribe(topic, handler, defaultOptions);
  }

  @Override
  public <T> Subscription subscribe(Topic<T> topic, EventHandler<? super T> handler, SubscriptionOptions options) {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(options, "options");
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("The event bus is closed: cannot subscribe to topic '" + topic.name() + "'");
      }
      Channel channel = channels.get(topic.name());
      if (channel == null) {
        channel = new Channel(topic.type());
        channels.put(topic.name(), channel);
      } else if (channel.type != topic.type()) {
        throw typeConflict(topic, channel.type);
      }
      Subscriber<T> subscriber;
      if (options.delivery() == SubscriptionOptions.Delivery.SYNCHRONOUS) {
        subscriber = new SynchronousSubscriber<>(topic, handler, this, failureLogInterval);
      } else {
        AsynchronousSubscriber<T> async = new AsynchronousSubscriber<>(topic, handler, this, failureLogInterval,
            options.queueCapacity(), options.overflow(), batchSize);
        async.start();
        subscriber = async;
      }
      Subscriber<?>[] old = channel.subscribers;
      Subscriber<?>[] grown = Arrays.copyOf(old, old.length + 1);
      grown[old.length] = subscriber;
      channel.subscribers = grown;
      return subscriber;
    }
  }

  /**
   * Stops accepting events, lets asynchronous subscribers deliver what they have queued, and joins their
   * threads until the close timeout (a subscriber still busy then is stopped and the rest of its queue discarded).
   * Idempotent.
   */
  @Override
  public void close() {
    List<Subscriber<?>> all = new ArrayList<>();
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      for (Channel channel : channels.values()) {
        all.addAll(Arrays.asList(channel.subscribers));
      }
    }
    for (Subscriber<?> subscriber : all) {
      subscriber.beginDrain();
    }
    long deadline = System.nanoTime() + closeTimeoutNanos;
    try {
      for (Subscriber<?> subscriber : all) {
        if (!subscriber.awaitTermination(deadline) && !subscriber.isCurrentConsumer()) {
          LOG.warn("Subscriber of topic '{}' did not drain its queue within the close timeout of {} ms;"
              + " its remaining events are discarded", subscriber.topic.name(), closeTimeoutNanos / 1_000_000);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.warn("Interrupted while closing the event bus; undelivered queued events are discarded");
    } finally {
      for (Subscriber<?> subscriber : all) {
        // a subscriber whose own handler closes the bus keeps draining once that handler returns
        if (!subscriber.isCurrentConsumer() && subscriber.markClosed()) {
          subscriber.onClose();
        }
      }
    }
  }

  /** Removes {@code subscriber} from its topic (copy-on-write). */
  void remove(Subscriber<?> subscriber) {
    synchronized (lock) {
      Channel channel = channels.get(subscriber.topic.name());
      if (channel == null) {
        return;
      }
      Subscriber<?>[] old = channel.subscribers;
      int index = -1;
      for (int i = 0; i < old.length; i++) {
        if (old[i] == subscriber) {
          index = i;
          break;
        }
      }
      if (index < 0) {
        return;
      }
      Subscriber<?>[] shrunk = old.length == 1 ? NO_SUBSCRIBERS : new Subscriber<?>[old.length - 1];
      System.arraycopy(old, 0, shrunk, 0, index);
      System.arraycopy(old, index + 1, shrunk, index, old.length - index - 1);
      channel.subscribers = shrunk;
    }
  }

  long closeTimeoutNanos() {
    return closeTimeoutNanos;
  }

  /** A (not yet started) daemon consumer thread for a subscriber of {@code topic}. */
  Thread newConsumerThread(Runnable consumer, Topic<?> topic) {
    Thread thread = threadFactory != null
        ? threadFactory.newThread(consumer)
        : new Thread(consumer, threadNamePrefix + topic.name() + "-" + threadCount.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  }

  private static IllegalArgumentException typeMismatch(Topic<?> topic, @Nullable Object event) {
    String what = event == null ? "null" : "an event of type " + event.getClass().getName();
    return new IllegalArgumentException("Cannot publish " + what + " on topic '" + topic.name()
        + "': its events must be non-null instances of " + topic.type().getName());
  }

  private static IllegalArgumentException typeConflict(Topic<?> topic, Class<?> registered) {
    return new IllegalArgumentException("Topic '" + topic.name() + "' is used here with event type "
        + topic.type().getName() + " but already has subscribers of event type " + registered.getName()
        + "; one topic name carries one event type");
  }

  /** The subscribers of one topic name. */
  private static final class Channel {
    final Class<?> type;
    volatile Subscriber<?>[] subscribers = NO_SUBSCRIBERS;

    Channel(Class<?> type) {
      this.type = type;
    }
  }

  /** Configures an {@link InProcessEventBus}. Not thread-safe; {@link #build()} may be called more than once. */
  public static final class Builder {
    private SubscriptionOptions defaultOptions = SubscriptionOptions.SYNCHRONOUS;
    private @Nullable ThreadFactory threadFactory;
    private String threadNamePrefix = "aitrader-bus-";
    private Duration closeTimeout = Duration.ofSeconds(5);
    private int failureLogInterval = 1000;
    private int batchSize = 256;

    private Builder() {}

    /** Options of {@link EventBus#subscribe(Topic, EventHandler)}; default {@link SubscriptionOptions#SYNCHRONOUS}. */
    public Builder defaultOptions(SubscriptionOptions options) {
      this.defaultOptions = required(options, "InProcessEventBus.defaultOptions");
      return this;
    }

    /**
     * Prefix of the consumer threads' names, followed by the topic name and a number; default
     * {@code "aitrader-bus-"}. Ignored when a {@link #threadFactory(ThreadFactory)} is set.
     */
    public Builder threadNamePrefix(String prefix) {
      required(prefix, "InProcessEventBus.threadNamePrefix");
      check(!prefix.isBlank(), "InProcessEventBus.threadNamePrefix", "must not be blank", "'" + prefix + "'");
      this.threadNamePrefix = prefix;
      return this;
    }

    /** Creates the consumer threads of asynchronous subscriptions; the bus marks them daemon. */
    public Builder threadFactory(ThreadFactory factory) {
      this.threadFactory = required(factory, "InProcessEventBus.threadFactory");
      return this;
    }

    /** How long {@link InProcessEventBus#close()} waits for queues to drain; default 5 s. */
    public Builder closeTimeout(Duration timeout) {
      required(timeout, "InProcessEventBus.closeTimeout");
      check(!timeout.isNegative() && !timeout.isZero(), "InProcessEventBus.closeTimeout", "must be > 0", timeout);
      this.closeTimeout = timeout;
      return this;
    }

    /** Log the first handler failure of a subscription and then one in every {@code interval}; default 1000. */
    public Builder failureLogInterval(int interval) {
      check(interval >= 1, "InProcessEventBus.failureLogInterval", "must be >= 1", interval);
      this.failureLogInterval = interval;
      return this;
    }

    /** Most events a consumer thread delivers before looking at its state again; default 256. */
    public Builder batchSize(int size) {
      check(size >= 1, "InProcessEventBus.batchSize", "must be >= 1", size);
      this.batchSize = size;
      return this;
    }

    public InProcessEventBus build() {
      return new InProcessEventBus(this);
    }
  }
}
