package io.aitrader.core.bus;

import java.util.concurrent.locks.LockSupport;

/**
 * The wait of a publisher whose subscriber's queue is full: spin, then yield, then park for a growing but
 * bounded time. Stateless; the caller keeps the attempt counter, so nothing is allocated.
 */
final class Backoff {
  static final int SPINS = 100;
  static final int YIELDS = 20;
  /** First park: 1 µs, doubling up to {@link #MAX_PARK_NANOS}. */
  static final long MIN_PARK_NANOS = 1_000L;
  static final long MAX_PARK_NANOS = 100_000L;

  private Backoff() {}

  /** Waits a little according to {@code attempt} (0 on the first call) and returns the next attempt number. */
  static int pause(int attempt) {
    if (attempt < SPINS) {
      Thread.onSpinWait();
    } else if (attempt < SPINS + YIELDS) {
      Thread.yield();
    } else {
      int doublings = Math.min(attempt - SPINS - YIELDS, 7);
      LockSupport.parkNanos(Math.min(MIN_PARK_NANOS << doublings, MAX_PARK_NANOS));
    }
    return attempt == Integer.MAX_VALUE ? attempt : attempt + 1;
  }
}
