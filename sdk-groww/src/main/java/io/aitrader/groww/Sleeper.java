package io.aitrader.groww;

import java.time.Duration;

/**
 * How the Groww adapter waits: for a rate-limit permit or before a retry (the REST client), between reconnect
 * attempts (the live feed). Live code sleeps the thread ({@link #THREAD}); tests pass one that advances a manual
 * clock or records the delays. An implementation must end early with {@link InterruptedException} when the thread is
 * interrupted (that is how the feed's {@code close()} stops a wait).
 */
@FunctionalInterface
public interface Sleeper {
  /** The sleeper that blocks the calling thread ({@link Thread#sleep(long, int)}). */
  Sleeper THREAD = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);

  /** Waits {@code delay}. */
  void sleep(Duration delay) throws InterruptedException;
}
