package io.aitrader.core.bus;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a deadline, never sleeping a fixed time. */
final class Await {
  static final Duration DEADLINE = Duration.ofSeconds(20);

  private Await() {}

  static void until(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        fail("Timed out after " + DEADLINE + " waiting until " + what);
      }
      Thread.yield();
    }
  }
}
