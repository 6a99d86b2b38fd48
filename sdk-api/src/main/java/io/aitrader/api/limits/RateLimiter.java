package io.aitrader.api.limits;

import io.aitrader.api.RateLimitedException;
import java.util.List;
import java.util.Optional;

/**
 * Grants permits from named {@link RateBucket}s: the broker's API budgets and the orders-per-second throttle. Every
 * caller of the same limiter state shares a bucket's budget — one process for the embedded limiter, every process on
 * one Redis server for the Redis connector's — so the same configuration scales from one process to many.
 *
 * <pre>{@code
 * RateLimiter limits = new InMemoryRateLimiter(RateBucket.groww(), clock);   // or redis.rateLimiter(RateBucket.groww())
 * long waitMillis = limits.tryAcquire("groww.orders");
 * if (waitMillis == 0) broker.place(order); else retryIn(waitMillis);
 * limits.acquireOrThrow("groww.orders");   // or: RateLimitedException carrying the wait
 * }</pre>
 *
 * <p><b>Contract</b> (checked by the kit {@code io.aitrader.testing.limits.RateLimiterContract}):
 * <ul>
 *   <li>A call is granted in every window of its bucket or in none: a refused call takes nothing.
 *   <li>Windows slide: a grant at time {@code t} counts against its window until {@code t + period} (exclusive).
 *   <li>A refused call returns the exact wait after which the same call would be granted if nobody else spent the
 *       budget meanwhile: for each full window, the time until enough of its oldest grants leave it.
 *   <li>Asking for more permits than the smallest window holds can never succeed and fails at once with a
 *       {@link io.aitrader.api.ValidationException}; an unknown bucket fails with
 *       {@link io.aitrader.api.NotFoundException} naming the known ones.
 *   <li>Concurrent callers never over-spend a bucket.
 * </ul>
 *
 * <p>Time comes from an injected {@code TimeSource} (the embedded limiter) or from the server that holds the state
 * (Redis), never from each caller's wall clock. Implementations are thread-safe; a remote limiter that cannot be
 * reached throws an unchecked {@link io.aitrader.api.AitraderException}.
 */
public interface RateLimiter {

  /** The buckets this limiter knows, in configuration order. */
  List<RateBucket> buckets();

  /** The bucket called {@code name}, if this limiter knows it. */
  Optional<RateBucket> bucket(String name);

  /** {@link #tryAcquire(String, int)} for one permit. */
  default long tryAcquire(String bucket) {
    return tryAcquire(bucket, 1);
  }

  /**
   * Takes {@code permits} from {@code bucket} if every window of it allows them now.
   *
   * @return 0 when granted; otherwise how many milliseconds to wait before the same call can be granted (nothing
   *     was taken)
   * @throws io.aitrader.api.NotFoundException   when the limiter has no such bucket
   * @throws io.aitrader.api.ValidationException when permits is below 1 or above {@link RateBucket#maxPermits()}
   */
  long tryAcquire(String bucket, int permits);

  /**
   * Takes one permit from {@code bucket} or throws.
   *
   * @throws RateLimitedException when the bucket has no permit now; {@link RateLimitedException#retryAfterMillis()}
   *     says how long to wait
   */
  default void acquireOrThrow(String bucket) {
    long wait = tryAcquire(bucket, 1);
    if (wait > 0) {
      throw new RateLimitedException("Rate limit of bucket " + bucket + " reached: retry in " + wait + " ms", wait);
    }
  }

  /** Forgets every grant of {@code bucket} (all windows): for operators and tests. */
  void reset(String bucket);
}
