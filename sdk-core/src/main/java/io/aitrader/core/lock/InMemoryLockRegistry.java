package io.aitrader.core.lock;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.lock.LeaseLock;
import io.aitrader.api.lock.LockRegistry;
import io.aitrader.api.time.TimeSource;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The embedded {@link LockRegistry}: named {@link LeaseLock}s within one process, for running the singleton services
 * of a deployment in one JVM with no servers. The Redis connector's registry replaces it to lock across processes.
 *
 * <pre>{@code
 * LockRegistry locks = new InMemoryLockRegistry(clock);
 * LeaseLock lock = locks.lock("orders:ACC-1");
 * if (lock.tryAcquire(Duration.ofSeconds(5))) { try { run(); } finally { lock.release(); } }
 * }</pre>
 *
 * <p><b>Clients.</b> A registry is one client: its locks are held by (this client, the acquiring thread).
 * {@link #newClient()} gives another client over the same locks whose threads are other holders, as if it were
 * another process (for tests, or for several independent services in one JVM).
 *
 * <p><b>Time.</b> Leases end on the injected {@link TimeSource}: a lock acquired with a lease is free once the clock
 * reaches acquire time + lease. {@link LeaseLock#tryAcquire(Duration)} holds without a lease until released (the
 * embedded lock dies with its process, so there is nothing to renew). Waiting is a real blocking timeout; a waiter
 * also re-checks the clock when the holder's lease would end, so leases on the system clock free waiters on time.
 *
 * <p>Thread-safe: one monitor for all locks of the registry (locks are taken rarely).
 */
public final class InMemoryLockRegistry implements LockRegistry {
  private final Table table;
  private final Object client = new Object();

  /** A registry with no locks held, timed by {@code clock}. */
  public InMemoryLockRegistry(TimeSource clock) {
    this(new Table(required(clock, "InMemoryLockRegistry.clock")));
  }

  private InMemoryLockRegistry(Table table) {
    this.table = table;
  }

  /** Another client over the same locks: its threads hold locks apart from this client's, as another process. */
  public InMemoryLockRegistry newClient() {
    return new InMemoryLockRegistry(table);
  }

  @Override
  public LeaseLock lock(String name) {
    return new Lock(LockRegistry.checkName(name));
  }

  @Override
  public String toString() {
    return "InMemoryLockRegistry[" + table.heldCount() + " held]";
  }

  /** The state shared by all clients: who holds which name. */
  private static final class Table {
    final TimeSource clock;
    final ReentrantLock mutex = new ReentrantLock();
    final Condition released = mutex.newCondition();
    final Map<String, Hold> holds = new HashMap<>();

    Table(TimeSource clock) {
      this.clock = clock;
    }

    /** The live hold of {@code name}, dropping one whose lease has ended; call with the mutex held. */
    @Nullable Hold live(String name, long now) {
      Hold h = holds.get(name);
      if (h != null && h.expiresAtMillis <= now) {
        holds.remove(name);
        released.signalAll();
        return null;
      }
      return h;
    }

    int heldCount() {
      mutex.lock();
      try {
        return holds.size();
      } finally {
        mutex.unlock();
      }
    }
  }

  /** One holder of one name: a client's thread, how many times it acquired, and when its lease ends. */
  private static final class Hold {
    final Object client;
    final Thread thread;
    int count = 1;
    long expiresAtMillis;

    Hold(Object client, Thread thread, long expiresAtMillis) {
      this.client = client;
      this.thread = thread;
      this.expiresAtMillis = expiresAtMillis;
    }

    boolean isCaller(Object caller) {
      return client == caller && thread == Thread.currentThread();
    }
  }

  /** A handle on one name for this client. */
  private final class Lock implements LeaseLock {
    private final String name;

    Lock(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public boolean tryAcquire(Duration wait) {
      checkWait(wait);
      return acquire(wait, Long.MAX_VALUE);
    }

    @Override
    public boolean tryAcquire(Duration wait, Duration lease) {
      checkWait(wait);
      required(lease, "LeaseLock.lease");
      check(lease.toMillis() >= 1, "LeaseLock.lease", "must be at least 1 ms", lease);
      return acquire(wait, lease.toMillis());
    }

    private boolean acquire(Duration wait, long leaseMillis) {
      long remainingNanos = saturatedNanos(wait);
      table.mutex.lock();
      try {
        while (true) {
          long now = table.clock.currentTimeMillis();
          long expiresAt = leaseMillis == Long.MAX_VALUE ? Long.MAX_VALUE : saturatedAdd(now, leaseMillis);
          Hold h = table.live(name, now);
          if (h == null) {
            table.holds.put(name, new Hold(client, Thread.currentThread(), expiresAt));
            return true;
          }
          if (h.isCaller(client)) {
            h.count++;
            h.expiresAtMillis = expiresAt;
            return true;
          }
          if (remainingNanos <= 0) {
            return false;
          }
          long untilLeaseEnds = h.expiresAtMillis == Long.MAX_VALUE ? Long.MAX_VALUE
              : TimeUnit.MILLISECONDS.toNanos(Math.max(1, h.expiresAtMillis - now));
          long slice = Math.min(remainingNanos, untilLeaseEnds);
          long left = table.released.awaitNanos(slice);
          remainingNanos -= slice - Math.max(0, left);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      } finally {
        table.mutex.unlock();
      }
    }

    @Override
    public boolean release() {
      table.mutex.lock();
      try {
        Hold h = table.live(name, table.clock.currentTimeMillis());
        if (h == null || !h.isCaller(client)) {
          return false;
        }
        if (--h.count == 0) {
          table.holds.remove(name);
          table.released.signalAll();
        }
        return true;
      } finally {
        table.mutex.unlock();
      }
    }

    @Override
    public boolean isHeldByCurrentThread() {
      table.mutex.lock();
      try {
        Hold h = table.live(name, table.clock.currentTimeMillis());
        return h != null && h.isCaller(client);
      } finally {
        table.mutex.unlock();
      }
    }

    @Override
    public boolean isLocked() {
      table.mutex.lock();
      try {
        return table.live(name, table.clock.currentTimeMillis()) != null;
      } finally {
        table.mutex.unlock();
      }
    }

    @Override
    public String toString() {
      return "InMemoryLock[" + name + "]";
    }
  }

  private static void checkWait(Duration wait) {
    required(wait, "LeaseLock.wait");
    check(!wait.isNegative(), "LeaseLock.wait", "must not be negative", wait);
  }

  private static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  private static long saturatedAdd(long a, long b) {
    long r = a + b;
    return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
  }
}
