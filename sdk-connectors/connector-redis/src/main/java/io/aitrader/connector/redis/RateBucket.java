package io.aitrader.connector.redis;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import java.time.Duration;
import java.util.List;

/**
 * A named rate-limit bucket: calls that share a budget, limited by one or more sliding windows that must all allow a
 * call (e.g. 10 per second <em>and</em> 250 per minute). The Groww API buckets and the orders-per-second throttle
 * are predefined.
 *
 * <pre>{@code
 * RateBucket orders = RateBucket.GROWW_ORDERS;                       // 10/s and 250/min
 * RateBucket mine = RateBucket.of("reports", Window.perSecond(2), Window.perMinute(30));
 * }</pre>
 *
 * <p>Rules: name non-blank without braces or spaces; at least one window, no two with the same period.
 * Immutable and thread-safe.
 *
 * @param name    the bucket's name; every limiter on the same Redis and key prefix with this name shares it
 * @param windows the limits, each a count per sliding period
 */
public record RateBucket(String name, List<Window> windows) {

  /** Groww's Orders bucket (create, modify, cancel): 10 per second and 250 per minute. */
  public static final RateBucket GROWW_ORDERS = of("groww.orders", Window.perSecond(10), Window.perMinute(250));
  /** Groww's Live Data bucket (quote, LTP, OHLC): 10 per second and 300 per minute. */
  public static final RateBucket GROWW_LIVE_DATA = of("groww.live-data", Window.perSecond(10), Window.perMinute(300));
  /** Groww's Non Trading bucket (order status and lists, positions, holdings, margin): 20/s and 500/min. */
  public static final RateBucket GROWW_NON_TRADING =
      of("groww.non-trading", Window.perSecond(20), Window.perMinute(500));

  /** Validates the name and windows; see the type's rules. */
  public RateBucket {
    RedisConnector.checkName(name, "RateBucket.name");
    required(windows, "RateBucket.windows");
    windows = List.copyOf(windows);
    check(!windows.isEmpty(), "RateBucket.windows", "must hold at least one window", windows);
    for (int i = 0; i < windows.size(); i++) {
      for (int j = i + 1; j < windows.size(); j++) {
        check(!windows.get(i).period().equals(windows.get(j).period()), "RateBucket.windows",
            "must not repeat a period", windows.get(i).period());
      }
    }
  }

  /** A bucket named {@code name} limited by every one of {@code windows}. */
  public static RateBucket of(String name, Window... windows) {
    return new RateBucket(name, List.of(windows));
  }

  /**
   * An orders-per-second throttle (SEBI's cap on algorithmic orders per second, or a stricter one of your own),
   * named {@code orders.ops}: {@code ordersPerSecond} per sliding second.
   */
  public static RateBucket ordersPerSecond(int ordersPerSecond) {
    return of("orders.ops", Window.perSecond(ordersPerSecond));
  }

  /** The three Groww buckets. */
  public static List<RateBucket> groww() {
    return List.of(GROWW_ORDERS, GROWW_LIVE_DATA, GROWW_NON_TRADING);
  }

  /** The smallest number of permits among the windows: the most one call may ask for. */
  public int maxPermits() {
    int min = Integer.MAX_VALUE;
    for (Window w : windows) {
      min = Math.min(min, w.permits());
    }
    return min;
  }

  /**
   * At most {@code permits} calls in any sliding {@code period}.
   *
   * @param permits how many calls, at least 1
   * @param period  the window length, at least 1 ms
   */
  public record Window(int permits, Duration period) {
    /** Validates both; see the parameters. */
    public Window {
      check(permits >= 1, "RateBucket.Window.permits", "must be >= 1", permits);
      required(period, "RateBucket.Window.period");
      check(period.toMillis() >= 1, "RateBucket.Window.period", "must be at least 1 ms", period);
    }

    public static Window perSecond(int permits) {
      return new Window(permits, Duration.ofSeconds(1));
    }

    public static Window perMinute(int permits) {
      return new Window(permits, Duration.ofMinutes(1));
    }
  }
}
