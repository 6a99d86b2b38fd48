package io.aitrader.core.bus;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.jspecify.annotations.Nullable;

/**
 * The reentrant mutual-exclusion lock of a {@link SynchronousSubscriber}, made for the uncontended case of one
 * publisher thread: taking it is one compare-and-set of the owner, taking it again from the owner a plain
 * increment, releasing it a release store (no full fence, no queue to inspect). A thread that finds it held by
 * another spins, yields, then parks with the bounded {@link Backoff} until it is free (contention is rare: several
 * threads publishing to one synchronous subscriber at once).
 *
 * <p>Memory effects as a lock: what the owner wrote before {@link #unlock()} is visible to the next thread whose
 * {@link #lock()} or {@link #tryLock(long)} succeeds (release store, then acquiring compare-and-set). The hold count
 * is read and written only by the owner.
 */
final class DeliveryLock {
  private static final VarHandle OWNER;

  static {
    try {
      OWNER = MethodHandles.lookup().findVarHandle(DeliveryLock.class, "owner", Thread.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @SuppressWarnings("unused") // accessed through OWNER
  private volatile @Nullable Thread owner;
  /** Nested holds by the owner; touched only by the owner while it holds the lock. */
  private int holds;

  /** Takes the lock, waiting as long as another thread holds it. */
  void lock() {
    Thread me = Thread.currentThread();
    if (OWNER.getOpaque(this) == me) {
      holds++;
      return;
    }
    int attempt = 0;
    while (!OWNER.compareAndSet(this, null, me)) {
      attempt = Backoff.pause(attempt);
    }
    holds = 1;
  }

  /**
   * Takes the lock unless another thread still holds it at {@code deadlineNanos} ({@link System#nanoTime()});
   * returns whether it was taken.
   *
   * @throws InterruptedException when the waiting thread is interrupted
   */
  boolean tryLock(long deadlineNanos) throws InterruptedException {
    Thread me = Thread.currentThread();
    if (OWNER.getOpaque(this) == me) {
      holds++;
      return true;
    }
    int attempt = 0;
    while (!OWNER.compareAndSet(this, null, me)) {
      if (Thread.interrupted()) {
        throw new InterruptedException("interrupted while waiting for a delivery to finish");
      }
      if (System.nanoTime() - deadlineNanos >= 0) {
        return false;
      }
      attempt = Backoff.pause(attempt);
    }
    holds = 1;
    return true;
  }

  /** Releases one hold; the last one frees the lock. Only the owner may call it. */
  void unlock() {
    if (OWNER.getOpaque(this) != Thread.currentThread()) {
      throw new IllegalMonitorStateException("the delivery lock is not held by " + Thread.currentThread().getName());
    }
    if (--holds == 0) {
      OWNER.setRelease(this, null);
    }
  }

  /** Whether the calling thread holds the lock. */
  boolean isHeldByCurrentThread() {
    return OWNER.getOpaque(this) == Thread.currentThread();
  }
}
