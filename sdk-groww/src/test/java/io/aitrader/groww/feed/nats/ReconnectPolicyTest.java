package io.aitrader.groww.feed.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ValidationException;
import java.time.Duration;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ReconnectPolicyTest {

  @Test
  void defaultsDoubleFromTwoSecondsToSixtySeconds() {
    ReconnectPolicy p = ReconnectPolicy.defaults();
    assertThat(p.cap(1)).isEqualTo(Duration.ofSeconds(2));
    assertThat(p.cap(2)).isEqualTo(Duration.ofSeconds(4));
    assertThat(p.cap(3)).isEqualTo(Duration.ofSeconds(8));
    assertThat(p.cap(5)).isEqualTo(Duration.ofSeconds(32));
    assertThat(p.cap(6)).isEqualTo(Duration.ofSeconds(60));
    assertThat(p.cap(1_000)).isEqualTo(Duration.ofSeconds(60));
    assertThat(p.maxAttempts()).isZero();
  }

  @Test
  void fullJitterSpreadsDelaysOverTheWholeRange() {
    ReconnectPolicy p = ReconnectPolicy.defaults();
    SplittableRandom random = new SplittableRandom(7);
    long min = Long.MAX_VALUE;
    long max = 0;
    for (int i = 0; i < 2_000; i++) {
      long d = p.delayBefore(3, random).toMillis();
      min = Math.min(min, d);
      max = Math.max(max, d);
    }
    assertThat(min).isLessThan(400);
    assertThat(max).isGreaterThan(7_600).isLessThanOrEqualTo(8_000);
  }

  @Property
  void delayIsNeverNegativeNorAboveTheCap(
      @ForAll @IntRange(min = 1, max = 10_000) int attempt,
      @ForAll @LongRange(min = 1, max = 120_000) long initialMillis,
      @ForAll @LongRange(min = 0, max = 3_600_000) long extraMillis,
      @ForAll long seed) {
    ReconnectPolicy p =
        new ReconnectPolicy(Duration.ofMillis(initialMillis), Duration.ofMillis(initialMillis + extraMillis), 0);
    Duration cap = p.cap(attempt);
    Duration delay = p.delayBefore(attempt, new SplittableRandom(seed));
    assertThat(delay).isBetween(Duration.ZERO, cap);
    assertThat(cap).isLessThanOrEqualTo(p.maxDelay());
    assertThat(p.cap(attempt + 1)).isGreaterThanOrEqualTo(cap);
  }

  @Test
  void refusesNonsense() {
    assertThatThrownBy(() -> new ReconnectPolicy(Duration.ZERO, Duration.ofSeconds(1), 0))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("ReconnectPolicy.initialDelay must be > 0");
    assertThatThrownBy(() -> new ReconnectPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), 0))
        .hasMessageContaining("ReconnectPolicy.maxDelay must be >= initialDelay");
    assertThatThrownBy(() -> new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), -1))
        .hasMessageContaining("ReconnectPolicy.maxAttempts");
  }

  @Test
  void budgetIsUsedUpAfterMaxAttempts() {
    ReconnectPolicy p = new ReconnectPolicy(Duration.ofMillis(1), Duration.ofMillis(2), 3);
    assertThat(p.exhausted(2)).isFalse();
    assertThat(p.exhausted(3)).isTrue();
    assertThat(ReconnectPolicy.defaults().exhausted(1_000_000)).isFalse();
  }
}
