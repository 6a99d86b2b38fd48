package io.aitrader.groww.feed.nats;

import io.aitrader.api.ValidationException;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How {@link GrowwFeedConnection} spaces its reconnect attempts: exponential backoff with <i>full jitter</i>.
 * Before attempt {@code n} (1-based) it waits a uniformly random time in {@code [0, cap(n)]}, where
 * {@code cap(n) = min(maxDelay, initialDelay × 2^(n-1))}: 0–2 s, 0–4 s, 0–8 s, … up to 0–60 s with the
 * {@link #defaults() defaults}. Spreading the attempts keeps many clients from re-minting socket tokens in step
 * (rapid mint + dial cycles are reported to be throttled). Immutable.
 *
 * <pre>{@code
 * ReconnectPolicy fast = new ReconnectPolicy(Duration.ofMillis(50), Duration.ofMillis(400), 0);
 * }</pre>
 *
 * @param initialDelay the cap before the first attempt
 * @param maxDelay the largest cap
 * @param maxAttempts attempts before giving up on one outage; 0 = never give up
 */
public record ReconnectPolicy(Duration initialDelay, Duration maxDelay, int maxAttempts) {

  /** Validates the delays ({@code 0 < initialDelay <= maxDelay}) and the attempt count ({@code >= 0}). */
  public ReconnectPolicy {
    ValidationException.required(initialDelay, "ReconnectPolicy.initialDelay");
    ValidationException.required(maxDelay, "ReconnectPolicy.maxDelay");
    ValidationException.check(
        !initialDelay.isNegative() && !initialDelay.isZero(), "ReconnectPolicy.initialDelay", "must be > 0", initialDelay);
    ValidationException.check(
        maxDelay.compareTo(initialDelay) >= 0, "ReconnectPolicy.maxDelay", "must be >= initialDelay " + initialDelay, maxDelay);
    ValidationException.check(maxAttempts >= 0, "ReconnectPolicy.maxAttempts", "must be >= 0 (0 = forever)", maxAttempts);
  }

  /** 2 s doubling to 60 s, full jitter, never give up. */
  public static ReconnectPolicy defaults() {
    return new ReconnectPolicy(Duration.ofSeconds(2), Duration.ofSeconds(60), 0);
  }

  /** The largest wait before attempt {@code attempt} (1-based). */
  public Duration cap(int attempt) {
    ValidationException.check(attempt >= 1, "ReconnectPolicy.attempt", "must be >= 1", attempt);
    long initial = initialDelay.toNanos();
    long max = maxDelay.toNanos();
    int shift = Math.min(attempt - 1, 62);
    long cap = initial > (max >> shift) ? max : Math.min(max, initial << shift);
    return Duration.ofNanos(cap);
  }

  /** A random wait in {@code [0, cap(attempt)]}. */
  public Duration delayBefore(int attempt, RandomGenerator random) {
    long cap = cap(attempt).toNanos();
    return Duration.ofNanos(cap == Long.MAX_VALUE ? random.nextLong(0, cap) : random.nextLong(0, cap + 1));
  }

  /** Whether {@code attempt} attempts used up the budget. */
  boolean exhausted(int attempt) {
    return maxAttempts > 0 && attempt >= maxAttempts;
  }
}
