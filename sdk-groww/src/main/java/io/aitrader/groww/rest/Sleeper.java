package io.aitrader.groww.rest;

/**
 * How the client waits (for a rate-limit permit, before a retry). Live code sleeps the thread; tests pass a sleeper
 * that advances a manual clock, so nothing really waits.
 */
@FunctionalInterface
public interface Sleeper {
  /** The sleeper that blocks the calling thread. */
  Sleeper THREAD = Thread::sleep;

  /** Waits {@code millis} milliseconds (> 0). */
  void sleep(long millis) throws InterruptedException;
}
