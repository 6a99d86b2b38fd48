package io.aitrader.core.limits;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.NotFoundException;
import io.aitrader.api.limits.RateBucket;
import io.aitrader.api.limits.RateLimiter;
import io.aitrader.api.time.TimeSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The embedded {@link RateLimiter}: every caller in this process that uses this instance shares each bucket's budget.
 * Share one instance per process (e.g. one over {@link RateBucket#groww()} for the Groww client); to share budgets
 * between processes, use the Redis connector's limiter instead, with the same buckets.
 *
 * <pre>{@code
 * RateLimiter limits = new InMemoryRateLimiter(RateBucket.groww(), clock);
 * long waitMillis = limits.tryAcquire("groww.orders");   // 0 = granted
 * }</pre>
 *
 * <p><b>Algorithm.</b> Each window of a bucket is an exact sliding log: a ring of the last {@code permits} grant times.
 * A call checks every window of its bucket and grants in all or none under the bucket's monitor, so concurrent callers
 * never over-spend; buckets do not contend with each other. A refused call returns the wait until enough of the
 * oldest grants leave every full window.
 *
 * <p><b>Time.</b> From the injected {@link TimeSource} (the system clock live, event time in replays). A clock that
 * goes backwards records grants at the latest time seen, so it can never free a budget early.
 *
 * <p>Thread-safe. {@link #tryAcquire(String, int)} allocates nothing (memory is {@code O(sum of permits)} per bucket,
 * allocated up front).
 */
public final class InMemoryRateLimiter implements RateLimiter {
  private final TimeSource clock;
  private final List<RateBucket> buckets;
  private final Map<String, Budget> budgets;

  /**
   * A limiter over {@code buckets}, timed by {@code clock}.
   *
   * @throws io.aitrader.api.ValidationException when there is no bucket or two share a name
   */
  public InMemoryRateLimiter(List<RateBucket> buckets, TimeSource clock) {
    required(buckets, "InMemoryRateLimiter.buckets");
    this.clock = required(clock, "InMemoryRateLimiter.clock");
    check(!buckets.isEmpty(), "InMemoryRateLimiter.buckets", "must hold at least one bucket", buckets);
    Map<String, Budget> byName = new HashMap<>();
    for (RateBucket b : buckets) {
      required(b, "InMemoryRateLimiter.bucket");
      check(byName.put(b.name(), new Budget(b)) == null, "InMemoryRateLimiter.buckets", "must not repeat a name",
          b.name());
    }
    this.buckets = List.copyOf(buckets);
    this.budgets = Map.copyOf(byName);
  }

  @Override
  public List<RateBucket> buckets() {
    return buckets;
  }

  @Override
  public Optional<RateBucket> bucket(String name) {
    Budget b = budgets.get(name);
    return b == null ? Optional.empty() : Optional.of(b.bucket);
  }

  @Override
  public long tryAcquire(String bucket, int permits) {
    Budget b = budget(bucket);
    b.bucket.checkPermits(permits);
    return b.tryAcquire(clock.currentTimeMillis(), permits);
  }

  @Override
  public void reset(String bucket) {
    budget(bucket).reset();
  }

  private Budget budget(String bucket) {
    required(bucket, "RateLimiter.bucket");
    Budget b = budgets.get(bucket);
    if (b == null) {
      throw new NotFoundException("Rate-limit bucket '" + bucket + "' is not configured; known: "
          + new ArrayList<>(budgets.keySet()));
    }
    return b;
  }

  @Override
  public String toString() {
    List<String> names = new ArrayList<>();
    buckets.forEach(b -> names.add(b.name()));
    return "InMemoryRateLimiter" + names;
  }

  /** One bucket's windows; guarded by its own monitor. */
  private static final class Budget {
    final RateBucket bucket;
    private final Log[] logs;
    private long latestMillis = Long.MIN_VALUE;

    Budget(RateBucket bucket) {
      this.bucket = bucket;
      this.logs = new Log[bucket.windows().size()];
      for (int i = 0; i < logs.length; i++) {
        RateBucket.Window w = bucket.windows().get(i);
        logs[i] = new Log(w.permits(), w.period().toMillis());
      }
    }

    synchronized long tryAcquire(long nowMillis, int permits) {
      long now = Math.max(nowMillis, latestMillis);
      long wait = 0;
      for (Log log : logs) {
        wait = Math.max(wait, log.waitFor(now, permits));
      }
      if (wait > 0) {
        return wait;
      }
      latestMillis = now;
      for (Log log : logs) {
        log.grant(now, permits);
      }
      return 0;
    }

    synchronized void reset() {
      for (Log log : logs) {
        log.clear();
      }
    }
  }

  /** The grant times still inside one window, oldest first, in a ring of the window's capacity. */
  private static final class Log {
    private final long[] times;
    private final long periodMillis;
    private int head;
    private int size;

    Log(int permits, long periodMillis) {
      this.times = new long[permits];
      this.periodMillis = periodMillis;
    }

    /** 0 if {@code permits} more fit at {@code now}; else the wait until enough of the oldest grants leave. */
    long waitFor(long now, int permits) {
      while (size > 0 && times[head] + periodMillis <= now) {
        head = (head + 1) % times.length;
        size--;
      }
      int excess = size + permits - times.length;
      if (excess <= 0) {
        return 0;
      }
      long oldestThatMustLeave = times[(head + excess - 1) % times.length];
      return oldestThatMustLeave + periodMillis - now;
    }

    /** Records {@code permits} grants at {@code now}; the caller checked they fit. */
    void grant(long now, int permits) {
      for (int p = 0; p < permits; p++) {
        times[(head + size) % times.length] = now;
        size++;
      }
    }

    void clear() {
      head = 0;
      size = 0;
    }
  }
}
