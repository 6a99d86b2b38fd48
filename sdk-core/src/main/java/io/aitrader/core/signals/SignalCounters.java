package io.aitrader.core.signals;

/**
 * Counts of what the service skipped or failed. Written by the service's single thread, readable from any
 * thread (volatile; increments are not atomic, which a single writer does not need).
 */
final class SignalCounters {
  volatile long emitted;
  volatile long rejectedVectors;
  volatile long invalidScores;
  volatile long listenerFailures;

  void emitted() {
    emitted = emitted + 1;
  }

  void rejectedVector() {
    rejectedVectors = rejectedVectors + 1;
  }

  void invalidScore() {
    invalidScores = invalidScores + 1;
  }

  void listenerFailure() {
    listenerFailures = listenerFailures + 1;
  }
}
