package io.aitrader.groww.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aitrader.api.limits.RateBucket;
import io.aitrader.api.limits.RateLimiter;
import io.aitrader.api.time.TimeSource;
import io.aitrader.core.limits.InMemoryRateLimiter;
import java.util.Optional;

/**
 * Groww's rate limits (§4) on the fake's clock: the Orders, Live Data and Non Trading buckets of {@link
 * RateBucket#groww()} as exact sliding windows. Endpoints the docs assign to no bucket (historical, option chain,
 * greeks, smart orders, user, token) are not limited.
 */
final class RateGate {
  static final String ORDERS = RateBucket.GROWW_ORDERS.name();
  static final String LIVE_DATA = RateBucket.GROWW_LIVE_DATA.name();
  static final String NON_TRADING = RateBucket.GROWW_NON_TRADING.name();

  private final boolean enabled;
  private final RateLimiter limiter;

  RateGate(boolean enabled, TimeSource clock) {
    this.enabled = enabled;
    this.limiter = new InMemoryRateLimiter(RateBucket.groww(), clock);
  }

  /** Takes a permit of {@code bucket}, or throws the 429 FAILURE (code GA003) with the wait. */
  void acquire(Optional<String> bucket) {
    if (!enabled || bucket.isEmpty()) {
      return;
    }
    String name = bucket.get();
    long wait = limiter.tryAcquire(name);
    if (wait > 0) {
      RateBucket b = limiter.bucket(name).orElseThrow();
      throw new RateLimited(name, b, wait);
    }
  }

  /** The 429 answer: a JSON FAILURE envelope (so clients that parse JSON first still work) and Retry-After. */
  static final class RateLimited extends ApiError {
    private static final long serialVersionUID = 1L;
    private final long waitMillis;
    private final String bucket;

    RateLimited(String bucket, RateBucket b, long waitMillis) {
      super(429, UNAVAILABLE, "Rate limit exceeded for the " + bucket + " bucket " + b.windows()
          + ": retry in " + waitMillis + " ms");
      this.waitMillis = waitMillis;
      this.bucket = bucket;
    }

    long waitMillis() {
      return waitMillis;
    }

    ObjectNode metadata() {
      ObjectNode m = Json.object();
      m.put("bucket", bucket);
      m.put("retry_after_ms", waitMillis);
      return m;
    }
  }
}
