package io.aitrader.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
  private static final long T0 = 1_736_135_100_000L;

  @Test
  void startsFullAndRefillsAtTheRate() {
    TokenBucket bucket = new TokenBucket(RateLimit.of(2, Duration.ofSeconds(1), 2), T0);

    assertThat(bucket.tryTake(T0)).isTrue();
    assertThat(bucket.tryTake(T0)).isTrue();
    assertThat(bucket.tryTake(T0)).isFalse();
    assertThat(bucket.nextTokenMillis(T0)).isEqualTo(T0 + 500);
    assertThat(bucket.tryTake(T0 + 499)).isFalse();
    assertThat(bucket.tryTake(T0 + 500)).isTrue();
    assertThat(bucket.available(T0 + 60_000)).as("capped at the burst").isEqualTo(2);
  }

  @Test
  void aClockGoingBackwardsAddsNothing() {
    TokenBucket bucket = new TokenBucket(RateLimit.of(1, Duration.ofSeconds(1), 1), T0);
    bucket.tryTake(T0);

    assertThat(bucket.available(T0 - 10_000)).isZero();
    assertThat(bucket.available(T0 + 999)).isZero();
    assertThat(bucket.available(T0 + 1_000)).isEqualTo(1);
  }

  @Property
  void neverGivesMoreThanTheBurstPlusTheRateAndAnnouncesTheNextTokenExactly(
      @ForAll @IntRange(min = 1, max = 20) int permits, @ForAll @IntRange(min = 1, max = 5_000) int periodMillis,
      @ForAll @IntRange(min = 1, max = 10) int burst, @ForAll @LongRange(min = 0, max = 50_000) long spanMillis,
      @ForAll @IntRange(min = 1, max = 997) int step) {
    TokenBucket bucket = new TokenBucket(RateLimit.of(permits, Duration.ofMillis(periodMillis), burst), T0);
    long taken = 0;
    long horizon = T0; // the latest time the bucket was asked about: tokens up to it may have been taken
    for (long t = T0; t <= T0 + spanMillis; t += step) {
      while (bucket.tryTake(t)) {
        taken++;
      }
      long next = bucket.nextTokenMillis(t);
      assertThat(next).isGreaterThan(t);
      assertThat(bucket.available(next - 1)).isZero();
      assertThat(bucket.available(next)).isPositive();
      horizon = Math.max(horizon, next);
    }

    long bound = ((long) burst * periodMillis + (horizon - T0) * permits) / periodMillis;
    assertThat(taken).isLessThanOrEqualTo(bound).isGreaterThanOrEqualTo(burst);
  }
}
