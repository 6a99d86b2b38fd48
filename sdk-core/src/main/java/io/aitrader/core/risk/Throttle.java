package io.aitrader.core.risk;

/**
 * A sliding one-second window over the times of the last {@code n} permitted orders, in a preallocated ring: an
 * order at {@code t} is permitted when fewer than {@code n} permitted orders have times in {@code (t − 1000, t]}.
 * Deterministic (event time only) and allocation-free. Not thread-safe: the engine serializes access.
 */
final class Throttle {
  static final long WINDOW_MILLIS = 1_000L;

  private final long[] times;
  private int next;
  private int count;

  Throttle(int ordersPerSecond) {
    this.times = new long[ordersPerSecond];
  }

  int limit() {
    return times.length;
  }

  /** 0 when an order at {@code t} is permitted, else how many milliseconds until one would be. */
  long retryAfter(long t) {
    if (count < times.length) {
      return 0;
    }
    long wait = times[next] + WINDOW_MILLIS - t; // times[next] is the oldest of the last n when the ring is full
    return wait > 0 ? wait : 0;
  }

  /** Records a permitted order at {@code t}. */
  void record(long t) {
    times[next] = t;
    next = next + 1 == times.length ? 0 : next + 1;
    if (count < times.length) {
      count++;
    }
  }
}
