package io.aitrader.core.bus;

import io.aitrader.api.bus.EventHandler;
import io.aitrader.api.bus.Topic;

/**
 * Delivers on the publisher's thread before {@code publish} returns. Deliveries from several publisher threads
 * are serialized by a lock (uncontended in the usual single-publisher case, such as a backtest), so the handler
 * sees one event at a time; the lock is reentrant, so a handler may publish again.
 */
final class SynchronousSubscriber<T> extends Subscriber<T> {
  private final Object lock = new Object();

  SynchronousSubscriber(Topic<T> topic, EventHandler<? super T> handler, InProcessEventBus bus, int failureLogInterval) {
    super(topic, handler, bus, failureLogInterval);
  }

  @Override
  void accept(Object event) {
    synchronized (lock) {
      if (!isClosed()) {
        invoke(event);
      }
    }
  }

  @Override
  public long dropped() {
    return 0;
  }

  @Override
  void beginDrain() {
    // nothing is queued: deliveries already happened on the publishers' threads
  }

  @Override
  boolean awaitTermination(long deadlineNanos) {
    return true;
  }

  @Override
  boolean isCurrentConsumer() {
    return false;
  }

  @Override
  void onClose() {
    // no thread and no queue to release
  }
}
