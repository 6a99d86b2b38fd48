package io.aitrader.core.bus;

import io.aitrader.api.bus.EventHandler;
import io.aitrader.api.bus.Subscription;
import io.aitrader.api.bus.Topic;
import io.aitrader.api.bus.Watermark;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscriber of a topic: delivers events to its handler, counts deliveries and failures, and logs failures
 * at most once per {@code failureLogInterval} (the first failure, then every {@code failureLogInterval}-th).
 *
 * @param <T> the topic's event type
 */
abstract class Subscriber<T> implements Subscription {
  private static final Logger LOG = LoggerFactory.getLogger(InProcessEventBus.class);
  private static final VarHandle CLOSED;

  static {
    try {
      CLOSED = MethodHandles.lookup().findVarHandle(Subscriber.class, "closed", boolean.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final Topic<T> topic;
  private final EventHandler<? super T> handler;
  private final InProcessEventBus bus;
  private final int failureLogInterval;
  private final DeliveryCounters counters = new DeliveryCounters();
  @SuppressWarnings("unused") // accessed through CLOSED
  private volatile boolean closed;

  Subscriber(Topic<T> topic, EventHandler<? super T> handler, InProcessEventBus bus, int failureLogInterval) {
    this.topic = topic;
    this.handler = handler;
    this.bus = bus;
    this.failureLogInterval = failureLogInterval;
  }

  /**
   * Hands {@code event} (already checked to be a {@code T}) to this subscriber from a publisher's thread.
   *
   * @throws IllegalStateException if the bus closed while the publisher waited for room
   */
  abstract void accept(Object event);

  /** Stops delivering after what is already queued (bus close); returns at once. */
  abstract void beginDrain();

  /** Waits for the subscriber's thread, if any, to end, until {@code deadlineNanos} (System.nanoTime). */
  abstract boolean awaitTermination(long deadlineNanos) throws InterruptedException;

  /** Calls the handler once, then counts the delivery (and the failure, if it threw). Single writer. */
  final void invoke(Object event) {
    if (event instanceof Mark) {
      mark(((Mark) event).watermark);
      return;
    }
    try {
      handler.onEvent(topic.type().cast(event));
    } catch (Throwable t) { // a handler must never stop deliveries: count, log sometimes, continue
      long failures = counters.addFailed();
      if (failures == 1 || failures % failureLogInterval == 0) {
        LOG.warn("Handler of topic '{}' threw; {} failure(s) so far on this subscription, logged once per {}",
            topic.name(), failures, failureLogInterval, t);
      }
    }
    // counted after the handler returned, so a reader that sees the count also sees the handler's effects
    counters.addDelivered();
  }

  private void mark(Watermark watermark) {
    try {
      handler.onWatermark(watermark);
    } catch (Throwable t) { // like an event's handler: count, log sometimes, continue
      long failures = counters.addFailed();
      if (failures == 1 || failures % failureLogInterval == 0) {
        LOG.warn("Watermark handler of topic '{}' threw; {} failure(s) so far on this subscription", topic.name(),
            failures, t);
      }
    }
  }

  /** A watermark travelling through a subscriber's queue in order with the events (never a topic's event type). */
  static final class Mark {
    final Watermark watermark;

    Mark(Watermark watermark) {
      this.watermark = watermark;
    }
  }

  final boolean isClosed() {
    return closed;
  }

  /** Marks closed; returns true for the first call only. */
  final boolean markClosed() {
    return CLOSED.compareAndSet(this, false, true);
  }

  @Override
  public final Topic<?> topic() {
    return topic;
  }

  @Override
  public final long delivered() {
    return counters.delivered();
  }

  @Override
  public final long failed() {
    return counters.failed();
  }

  /**
   * Stops deliveries: removes this subscriber from its topic, discards what is queued and, unless called from
   * its own handler, waits (up to the bus's close timeout) for a delivery in progress to finish. Idempotent.
   */
  @Override
  public void close() {
    if (!markClosed()) {
      return;
    }
    bus.remove(this);
    onClose();
    try {
      if (!awaitTermination(System.nanoTime() + bus.closeTimeoutNanos()) && !isCurrentConsumer()) {
        LOG.warn("Subscription to topic '{}' closed but its handler is still running after the close timeout",
            topic.name());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether the calling thread is this subscriber's own consumer thread. */
  abstract boolean isCurrentConsumer();

  /** Releases what the subscriber holds after it was closed and removed from its topic. */
  abstract void onClose();
}
