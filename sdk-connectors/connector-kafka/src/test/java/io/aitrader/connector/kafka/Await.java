package io.aitrader.connector.kafka;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition with a deadline (no fixed sleeps). */
final class Await {
  private static final long POLL_NANOS = 5_000_000L;

  private Await() {}

  static void until(Duration timeout, BooleanSupplier condition, Supplier<String> whatFailed) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Not reached within " + timeout + ": " + whatFailed.get());
      }
      LockSupport.parkNanos(POLL_NANOS); // re-check the condition every 5 ms until the deadline
      if (Thread.interrupted()) {
        throw new AssertionError("Interrupted while waiting");
      }
    }
  }
}
