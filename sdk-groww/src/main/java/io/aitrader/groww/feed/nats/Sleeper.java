package io.aitrader.groww.feed.nats;

import java.time.Duration;

/**
 * Waits between reconnect attempts. The default is {@link Thread#sleep(long)}; tests inject one that records the
 * delays. Must return early with {@link InterruptedException} when the thread is interrupted (that is how
 * {@link GrowwFeedConnection#close()} stops a wait).
 */
@FunctionalInterface
public interface Sleeper {

  /** The default: {@link Thread#sleep(long)}. */
  Sleeper THREAD_SLEEP = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);

  /** Waits for {@code delay}. */
  void sleep(Duration delay) throws InterruptedException;
}
