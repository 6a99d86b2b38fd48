package io.aitrader.api.limits;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.ValidationException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A named rate-limit budget: calls that share it are limited by one or more sliding windows that must all allow a
 * call (e.g. 10 per second <em>and</em> 250 per minute). The Groww API buckets and the orders-per-second throttle are
 * predefined.
 *
 * <pre>{@code
 * RateBucket orders = RateBucket.GROWW_ORDERS;                                   // 10/s and 250/min
 * RateBucket mine = RateBucket.of("reports", Window.perSecond(2), Window.perMinute(30));
 * RateLimiter limits = new InMemoryRateLimiter(List.of(orders, mine), clock);     // or redis.rateLimiter(...)
 * }</pre>
 *
 * <p>A window is <em>sliding</em>: at most {@link Window#permits()} grants in any span of {@link Window#period()},
 * wherever it starts, so no fixed window the broker may count in ever sees more than the limit.
 *
 * <p>Rules: the name is 1 to 200 characters among letters, digits and {@code . _ - : /}; at least one window, no two
 * with the same period. Immutable and thread-safe.
 *
 * @param name    the bucket's name; limiters that share state (one process, or one Redis server and key prefix)
 *                share the budget of a name
 * @param windows the limits, each a count per sliding period
 */
public record RateBucket(String name, List<Window> windows) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._:/-]{1,200}");

  /** Groww's Orders bucket (create, modify, cancel): 10 per second and 250 per minute. */
  public static final RateBucket GROWW_ORDERS = of("groww.orders", Window.perSecond(10), Window.perMinute(250));
  /** Groww's Live Data bucket (quote, LTP, OHLC): 10 per second and 300 per minute. */
  public static final RateBucket GROWW_LIVE_DATA = of("groww.live-data", Window.perSecond(10), Window.perMinute(300));
  /** Groww's Non Trading bucket (order status and lists, positions, holdings, margin): 20/s and 500/min. */
  public static final RateBucket GROWW_NON_TRADING =
      of("groww.non-trading", Window.perSecond(20), Window.perMinute(500));

  /** Validates the name and windows; see the type's rules. */
  public RateBucket {
    required(name, "RateBucket.name");
    check(NAME.matcher(name).matches(), "RateBucket.name",
        "must be 1 to 200 letters, digits or . _ - : /", "'" + name + "'");
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
    required(windows, "RateBucket.windows");
    return new RateBucket(name, List.of(windows));
  }

  /**
   * An orders-per-second throttle (SEBI's cap on algorithmic orders per second, or a stricter one of your own),
   * named {@code orders.ops}: {@code ordersPerSecond} per sliding second.
   */
  public static RateBucket ordersPerSecond(int ordersPerSecond) {
    return of("orders.ops", Window.perSecond(ordersPerSecond));
  }

  /** The three Groww buckets: {@link #GROWW_ORDERS}, {@link #GROWW_LIVE_DATA}, {@link #GROWW_NON_TRADING}. */
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
   * Fails unless {@code permits} is between 1 and {@link #maxPermits()}: a limiter's check of a call, with the
   * message {@code "RateLimiter.permits must be 1..10 for bucket groww.orders, was 11"}. Allocates nothing when valid.
   */
  public void checkPermits(int permits) {
    int max = maxPermits();
    if (permits < 1 || permits > max) {
      throw new ValidationException("RateLimiter.permits",
          "RateLimiter.permits must be 1.." + max + " for bucket " + name + ", was " + permits);
    }
  }

  /**
   * At most {@code permits} grants in any sliding {@code period}.
   *
   * @param permits how many grants, at least 1
   * @param period  the window length, at least 1 ms and at most 1 day
   */
  public record Window(int permits, Duration period) {
    private static final Duration MAX_PERIOD = Duration.ofDays(1);

    /** Validates both; see the parameters. */
    public Window {
      check(permits >= 1, "RateBucket.Window.permits", "must be >= 1", permits);
      required(period, "RateBucket.Window.period");
      check(period.toMillis() >= 1 && period.compareTo(MAX_PERIOD) <= 0, "RateBucket.Window.period",
          "must be between 1 ms and 1 day", period);
    }

    /** {@code permits} per sliding second. */
    public static Window perSecond(int permits) {
      return new Window(permits, Duration.ofSeconds(1));
    }

    /** {@code permits} per sliding minute. */
    public static Window perMinute(int permits) {
      return new Window(permits, Duration.ofMinutes(1));
    }
  }
}
