package io.aitrader.core.bus;

import io.aitrader.api.bus.EventHandler;
import io.aitrader.api.bus.Topic;

/**
 * Delivers on the publisher's thread before {@code publish} returns. Deliveries from several publisher threads
 * are serialized by a lock (uncontended in the usual single-publisher case, such as a backtest, where taking it is
 * one compare-and-set: {@link DeliveryLock}), so the handler sees one event at a time; the lock is reentrant, so a
 * handler may publish again. Closing from another thread waits
 * (up to the bus's close timeout) for a delivery in progress to finish.
 */
final class SynchronousSubscriber<T> extends Subscriber<T> {
  private final DeliveryLock lock = new DeliveryLock();

  SynchronousSubscriber(Topic<T> topic, EventHandler<? super T> handler, InProcessEventBus bus, int failureLogInterval) {
    super(topic, handler, bus, failureLogInterval);
  }

  @Override
  void accept(Object event) {
    lock.lock();
    try {
      if (!isClosed()) {
        invoke(event);
      }
    } finally {
      lock.unlock();
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
  boolean awaitTermination(long deadlineNanos) throws InterruptedException {
    if (lock.isHeldByCurrentThread()) {
      return false; // closed from its own handler: the delivery in progress is the caller's
    }
    if (!lock.tryLock(deadlineNanos)) {
      return false;
    }
    lock.unlock(); // no delivery is running, and none starts now that the subscriber is closed
    return true;
  }

  @Override
  boolean isCurrentConsumer() {
    return lock.isHeldByCurrentThread();
  }

  @Override
  void onClose() {
    // no thread and no queue to release
  }
}
