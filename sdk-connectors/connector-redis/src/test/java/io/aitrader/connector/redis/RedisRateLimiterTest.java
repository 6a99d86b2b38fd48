package io.aitrader.connector.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.NotFoundException;
import io.aitrader.api.RateLimitedException;
import io.aitrader.api.ValidationException;
import io.aitrader.api.limits.RateBucket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedisRateLimiterTest {
  private static final long T0 = 1_736_135_100_000L;
  private static final AtomicInteger PREFIXES = new AtomicInteger();
  private final AtomicLong now = new AtomicLong(T0);
  private final String prefix = "limit-test-" + PREFIXES.incrementAndGet();
  /** Two clients, as if two processes, under a key prefix of this test only. */
  private final RedisConnector first = RedisServer.shared().connect(prefix);
  private final RedisConnector second = RedisServer.shared().connect(prefix);

  private RedisRateLimiter limiter(RedisConnector client, List<RateBucket> buckets, boolean serverTime) {
    return serverTime ? client.rateLimiter(buckets) : client.rateLimiter(buckets, now::get);
  }

  @AfterEach
  void closeClients() {
    first.client().getKeys().deleteByPattern(prefix + ":*");
    first.close();
    second.close();
  }

  @Test
  void twoClientsShareTheOrdersBudgetPerSecond() {
    RedisRateLimiter one = limiter(first, RateBucket.groww(), false);
    RedisRateLimiter two = limiter(second, RateBucket.groww(), false);

    // given: six orders through one client, four through the other, all at T0
    for (int i = 0; i < 6; i++) {
      assertThat(one.tryAcquire("groww.orders")).isZero();
    }
    for (int i = 0; i < 4; i++) {
      assertThat(two.tryAcquire("groww.orders")).isZero();
    }

    // then: the eleventh in the same second waits for the first grant to leave the window, in either client
    assertThat(one.tryAcquire("groww.orders")).isEqualTo(1_000);
    now.set(T0 + 400);
    assertThat(two.tryAcquire("groww.orders")).isEqualTo(600);
    // other buckets are independent
    assertThat(two.tryAcquire("groww.live-data")).isZero();

    // when the second has passed, the budget is back
    now.set(T0 + 1_000);
    assertThat(two.tryAcquire("groww.orders")).isZero();
  }

  @Test
  void thePerMinuteWindowLimitsEvenWhenEverySecondIsWithinItsLimit() {
    RedisRateLimiter one = limiter(first, RateBucket.groww(), false);
    RedisRateLimiter two = limiter(second, RateBucket.groww(), false);

    // given: 10 orders in each of 25 seconds, alternating clients: 250, the per-minute limit
    for (int s = 0; s < 25; s++) {
      now.set(T0 + s * 1_000L);
      RedisRateLimiter l = s % 2 == 0 ? one : two;
      for (int i = 0; i < 10; i++) {
        assertThat(l.tryAcquire("groww.orders")).as("second %d order %d", s, i).isZero();
      }
    }

    // when: second 25 has a free per-second budget
    now.set(T0 + 25_000);

    // then: the minute is spent until the first grants (at T0) are a minute old
    assertThat(one.tryAcquire("groww.orders")).isEqualTo(35_000);
    now.set(T0 + 60_000);
    assertThat(two.tryAcquire("groww.orders")).isZero();
  }

  @Test
  void aRefusedCallTakesNothing() {
    RedisRateLimiter one = limiter(first, List.of(RateBucket.of("x", RateBucket.Window.perSecond(5),
        RateBucket.Window.perMinute(6))), false);

    assertThat(one.tryAcquire("x", 5)).isZero();
    assertThat(one.tryAcquire("x", 2)).as("per-minute allows 1 more, not 2").isEqualTo(60_000);
    now.set(T0 + 1_000);
    assertThat(one.tryAcquire("x", 1)).as("the refused call left its permit").isZero();
    assertThat(one.tryAcquire("x", 1)).isEqualTo(59_000);
  }

  @Test
  void acquireOrThrowCarriesTheWait() {
    RedisRateLimiter one = limiter(first, List.of(RateBucket.ordersPerSecond(2)), false);
    one.acquireOrThrow("orders.ops");
    now.set(T0 + 300);
    one.acquireOrThrow("orders.ops");

    assertThatThrownBy(() -> one.acquireOrThrow("orders.ops")).isInstanceOf(RateLimitedException.class)
        .satisfies(e -> assertThat(((RateLimitedException) e).retryAfterMillis()).isEqualTo(700));
  }

  @Test
  void concurrentClientsNeverGrantMoreThanTheLimit() throws Exception {
    RateBucket bucket = RateBucket.of("burst", RateBucket.Window.perMinute(50));
    List<RedisRateLimiter> limiters = List.of(limiter(first, List.of(bucket), false),
        limiter(second, List.of(bucket), false));
    AtomicInteger granted = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        RedisRateLimiter l = limiters.get(t % 2);
        futures.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < 40; i++) {
            if (l.tryAcquire("burst") == 0) {
              granted.incrementAndGet();
            }
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(granted.get()).isEqualTo(50);
  }

  @Test
  void serverTimeIsSharedByClientsWithoutAClock() {
    RateBucket slow = RateBucket.of("slow", new RateBucket.Window(3, Duration.ofMinutes(10)));
    RedisRateLimiter one = limiter(first, List.of(slow), true);
    RedisRateLimiter two = limiter(second, List.of(slow), true);

    assertThat(one.tryAcquire("slow", 2)).isZero();
    assertThat(two.tryAcquire("slow")).isZero();

    assertThat(two.tryAcquire("slow")).isBetween(1L, 600_000L);
    assertThat(one.tryAcquire("slow")).isBetween(1L, 600_000L);
  }

  @Test
  void refusesUnknownBucketsAndImpossiblePermitCounts() {
    RedisRateLimiter one = limiter(first, RateBucket.groww(), false);

    assertThatThrownBy(() -> one.tryAcquire("nope")).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("groww.orders");
    assertThatThrownBy(() -> one.tryAcquire("groww.orders", 11)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("1..10");
    assertThatThrownBy(() -> RateBucket.of("dup", RateBucket.Window.perSecond(1), RateBucket.Window.perSecond(2)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("period");
  }
}
