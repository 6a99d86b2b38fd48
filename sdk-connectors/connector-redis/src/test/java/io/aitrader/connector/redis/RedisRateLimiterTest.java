package io.aitrader.connector.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.limits.RateBucket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What only the Redis limiter does: time from the Redis server when no clock is given. Everything a limiter must do
 * runs against Redis in {@link RedisRateLimiterContractTest} (the SDK's kit).
 */
class RedisRateLimiterTest {
  private static final AtomicInteger PREFIXES = new AtomicInteger();
  private final String prefix = "limit-test-" + PREFIXES.incrementAndGet();
  /** Two clients, as if two processes, under a key prefix of this test only. */
  private final RedisConnector first = RedisServer.shared().connect(prefix);
  private final RedisConnector second = RedisServer.shared().connect(prefix);

  @AfterEach
  void closeClients() {
    first.client().getKeys().deleteByPattern(prefix + ":*");
    first.close();
    second.close();
  }

  @Test
  void serverTimeIsSharedByClientsWithoutAClock() {
    RateBucket slow = RateBucket.of("slow", new RateBucket.Window(3, Duration.ofMinutes(10)));
    RedisRateLimiter one = first.rateLimiter(List.of(slow));
    RedisRateLimiter two = second.rateLimiter(List.of(slow));

    assertThat(one.tryAcquire("slow", 2)).isZero();
    assertThat(two.tryAcquire("slow")).isZero();

    assertThat(two.tryAcquire("slow")).isBetween(1L, 600_000L);
    assertThat(one.tryAcquire("slow")).isBetween(1L, 600_000L);
  }
}
