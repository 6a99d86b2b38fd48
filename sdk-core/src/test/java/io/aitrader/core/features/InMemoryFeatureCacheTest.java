package io.aitrader.core.features;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ValidationException;
import io.aitrader.api.feature.FeatureCache;
import io.aitrader.core.time.ManualTimeSource;
import io.aitrader.testing.feature.FeatureCacheContract;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InMemoryFeatureCacheTest extends FeatureCacheContract {
  private final ManualTimeSource clock = new ManualTimeSource(T0);

  @Override
  protected FeatureCache newCache(Duration ttl) {
    return new InMemoryFeatureCache(ttl, clock);
  }

  /** In one process, readers share the instance. */
  @Override
  protected FeatureCache otherClient(FeatureCache first) {
    return first;
  }

  @Override
  protected void elapse(Duration duration) {
    clock.advance(duration);
  }

  @Test
  void refusesATtlBelowOneMillisecond() {
    assertThatThrownBy(() -> new InMemoryFeatureCache(Duration.ZERO, clock)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("InMemoryFeatureCache.ttl");
  }
}
