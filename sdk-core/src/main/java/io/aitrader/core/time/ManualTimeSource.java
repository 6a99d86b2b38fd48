package io.aitrader.core.time;

import io.aitrader.api.ValidationException;
import io.aitrader.api.time.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that a replay, backtest or test drives: it shows the time last {@link #set(long) set} or
 * {@link #advance(Duration) advanced} to, and never moves backwards.
 *
 * <pre>{@code
 * ManualTimeSource clock = new ManualTimeSource(Ist.toEpochMillis(LocalDate.parse("2025-01-06"), LocalTime.of(9, 15)));
 * clock.set(tick.timestampMillis());          // event time drives the clock
 * clock.advance(Duration.ofMinutes(1));
 * }</pre>
 *
 * <p>Thread-safe: one atomic value; readers see every update at once. Setting the current time again is allowed;
 * setting an earlier time fails with a {@link ValidationException} and leaves the clock unchanged. Updates
 * allocate nothing.
 */
public final class ManualTimeSource implements TimeSource {
  private final AtomicLong nowMillis;

  /** A clock showing {@code startMillis} (epoch milliseconds). */
  public ManualTimeSource(long startMillis) {
    this.nowMillis = new AtomicLong(startMillis);
  }

  /** A clock showing {@code start}. */
  public static ManualTimeSource startingAt(Instant start) {
    ValidationException.required(start, "ManualTimeSource.start");
    return new ManualTimeSource(start.toEpochMilli());
  }

  @Override
  public long currentTimeMillis() {
    return nowMillis.get();
  }

  /**
   * Moves the clock to {@code epochMillis}.
   *
   * @throws ValidationException when {@code epochMillis} is before the current time
   */
  public void set(long epochMillis) {
    long current;
    do {
      current = nowMillis.get();
      if (epochMillis < current) {
        throw new ValidationException("ManualTimeSource.time",
            "ManualTimeSource.time must not move backwards: now " + current + " (" + Instant.ofEpochMilli(current)
                + "), was set to " + epochMillis + " (" + Instant.ofEpochMilli(epochMillis) + ")");
      }
    } while (!nowMillis.compareAndSet(current, epochMillis));
  }

  /**
   * Moves the clock forward by {@code duration} and returns the new time in epoch milliseconds.
   *
   * @throws ValidationException when {@code duration} is negative
   * @throws ArithmeticException when the new time overflows a {@code long}
   */
  public long advance(Duration duration) {
    ValidationException.required(duration, "ManualTimeSource.advance");
    ValidationException.check(!duration.isNegative(), "ManualTimeSource.advance", "must not be negative", duration);
    long delta = duration.toMillis();
    long current;
    long next;
    do {
      current = nowMillis.get();
      next = Math.addExact(current, delta);
    } while (!nowMillis.compareAndSet(current, next));
    return next;
  }

  @Override
  public String toString() {
    return "ManualTimeSource[" + Instant.ofEpochMilli(nowMillis.get()) + "]";
  }
}
