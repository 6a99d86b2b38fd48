package io.aitrader.api.lock;

import java.time.Duration;

/**
 * A named mutual-exclusion lock for a service that must run once (one order service per broker account): the
 * instance that holds it works, the others wait or stand by. Obtained from a {@link LockRegistry}.
 *
 * <pre>{@code
 * LeaseLock lock = locks.lock("orders:ACC-1");
 * if (!lock.tryAcquire(Duration.ofSeconds(5))) {
 *   throw new IllegalStateException("another order service runs for ACC-1");
 * }
 * try { runOrderService(); } finally { lock.release(); }
 * }</pre>
 *
 * <p><b>Holder.</b> The holder is the acquiring <em>thread</em> of the acquiring <em>client</em> (a process, or a
 * client made as another process in tests). The lock is reentrant: the holder may acquire it again and releases it
 * once per acquire. Only the holder can release it; anyone else's {@link #release()} returns {@code false} and
 * changes nothing.
 *
 * <p><b>Lease.</b> {@link #tryAcquire(Duration, Duration)} holds the lock for a fixed lease, after which it is free
 * even if never released (a crashed holder cannot block the others forever). {@link #tryAcquire(Duration)} holds it
 * until released: the Redis lock renews a short lease while its client lives, so a dead process frees it within
 * that lease (30 s); the embedded lock lives and dies with its process, so it is simply held. Lease time is the
 * implementation's clock: the injected {@code TimeSource} of the embedded lock, the server's clock for Redis.
 *
 * <p><b>Waiting.</b> {@code wait} is a real blocking timeout: a waiter gets the lock as soon as it is released or its
 * lease ends within that time. An interrupted waiter returns {@code false} with its interrupt flag set.
 *
 * <p>Contract checked by the kit {@code io.aitrader.testing.lock.LeaseLockContract}. Thread-safe. A remote lock that
 * cannot be reached throws an unchecked {@link io.aitrader.api.AitraderException}.
 */
public interface LeaseLock {

  /** The lock's name. */
  String name();

  /**
   * Acquires the lock, waiting at most {@code wait} (zero: do not wait), and holds it until {@link #release()} (see
   * the type's notes on the lease).
   *
   * @return whether the calling thread now holds it
   * @throws io.aitrader.api.ValidationException when {@code wait} is negative
   */
  boolean tryAcquire(Duration wait);

  /**
   * Acquires the lock, waiting at most {@code wait}, for a fixed {@code lease} after which it is free even if it was
   * not released. Acquiring again while holding it starts a new lease.
   *
   * @return whether the calling thread now holds it
   * @throws io.aitrader.api.ValidationException when {@code wait} is negative or {@code lease} is below 1 ms
   */
  boolean tryAcquire(Duration wait, Duration lease);

  /**
   * Releases one hold of the calling thread.
   *
   * @return true if the calling thread held it; false if it did not (never acquired, another holder, already released,
   *     or the lease ran out)
   */
  boolean release();

  /** Whether the calling thread (of this client) holds it now. */
  boolean isHeldByCurrentThread();

  /** Whether anyone, in any client, holds it now. */
  boolean isLocked();
}
