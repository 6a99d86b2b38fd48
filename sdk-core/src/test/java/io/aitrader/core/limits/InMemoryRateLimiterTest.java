package io.aitrader.core.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ValidationException;
import io.aitrader.api.limits.RateBucket;
import io.aitrader.api.limits.RateBucket.Window;
import io.aitrader.api.limits.RateLimiter;
import io.aitrader.api.time.TimeSource;
import io.aitrader.core.time.ManualTimeSource;
import io.aitrader.testing.limits.RateLimiterContract;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InMemoryRateLimiterTest extends RateLimiterContract {

  @Override
  protected RateLimiter newLimiter(List<RateBucket> buckets, TimeSource clock) {
    return new InMemoryRateLimiter(buckets, clock);
  }

  /** In one process, callers share the instance. */
  @Override
  protected RateLimiter otherClient(RateLimiter first, List<RateBucket> buckets, TimeSource clock) {
    return first;
  }

  @Test
  void aClockGoingBackwardsNeverFreesABudgetEarly() {
    AtomicLong now = new AtomicLong(T0);
    RateLimiter limiter = new InMemoryRateLimiter(List.of(RateBucket.ordersPerSecond(2)), now::get);
    limiter.tryAcquire("orders.ops", 2);

    now.set(T0 - 5_000);

    assertThat(limiter.tryAcquire("orders.ops")).as("waits as at T0, where the grants are").isEqualTo(1_000);
    now.set(T0 + 1_000);
    assertThat(limiter.tryAcquire("orders.ops")).isZero();
  }

  @Test
  void refusesAnEmptyOrRepeatedBucketList() {
    ManualTimeSource clock = new ManualTimeSource(T0);

    assertThatThrownBy(() -> new InMemoryRateLimiter(List.of(), clock)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("at least one bucket");
    assertThatThrownBy(() -> new InMemoryRateLimiter(List.of(RateBucket.GROWW_ORDERS, RateBucket.GROWW_ORDERS),
        clock)).isInstanceOf(ValidationException.class).hasMessageContaining("groww.orders");
  }

  @Test
  void aFullRingKeepsCountingExactlyOverManyPeriods() {
    ManualTimeSource clock = new ManualTimeSource(T0);
    RateLimiter limiter = new InMemoryRateLimiter(List.of(RateBucket.of("x", Window.perSecond(3))), clock);
    long granted = 0;

    // one call per 100 ms for a minute: exactly 3 per sliding second are granted, so 3 of every 10 calls
    for (int i = 0; i < 600; i++) {
      if (limiter.tryAcquire("x") == 0) {
        granted++;
      }
      clock.advance(Duration.ofMillis(100));
    }

    assertThat(granted).isEqualTo(180);
  }
}
