package io.aitrader.core.paper;

import io.aitrader.api.Registration;
import io.aitrader.api.order.Fill;
import io.aitrader.api.order.Order;
import io.aitrader.api.order.OrderListener;
import java.util.ArrayDeque;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the broker's order updates and fills to its listeners, in the order they were queued. {@link #queue}
 * and {@link #drain} are called under the broker's lock; a listener that calls back into the broker queues more
 * events, which the outer drain delivers after the current one (no re-entrant delivery). A listener that throws is
 * logged and the others still run. {@link #subscribe} is thread-safe on its own.
 */
final class Dispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

  /** A subscription: identity, so one listener subscribed twice is called twice and removed once per close. */
  private static final class Slot {
    final OrderListener listener;

    Slot(OrderListener listener) {
      this.listener = listener;
    }
  }

  private static final Slot[] NO_SLOTS = new Slot[0];

  /** Copy on write under {@link #slotsLock}; delivery reads the array as it is (no iterator per event). */
  private volatile Slot[] slots = NO_SLOTS;
  private final Object slotsLock = new Object();
  private final ArrayDeque<Object> pending = new ArrayDeque<>();
  private boolean draining;

  Registration subscribe(OrderListener listener) {
    Slot slot = new Slot(listener);
    synchronized (slotsLock) {
      Slot[] grown = Arrays.copyOf(slots, slots.length + 1);
      grown[grown.length - 1] = slot;
      slots = grown;
    }
    return () -> remove(slot);
  }

  private void remove(Slot slot) {
    synchronized (slotsLock) {
      Slot[] current = slots;
      for (int i = 0; i < current.length; i++) {
        if (current[i] == slot) {
          Slot[] shrunk = new Slot[current.length - 1];
          System.arraycopy(current, 0, shrunk, 0, i);
          System.arraycopy(current, i + 1, shrunk, i, current.length - i - 1);
          slots = shrunk;
          return;
        }
      }
    }
  }

  void queue(Order update) {
    pending.add(update);
  }

  void queue(Fill fill) {
    pending.add(fill);
  }

  /** Delivers everything queued, unless a delivery is already in progress further up this thread's stack. */
  void drain() {
    if (draining) {
      return;
    }
    draining = true;
    try {
      Object event;
      while ((event = pending.poll()) != null) {
        deliver(event);
      }
    } finally {
      draining = false;
    }
  }

  void clear() {
    synchronized (slotsLock) {
      slots = NO_SLOTS;
    }
    pending.clear();
  }

  private void deliver(Object event) {
    for (Slot slot : slots) { // the array as it is now: no iterator
      try {
        if (event instanceof Fill fill) {
          slot.listener.onFill(fill);
        } else {
          slot.listener.onOrderUpdate((Order) event);
        }
      } catch (RuntimeException e) {
        LOG.warn("Order listener {} failed on {}; the other listeners still run", slot.listener, event, e);
      }
    }
  }
}
