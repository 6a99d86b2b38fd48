package io.aitrader.core.bus;

import io.aitrader.api.bus.EventHandler;
import io.aitrader.api.bus.OverflowPolicy;
import io.aitrader.api.bus.Topic;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Delivers through a {@link BoundedRing} drained by one daemon consumer thread, in batches.
 *
 * <p>Publishers: under {@link OverflowPolicy#BLOCK} a publisher that finds the ring full waits ({@link Backoff})
 * until the consumer makes room; under {@link OverflowPolicy#DROP_OLDEST} it discards the oldest queued event
 * (counted) and retries, so it never waits on the consumer. The consumer spins, then yields, then parks when
 * idle; a publisher unparks it only when it is (about to be) parked: it sets {@code parked} and then rechecks the
 * ring's tail, publishers move the tail with a CAS and then read {@code parked} (volatile accesses on both sides,
 * so at least one of them sees the other's write and no wake-up is lost).
 */
final class AsynchronousSubscriber<T> extends Subscriber<T> implements Runnable {
  private static final int IDLE_SPINS = 200;
  /**
   * CPU pauses between two polls of an empty ring (about 1–2 µs in all): measured on a 2-core EPYC, polling after
   * every pause held one producer to ~10 M events/s, 64 pauses let it reach ~20 M/s.
   */
  private static final int SPIN_PAUSES = 64;
  private static final int IDLE_YIELDS = 50;
  /** Safety net only: wake-ups come from unpark. */
  private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  private final BoundedRing ring;
  private final boolean dropOldest;
  private final int batchSize;
  private final Thread thread;
  private volatile boolean draining;
  private volatile boolean parked;

  AsynchronousSubscriber(Topic<T> topic, EventHandler<? super T> handler, InProcessEventBus bus,
      int failureLogInterval, int capacity, OverflowPolicy overflow, int batchSize) {
    super(topic, handler, bus, failureLogInterval);
    this.ring = new BoundedRing(capacity);
    this.dropOldest = overflow == OverflowPolicy.DROP_OLDEST;
    this.batchSize = batchSize;
    this.thread = bus.newConsumerThread(this, topic);
  }

  void start() {
    thread.start();
  }

  @Override
  void accept(Object event) {
    if (!ring.offer(event)) {
      if (dropOldest) {
        makeRoomByDropping(event);
      } else {
        waitForRoom(event);
      }
    }
    if (parked) {
      LockSupport.unpark(thread);
    }
  }

  private void makeRoomByDropping(Object event) {
    int attempt = 0;
    do {
      if (!ring.discardOldest()) {
        attempt = Backoff.pause(attempt); // the oldest slot is being written or taken: it is brief
      }
    } while (!ring.offer(event));
  }

  private void waitForRoom(Object event) {
    if (Thread.currentThread() == thread) { // only this thread makes room: waiting here would wait forever
      throw new IllegalStateException("a handler of topic '" + topic.name() + "' published into its own full queue"
          + " (BLOCK); use a larger capacity, DROP_OLDEST, or publish from another thread");
    }
    int attempt = 0;
    do {
      if (isClosed()) {
        return; // unsubscribed while we waited: the event is no longer wanted here
      }
      if (draining) {
        throw new IllegalStateException("The event bus was closed while publish waited for room in the queue of a"
            + " subscriber of topic '" + topic.name() + "'; the event was not delivered to it");
      }
      attempt = Backoff.pause(attempt);
    } while (!ring.offer(event));
  }

  @Override
  public void run() {
    int idle = 0;
    while (!isClosed()) {
      if (drainBatch() > 0) {
        idle = 0;
      } else if (draining && ring.isEmpty()) {
        break;
      } else {
        idle = idle(idle);
      }
    }
    ring.clear(); // after close(): queued events are discarded; after a drain the ring is already empty
  }

  private int drainBatch() {
    int n = 0;
    while (n < batchSize && !isClosed()) {
      Object event = dropOldest ? ring.pollShared() : ring.pollSingleConsumer();
      if (event == null) {
        break;
      }
      invoke(event);
      n++;
    }
    return n;
  }

  private int idle(int idle) {
    if (idle < IDLE_SPINS) {
      // wait a little before polling again: a consumer that re-reads the slot the producer is writing makes the
      // cache line bounce between the cores for every event; pausing lets the producer fill several slots
      for (int i = 0; i < SPIN_PAUSES; i++) {
        Thread.onSpinWait();
      }
    } else if (idle < IDLE_SPINS + IDLE_YIELDS) {
      Thread.yield();
    } else {
      parked = true;
      if (ring.isEmpty() && !draining && !isClosed()) {
        LockSupport.parkNanos(this, IDLE_PARK_NANOS);
      }
      parked = false;
      return idle; // stay in the parking phase until an event arrives (drainBatch then resets the count)
    }
    return idle + 1;
  }

  @Override
  public long dropped() {
    return ring.dropped();
  }

  @Override
  void beginDrain() {
    draining = true;
    LockSupport.unpark(thread);
  }

  @Override
  boolean awaitTermination(long deadlineNanos) throws InterruptedException {
    if (Thread.currentThread() == thread) {
      return false; // closed from its own handler: the thread ends when the handler returns
    }
    long remaining = deadlineNanos - System.nanoTime();
    if (remaining > 0) {
      TimeUnit.NANOSECONDS.timedJoin(thread, remaining);
    }
    return !thread.isAlive();
  }

  @Override
  boolean isCurrentConsumer() {
    return Thread.currentThread() == thread;
  }

  @Override
  void onClose() {
    LockSupport.unpark(thread);
  }
}
