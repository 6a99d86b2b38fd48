package io.aitrader.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SystemTimeSourceTest {

  @Test
  void readsTheWallClock() {
    long before = System.currentTimeMillis();

    long now = SystemTimeSource.INSTANCE.currentTimeMillis();

    assertThat(now).isBetween(before, System.currentTimeMillis());
  }
}
