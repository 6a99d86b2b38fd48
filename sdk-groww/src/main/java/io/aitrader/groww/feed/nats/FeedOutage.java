package io.aitrader.groww.feed.nats;

import io.aitrader.api.ValidationException;
import java.time.Duration;
import java.time.Instant;

/**
 * One interruption of the live feed: from the moment the connection was seen lost to the moment the new
 * connection had resubscribed everything. Messages published in {@code [start, end)} were not received: a
 * backfill (REST LTP, candles) should cover that window. Immutable.
 *
 * @param start when the connection was seen lost
 * @param end when the new connection was subscribed again
 * @param attempts how many connection attempts it took (1 = the first one succeeded)
 * @param reason why the connection was lost (a short, secret-free description)
 */
public record FeedOutage(Instant start, Instant end, int attempts, String reason) {

  /** Validates the window and the attempt count. */
  public FeedOutage {
    ValidationException.required(start, "FeedOutage.start");
    ValidationException.required(end, "FeedOutage.end");
    ValidationException.check(!end.isBefore(start), "FeedOutage.end", "must not be before start " + start, end);
    ValidationException.check(attempts >= 1, "FeedOutage.attempts", "must be >= 1", attempts);
    ValidationException.required(reason, "FeedOutage.reason");
  }

  /** How long the feed was down. */
  public Duration duration() {
    return Duration.between(start, end);
  }
}
