package io.aitrader.api.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ValidationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BarIntervalTest {

  @Test
  void parsesLabelGrowwNameAndEnumName() {
    assertThat(BarInterval.parse("5m")).isEqualTo(BarInterval.M5);
    assertThat(BarInterval.parse("5minute")).isEqualTo(BarInterval.M5);
    assertThat(BarInterval.parse("M5")).isEqualTo(BarInterval.M5);
    assertThat(BarInterval.parse(" 1hour ")).isEqualTo(BarInterval.H1);
    assertThat(BarInterval.parse("d1")).isEqualTo(BarInterval.D1);
  }

  @Test
  void rejectsAnUnknownIntervalListingTheValidOnes() {
    assertThatThrownBy(() -> BarInterval.parse("7m"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("interval must be one of 1m, 2m, 3m, 5m, 10m, 15m, 30m, 1h, 1d, was '7m'");
  }

  @Test
  void knowsItsLengthAndNames() {
    assertThat(BarInterval.M15.duration()).isEqualTo(Duration.ofMinutes(15));
    assertThat(BarInterval.H1.millis()).isEqualTo(3_600_000L);
    assertThat(BarInterval.M5.growwName()).isEqualTo("5minute");
    assertThat(BarInterval.M5).hasToString("5m");
    assertThat(BarInterval.D1.isDaily()).isTrue();
    assertThat(BarInterval.M1.isDaily()).isFalse();
  }
}
