package io.aitrader.api.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ValidationException;
import io.aitrader.api.limits.RateBucket.Window;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateBucketTest {

  @Test
  void theGrowwBucketsHaveTheBrokersLimits() {
    assertThat(RateBucket.groww()).extracting(RateBucket::name)
        .containsExactly("groww.orders", "groww.live-data", "groww.non-trading");
    assertThat(RateBucket.GROWW_ORDERS.windows()).containsExactly(Window.perSecond(10), Window.perMinute(250));
    assertThat(RateBucket.GROWW_NON_TRADING.maxPermits()).isEqualTo(20);
    assertThat(RateBucket.ordersPerSecond(8)).isEqualTo(RateBucket.of("orders.ops", Window.perSecond(8)));
  }

  @Test
  void checkPermitsNamesTheRangeTheBucketAndTheBadValue() {
    RateBucket.GROWW_ORDERS.checkPermits(1);
    RateBucket.GROWW_ORDERS.checkPermits(10);

    assertThatThrownBy(() -> RateBucket.GROWW_ORDERS.checkPermits(11)).isInstanceOf(ValidationException.class)
        .hasMessage("RateLimiter.permits must be 1..10 for bucket groww.orders, was 11");
    assertThatThrownBy(() -> RateBucket.GROWW_ORDERS.checkPermits(0)).isInstanceOf(ValidationException.class);
  }

  @Test
  void refusesBadNamesNoWindowsRepeatedPeriodsAndBadWindows() {
    assertThatThrownBy(() -> RateBucket.of("a b", Window.perSecond(1))).isInstanceOf(ValidationException.class)
        .hasMessageContaining("RateBucket.name").hasMessageContaining("'a b'");
    assertThatThrownBy(() -> RateBucket.of("{x}", Window.perSecond(1))).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> RateBucket.of("", Window.perSecond(1))).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> new RateBucket("x", List.of())).isInstanceOf(ValidationException.class)
        .hasMessageContaining("at least one window");
    assertThatThrownBy(() -> RateBucket.of("x", Window.perSecond(1), Window.perSecond(2)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("period");
    assertThatThrownBy(() -> new Window(0, Duration.ofSeconds(1))).isInstanceOf(ValidationException.class)
        .hasMessageContaining("RateBucket.Window.permits");
    assertThatThrownBy(() -> new Window(1, Duration.ofDays(2))).isInstanceOf(ValidationException.class)
        .hasMessageContaining("1 day");
  }

  @Test
  void copiesItsWindows() {
    List<Window> windows = new ArrayList<>(List.of(Window.perSecond(1)));
    RateBucket bucket = new RateBucket("x", windows);

    windows.add(Window.perMinute(5));

    assertThat(bucket.windows()).containsExactly(Window.perSecond(1));
  }
}
