package io.aitrader.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ManualTimeSourceTest {

  @Test
  void showsTheTimeItWasSetTo() {
    ManualTimeSource clock = new ManualTimeSource(1_000L);

    clock.set(5_000L);

    assertThat(clock.currentTimeMillis()).isEqualTo(5_000L);
    assertThat(clock.now()).isEqualTo(Instant.ofEpochMilli(5_000L));
  }

  @Test
  void advancesByADuration() {
    ManualTimeSource clock = ManualTimeSource.startingAt(Instant.ofEpochMilli(1_000L));

    long now = clock.advance(Duration.ofSeconds(2));

    assertThat(now).isEqualTo(3_000L);
    assertThat(clock.currentTimeMillis()).isEqualTo(3_000L);
  }

  @Test
  void allowsSettingTheSameTimeAgain() {
    ManualTimeSource clock = new ManualTimeSource(1_000L);

    clock.set(1_000L);

    assertThat(clock.currentTimeMillis()).isEqualTo(1_000L);
  }

  @Test
  void refusesToMoveBackwardsAndKeepsTheTime() {
    ManualTimeSource clock = new ManualTimeSource(5_000L);

    assertThatThrownBy(() -> clock.set(4_999L))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("must not move backwards")
        .hasMessageContaining("now 5000")
        .hasMessageContaining("was set to 4999");
    assertThat(clock.currentTimeMillis()).isEqualTo(5_000L);
  }

  @Test
  void refusesANegativeAdvance() {
    ManualTimeSource clock = new ManualTimeSource(5_000L);

    assertThatThrownBy(() -> clock.advance(Duration.ofMillis(-1)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("ManualTimeSource.advance must not be negative");
    assertThat(clock.currentTimeMillis()).isEqualTo(5_000L);
  }

  @Test
  void concurrentAdvancesAreAllCounted() throws Exception {
    ManualTimeSource clock = new ManualTimeSource(0L);
    int threads = 4;
    int perThread = 10_000;
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Thread w = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        for (int j = 0; j < perThread; j++) {
          clock.advance(Duration.ofMillis(1));
        }
      });
      w.start();
      workers.add(w);
    }

    start.countDown();
    for (Thread w : workers) {
      w.join(10_000L);
    }

    assertThat(clock.currentTimeMillis()).isEqualTo((long) threads * perThread);
  }
}
