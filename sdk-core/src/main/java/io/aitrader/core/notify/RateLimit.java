package io.aitrader.core.notify;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import java.time.Duration;

/**
 * How many messages a channel may send: a token bucket that refills {@code permits} tokens per {@code period} and
 * holds at most {@code burst}. Each message sent — a single notification or a digest — takes one token; when the
 * bucket is empty, notifications for the channel wait and go out together as one digest when the next token comes.
 *
 * <pre>{@code
 * RateLimit slack = RateLimit.of(1, Duration.ofSeconds(1), 3);   // 1 per second, bursts of 3
 * }</pre>
 *
 * <p>Immutable. Rules: permits {@code >= 1}; period at least 1 ms and at most 1 day; burst {@code >= 1}.
 *
 * @param permits how many tokens are added per period
 * @param period  the refill period
 * @param burst   the bucket's capacity: how many messages may go out at once after a quiet spell
 */
public record RateLimit(int permits, Duration period, int burst) {
  private static final Duration MAX_PERIOD = Duration.ofDays(1);

  /** Validates every component; see the type's rules. */
  public RateLimit {
    check(permits >= 1, "RateLimit.permits", "must be >= 1", permits);
    required(period, "RateLimit.period");
    check(period.toMillis() >= 1 && period.compareTo(MAX_PERIOD) <= 0, "RateLimit.period",
        "must be between 1 ms and 1 day", period);
    check(burst >= 1 && burst <= 1_000_000, "RateLimit.burst", "must be between 1 and 1000000", burst);
  }

  /** {@code permits} per {@code period}, with bursts of {@code burst}. */
  public static RateLimit of(int permits, Duration period, int burst) {
    return new RateLimit(permits, period, burst);
  }

  /** {@code permits} per second, with bursts of as many. */
  public static RateLimit perSecond(int permits) {
    return new RateLimit(permits, Duration.ofSeconds(1), permits);
  }
}
