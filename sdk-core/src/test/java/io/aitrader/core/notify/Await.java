package io.aitrader.core.notify;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a deadline, never sleeping a fixed time; on timeout, shows the notify workers. */
final class Await {
  static final Duration DEADLINE = Duration.ofSeconds(20);

  private Await() {}

  static void until(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        fail("Timed out after " + DEADLINE + " waiting until " + what + "\n" + workers());
      }
      Thread.yield();
    }
  }

  private static String workers() {
    StringBuilder dump = new StringBuilder();
    Thread.getAllStackTraces().forEach((thread, stack) -> {
      if (thread.getName().startsWith("aitrader-notify")) {
        dump.append(thread).append(' ').append(thread.getState()).append('\n');
        for (StackTraceElement e : stack) {
          dump.append("    at ").append(e).append('\n');
        }
      }
    });
    return dump.toString();
  }
}
