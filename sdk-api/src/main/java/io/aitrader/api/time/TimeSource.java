package io.aitrader.api.time;

import java.time.Instant;

/**
 * The clock, injected into every service. Live runs use the system clock adapter; backtests and replays use a
 * clock driven by event time, so the same inputs give the same decisions bit for bit.
 *
 * <p>Implementations are thread-safe.
 */
@FunctionalInterface
public interface TimeSource {

  /** Now, in epoch milliseconds. */
  long currentTimeMillis();

  default Instant now() {
    return Instant.ofEpochMilli(currentTimeMillis());
  }
}
