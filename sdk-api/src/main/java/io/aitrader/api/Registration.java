package io.aitrader.api;

/**
 * A handle on a registered listener (order updates, fills, feature vectors, signals). Closing it stops further
 * calls to the listener; a call already in progress may still complete. Idempotent and thread-safe.
 *
 * <pre>{@code
 * try (Registration r = broker.subscribe(listener)) {
 *   ...
 * }
 * }</pre>
 */
@FunctionalInterface
public interface Registration extends AutoCloseable {

  /** Removes the listener. Never throws. */
  @Override
  void close();
}
