package io.aitrader.core.time;

import io.aitrader.api.time.TimeSource;

/**
 * The wall clock, for live runs: {@link System#currentTimeMillis()}. This is the one class in the SDK allowed to
 * read the wall clock; everything else takes an injected {@link TimeSource}. Not monotonic (it follows the system
 * clock, including NTP corrections).
 *
 * <pre>{@code
 * TimeSource clock = SystemTimeSource.INSTANCE;
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class SystemTimeSource implements TimeSource {
  /** The one instance. */
  public static final SystemTimeSource INSTANCE = new SystemTimeSource();

  private SystemTimeSource() {}

  @Override
  public long currentTimeMillis() {
    return System.currentTimeMillis();
  }

  @Override
  public String toString() {
    return "SystemTimeSource";
  }
}
