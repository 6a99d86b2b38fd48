package io.aitrader.connector.redis;

import io.aitrader.api.limits.RateBucket;
import io.aitrader.api.limits.RateLimiter;
import io.aitrader.api.time.TimeSource;
import io.aitrader.testing.limits.RateLimiterContract;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;

/** The Redis limiter passes the SDK's kit, with two clients on one server as two processes. */
class RedisRateLimiterContractTest extends RateLimiterContract {
  private static final AtomicInteger PREFIXES = new AtomicInteger();
  private final String prefix = "limit-kit-" + PREFIXES.incrementAndGet();
  private final RedisConnector first = RedisServer.shared().connect(prefix);
  private final RedisConnector second = RedisServer.shared().connect(prefix);

  @Override
  protected RateLimiter newLimiter(List<RateBucket> buckets, TimeSource clock) {
    return first.rateLimiter(buckets, clock);
  }

  @Override
  protected RateLimiter otherClient(RateLimiter firstLimiter, List<RateBucket> buckets, TimeSource clock) {
    return second.rateLimiter(buckets, clock);
  }

  @AfterEach
  void closeClients() {
    first.client().getKeys().deleteByPattern(prefix + ":*");
    first.close();
    second.close();
  }
}
