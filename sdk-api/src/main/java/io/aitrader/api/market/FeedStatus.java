package io.aitrader.api.market;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.requireText;
import static io.aitrader.api.ValidationException.required;

/**
 * A market-data feed lost or regained its connection: published on {@link io.aitrader.api.bus.Topics#feedStatus()}
 * by feed adapters (the notification service alerts on it, the audit service records it).
 *
 * <pre>{@code
 * bus.publish(Topics.feedStatus(), FeedStatus.disconnected("groww", clock.currentTimeMillis(), "socket closed by peer"));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param feed            which feed, e.g. {@code groww}
 * @param connected       true when it (re)connected, false when it lost the connection
 * @param timestampMillis when, epoch milliseconds
 * @param detail          why or how (the error, the attempt number, the gap backfilled); may be empty
 */
public record FeedStatus(String feed, boolean connected, long timestampMillis, String detail) {

  /** Validates every component. */
  public FeedStatus {
    requireText(feed, "FeedStatus.feed");
    check(timestampMillis > 0, "FeedStatus.timestampMillis", "must be > 0", timestampMillis);
    required(detail, "FeedStatus.detail");
  }

  /** {@code feed} lost its connection. */
  public static FeedStatus disconnected(String feed, long timestampMillis, String detail) {
    return new FeedStatus(feed, false, timestampMillis, detail);
  }

  /** {@code feed} is connected (again). */
  public static FeedStatus connected(String feed, long timestampMillis, String detail) {
    return new FeedStatus(feed, true, timestampMillis, detail);
  }
}
