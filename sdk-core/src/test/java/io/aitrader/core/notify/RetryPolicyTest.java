package io.aitrader.core.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ValidationException;
import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final RetryPolicy noJitter = RetryPolicy.builder().initialDelay(Duration.ofSeconds(1)).multiplier(2)
      .maxDelay(Duration.ofSeconds(10)).maxAttempts(5).jitter(0).build();

  @Test
  void delaysGrowExponentiallyUpToTheMaximum() {
    assertThat(noJitter.delayMillis(1, 0.5)).isEqualTo(1_000);
    assertThat(noJitter.delayMillis(2, 0.5)).isEqualTo(2_000);
    assertThat(noJitter.delayMillis(3, 0.5)).isEqualTo(4_000);
    assertThat(noJitter.delayMillis(4, 0.5)).isEqualTo(8_000);
    assertThat(noJitter.delayMillis(5, 0.5)).isEqualTo(10_000);
    assertThat(noJitter.delayMillis(60, 0.9)).isEqualTo(10_000);
  }

  @Test
  void jitterSpreadsTheDelayBothWays() {
    RetryPolicy jittered = noJitter.toBuilder().jitter(0.2).build();

    assertThat(jittered.delayMillis(2, 0.0)).isEqualTo(1_600);
    assertThat(jittered.delayMillis(2, 0.5)).isEqualTo(2_000);
    assertThat(jittered.delayMillis(2, 0.999_999)).isEqualTo(2_400);
  }

  @Test
  void allowsRetriesUntilTheLastAttempt() {
    assertThat(noJitter.allowsRetryAfter(4)).isTrue();
    assertThat(noJitter.allowsRetryAfter(5)).isFalse();
    assertThat(noJitter.toBuilder().maxAttempts(1).build().allowsRetryAfter(1)).isFalse();
  }

  @Test
  void rejectsBadSettingsNamingThem() {
    assertThatThrownBy(() -> RetryPolicy.builder().multiplier(0.5).build()).isInstanceOf(ValidationException.class)
        .hasMessage("RetryPolicy.multiplier must be a finite number >= 1, was 0.5");
    assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0).build())
        .hasMessage("RetryPolicy.maxAttempts must be >= 1, was 0");
    assertThatThrownBy(() -> RetryPolicy.builder().jitter(1.5).build())
        .hasMessage("RetryPolicy.jitter must be between 0 and 1, was 1.5");
    assertThatThrownBy(() -> RetryPolicy.builder().initialDelay(Duration.ofMinutes(10)).build())
        .hasMessageContaining("RetryPolicy.maxDelay must be >= initialDelay PT10M");
    assertThatThrownBy(() -> noJitter.delayMillis(0, 0.5)).hasMessageContaining("failedAttempts");
  }

  @Property
  void aDelayStaysWithinTheJitterBandAndTheMaximum(@ForAll @IntRange(min = 1, max = 80) int failed,
      @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double random,
      @ForAll @DoubleRange(min = 0, max = 1) double jitter) {
    RetryPolicy policy = RetryPolicy.builder().initialDelay(Duration.ofMillis(250)).multiplier(1.7)
        .maxDelay(Duration.ofMinutes(2)).jitter(jitter).build();
    double base = Math.min(120_000, 250 * Math.pow(1.7, failed - 1));

    long delay = policy.delayMillis(failed, random);

    assertThat(delay).isBetween((long) Math.floor(base * (1 - jitter)), 120_000L);
    assertThat((double) delay).isLessThanOrEqualTo(Math.ceil(base * (1 + jitter)));
  }
}
