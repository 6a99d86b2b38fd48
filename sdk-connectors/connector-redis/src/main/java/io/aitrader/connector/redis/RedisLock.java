package io.aitrader.connector.redis;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.lock.LeaseLock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RLock;
import org.redisson.client.RedisException;

/**
 * The Redis {@link LeaseLock}: a lock shared by every process on the same Redis and key prefix, for services that
 * must run once (one order service per broker account): the instance that holds it works, the others wait or stand
 * by. Made by {@link RedisConnector#lock(String)} or through {@link RedisConnector#locks()}, the
 * {@link io.aitrader.api.lock.LockRegistry} that replaces the embedded {@code InMemoryLockRegistry} (same kit,
 * {@code LeaseLockContract}); a Redisson {@link RLock} on key {@code <prefix>:lock:{<name>}}.
 *
 * <pre>{@code
 * LeaseLock lock = redis.locks().lock("orders:ACC-1");
 * if (!lock.tryAcquire(Duration.ofSeconds(5))) {
 *   throw new IllegalStateException("another order service runs for ACC-1");
 * }
 * try { runOrderService(); } finally { lock.release(); }
 * }</pre>
 *
 * <p><b>Lease.</b> {@link #tryAcquire(Duration)} holds the lock until {@link #release()}: a watchdog in the client
 * renews it (Redisson's default: a 30 s lease renewed every 10 s), so if the process dies the lock frees itself
 * within 30 s. Leases run on the Redis server's clock. {@link #tryAcquire(Duration, Duration)} holds it for a fixed lease with no renewal.
 *
 * <p><b>Ownership.</b> The owner is the acquiring <em>thread</em> of the acquiring client; the lock is reentrant
 * (release once per acquire) and only the owner thread can release it. Thread-safe otherwise. Failures to reach
 * Redis throw {@link RedisUnavailableException}.
 */
public final class RedisLock implements LeaseLock {
  private final String name;
  private final RLock lock;

  RedisLock(RedisConnector connector, String name) {
    this.name = name;
    this.lock = connector.client().getLock(connector.key("lock", "{" + name + "}"));
  }

  @Override
  public String name() {
    return name;
  }

  /**
   * Acquires the lock, waiting at most {@code wait} (zero: do not wait), and keeps it (watchdog) until
   * {@link #release()} or the death of this client.
   *
   * @return whether this thread now holds it; false also when interrupted while waiting (the flag is restored)
   */
  @Override
  public boolean tryAcquire(Duration wait) {
    required(wait, "RedisLock.wait");
    check(!wait.isNegative(), "RedisLock.wait", "must not be negative", wait);
    return tryLock(wait, -1);
  }

  /**
   * Acquires the lock, waiting at most {@code wait}, for a fixed {@code lease} after which Redis frees it even if
   * it was not released.
   */
  @Override
  public boolean tryAcquire(Duration wait, Duration lease) {
    required(wait, "RedisLock.wait");
    check(!wait.isNegative(), "RedisLock.wait", "must not be negative", wait);
    required(lease, "RedisLock.lease");
    check(lease.toMillis() >= 1, "RedisLock.lease", "must be at least 1 ms", lease);
    return tryLock(wait, lease.toMillis());
  }

  private boolean tryLock(Duration wait, long leaseMillis) {
    try {
      return lock.tryLock(wait.toMillis(), leaseMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (RedisException e) {
      if (e.getCause() instanceof InterruptedException) {
        // Redisson wraps an interrupt during its first, non-blocking attempt
        Thread.currentThread().interrupt();
        return false;
      }
      throw new RedisUnavailableException("Redis lock '" + name + "': acquire failed: " + e.getMessage(), e);
    }
  }

  /**
   * Releases one hold of this thread.
   *
   * @return true if this thread held it; false if it did not (never acquired, already released, or the lease ran
   *     out)
   */
  @Override
  public boolean release() {
    try {
      if (!lock.isHeldByCurrentThread()) {
        return false;
      }
      lock.unlock();
      return true;
    } catch (IllegalMonitorStateException e) {
      return false;
    } catch (RedisException e) {
      throw new RedisUnavailableException("Redis lock '" + name + "': release failed: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean isHeldByCurrentThread() {
    try {
      return lock.isHeldByCurrentThread();
    } catch (RedisException e) {
      throw new RedisUnavailableException("Redis lock '" + name + "': check failed: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean isLocked() {
    try {
      return lock.isLocked();
    } catch (RedisException e) {
      throw new RedisUnavailableException("Redis lock '" + name + "': check failed: " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "RedisLock[" + name + "]";
  }
}
