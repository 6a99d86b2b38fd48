package io.aitrader.testing.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.NotFoundException;
import io.aitrader.api.RateLimitedException;
import io.aitrader.api.ValidationException;
import io.aitrader.api.limits.RateBucket;
import io.aitrader.api.limits.RateBucket.Window;
import io.aitrader.api.limits.RateLimiter;
import io.aitrader.api.time.TimeSource;
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
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit for {@link RateLimiter}: the embedded limiter in sdk-core and every connector (Redis) extend
 * this class and pass the same tests. It uses the SPI only.
 *
 * <pre>{@code
 * class InMemoryRateLimiterTest extends RateLimiterContract {
 *   protected RateLimiter newLimiter(List<RateBucket> buckets, TimeSource clock) {
 *     return new InMemoryRateLimiter(buckets, clock);
 *   }
 *   protected RateLimiter otherClient(RateLimiter first, List<RateBucket> buckets, TimeSource clock) {
 *     return first;   // in one process, callers share the instance
 *   }
 * }
 * }</pre>
 *
 * <p><b>Time.</b> The kit drives a manual clock, starting at {@link #T0}, and hands it to the limiter, so every wait
 * is checked exactly and no test sleeps. An implementation that normally takes time from its server (Redis) must
 * accept an injected {@link TimeSource} for this.
 *
 * <p><b>Clients.</b> {@link #newLimiter} is called for a fresh limiter with no grants in any bucket (each test may use
 * fresh state: a new instance, a new key prefix); {@link #otherClient} for a second client over the same state, as
 * another process would have. Release clients and data in your own {@code @AfterEach}.
 */
public abstract class RateLimiterContract {
  /** 2025-01-06 09:15 IST, where the kit's clock starts. */
  protected static final long T0 = 1_736_135_100_000L;

  private final AtomicLong now = new AtomicLong(T0);
  private final TimeSource clock = now::get;

  /** A fresh limiter over {@code buckets} with no grants, timed by {@code clock}. */
  protected abstract RateLimiter newLimiter(List<RateBucket> buckets, TimeSource clock);

  /**
   * A second client over the same state as {@code first} (made by {@link #newLimiter} with the same buckets and
   * clock), as another process sees it. An in-process implementation returns {@code first}.
   */
  protected abstract RateLimiter otherClient(RateLimiter first, List<RateBucket> buckets, TimeSource clock);

  /** Sets the kit's clock to {@code T0 + offsetMillis}. */
  protected final void at(long offsetMillis) {
    now.set(T0 + offsetMillis);
  }

  private RateLimiter[] twoClients(List<RateBucket> buckets) {
    RateLimiter first = newLimiter(buckets, clock);
    return new RateLimiter[] {first, otherClient(first, buckets, clock)};
  }

  @Test
  void clientsShareABucketAndARefusedCallLearnsTheWaitUntilTheOldestGrantLeaves() {
    RateLimiter[] c = twoClients(RateBucket.groww());

    // given: six orders through one client, four through the other, all at T0
    for (int i = 0; i < 6; i++) {
      assertThat(c[0].tryAcquire("groww.orders")).as("order %d", i).isZero();
    }
    for (int i = 0; i < 4; i++) {
      assertThat(c[1].tryAcquire("groww.orders")).as("order %d", 6 + i).isZero();
    }

    // then: the eleventh in the same second waits for the first grant to leave the window, in either client
    assertThat(c[0].tryAcquire("groww.orders")).isEqualTo(1_000);
    at(400);
    assertThat(c[1].tryAcquire("groww.orders")).isEqualTo(600);
    assertThat(c[1].tryAcquire("groww.live-data")).as("another bucket is independent").isZero();

    // when the second has passed, the budget is back
    at(1_000);
    assertThat(c[1].tryAcquire("groww.orders")).isZero();
  }

  @Test
  void windowsSlideInsteadOfRestartingOnFixedBoundaries() {
    RateLimiter limiter = newLimiter(List.of(RateBucket.ordersPerSecond(10)), clock);
    at(900);
    for (int i = 0; i < 10; i++) {
      assertThat(limiter.tryAcquire("orders.ops")).isZero();
    }

    at(1_000);
    assertThat(limiter.tryAcquire("orders.ops")).as("a new calendar second is not a new window").isEqualTo(900);
    at(1_899);
    assertThat(limiter.tryAcquire("orders.ops")).isEqualTo(1);
    at(1_900);
    assertThat(limiter.tryAcquire("orders.ops")).isZero();
  }

  @Test
  void theLongerWindowLimitsEvenWhenEveryShortWindowIsWithinItsLimit() {
    RateLimiter[] c = twoClients(RateBucket.groww());

    // given: 10 orders in each of 25 seconds, alternating clients: 250, the per-minute limit
    for (int s = 0; s < 25; s++) {
      at(s * 1_000L);
      for (int i = 0; i < 10; i++) {
        assertThat(c[s % 2].tryAcquire("groww.orders")).as("second %d order %d", s, i).isZero();
      }
    }

    // when: second 25 has a free per-second budget
    at(25_000);

    // then: the minute is spent until the first grants (at T0) are a minute old
    assertThat(c[0].tryAcquire("groww.orders")).isEqualTo(35_000);
    at(59_999);
    assertThat(c[1].tryAcquire("groww.orders")).isEqualTo(1);
    at(60_000);
    assertThat(c[1].tryAcquire("groww.orders")).isZero();
  }

  @Test
  void aCallIsGrantedInEveryWindowOrInNoneSoARefusedCallTakesNothing() {
    RateLimiter limiter = newLimiter(List.of(RateBucket.of("x", Window.perSecond(5), Window.perMinute(6))), clock);

    assertThat(limiter.tryAcquire("x", 5)).isZero();
    assertThat(limiter.tryAcquire("x", 2)).as("the minute allows 1 more, not 2").isEqualTo(60_000);

    at(1_000);
    assertThat(limiter.tryAcquire("x", 1)).as("the refused call left its permit in the per-second window too")
        .isZero();
    assertThat(limiter.tryAcquire("x", 1)).isEqualTo(59_000);
  }

  @Test
  void severalPermitsWaitUntilAsManyGrantsHaveLeft() {
    RateLimiter limiter = newLimiter(List.of(RateBucket.of("x", Window.perSecond(5))), clock);
    for (int i = 0; i < 5; i++) {
      at(i * 100L);
      assertThat(limiter.tryAcquire("x")).isZero();
    }

    at(500);
    // the grants of T0, T0+100 and T0+200 must leave: the last of them at T0+1200
    assertThat(limiter.tryAcquire("x", 3)).isEqualTo(700);
    at(1_199);
    assertThat(limiter.tryAcquire("x", 3)).isEqualTo(1);
    at(1_200);
    assertThat(limiter.tryAcquire("x", 3)).isZero();
    assertThat(limiter.tryAcquire("x")).isEqualTo(100);
  }

  @Test
  void acquireOrThrowCarriesTheWait() {
    RateLimiter limiter = newLimiter(List.of(RateBucket.ordersPerSecond(2)), clock);
    limiter.acquireOrThrow("orders.ops");
    at(300);
    limiter.acquireOrThrow("orders.ops");

    assertThatThrownBy(() -> limiter.acquireOrThrow("orders.ops")).isInstanceOf(RateLimitedException.class)
        .hasMessageContaining("orders.ops")
        .satisfies(e -> assertThat(((RateLimitedException) e).retryAfterMillis()).isEqualTo(700));
  }

  @Test
  void concurrentCallersOfBothClientsNeverGrantMoreThanTheLimit() throws Exception {
    List<RateBucket> buckets = List.of(RateBucket.of("burst", Window.perMinute(50)));
    RateLimiter[] c = twoClients(buckets);
    AtomicInteger granted = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        RateLimiter l = c[t % 2];
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
  void resetForgetsEveryGrantOfTheBucketForAllClients() {
    RateLimiter[] c = twoClients(List.of(RateBucket.ordersPerSecond(2), RateBucket.of("other", Window.perSecond(1))));
    c[0].tryAcquire("orders.ops", 2);
    c[0].tryAcquire("other");

    c[1].reset("orders.ops");

    assertThat(c[0].tryAcquire("orders.ops", 2)).isZero();
    assertThat(c[1].tryAcquire("other")).as("other buckets keep their grants").isEqualTo(1_000);
  }

  @Test
  void knowsItsBuckets() {
    RateLimiter limiter = newLimiter(RateBucket.groww(), clock);

    assertThat(limiter.buckets()).containsExactlyElementsOf(RateBucket.groww());
    assertThat(limiter.bucket("groww.live-data")).contains(RateBucket.GROWW_LIVE_DATA);
    assertThat(limiter.bucket("nope")).isEmpty();
  }

  @Test
  void refusesAnUnknownBucketNamingTheKnownOnes() {
    RateLimiter limiter = newLimiter(RateBucket.groww(), clock);

    assertThatThrownBy(() -> limiter.tryAcquire("nope")).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("nope").hasMessageContaining("groww.orders");
    assertThatThrownBy(() -> limiter.reset("nope")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void refusesPermitCountsNoWindowCanEverGrant() {
    RateLimiter limiter = newLimiter(RateBucket.groww(), clock);

    assertThatThrownBy(() -> limiter.tryAcquire("groww.orders", 11)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("1..10").hasMessageContaining("groww.orders").hasMessageContaining("11");
    assertThatThrownBy(() -> limiter.tryAcquire("groww.orders", 0)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("1..10");
    assertThat(limiter.tryAcquire("groww.orders", 10)).as("the refusals took nothing").isZero();
  }

  @Test
  void aLongWindowKeepsItsGrantsForItsWholePeriod() {
    RateLimiter limiter = newLimiter(List.of(RateBucket.of("slow", new Window(3, Duration.ofMinutes(10)))), clock);
    assertThat(limiter.tryAcquire("slow", 3)).isZero();

    at(Duration.ofMinutes(9).toMillis());
    assertThat(limiter.tryAcquire("slow")).isEqualTo(Duration.ofMinutes(1).toMillis());
    at(Duration.ofMinutes(10).toMillis());
    assertThat(limiter.tryAcquire("slow", 3)).isZero();
  }
}
