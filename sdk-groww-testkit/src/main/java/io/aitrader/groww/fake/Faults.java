package io.aitrader.groww.fake;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Fault injection for client tests: each fault is one-shot and applies to the next request whose path starts with
 * the given prefix. Prefixes may use either path family ({@code /v1/order/create} or {@code
 * /v1/api/apex/v1/order/create}); faults are consumed in the order they were added.
 *
 * <pre>{@code
 * fake.faults().failNext("/v1/order/create", 503, "{\"status\":\"FAILURE\",\"error\":{\"code\":\"GA000\"}}");
 * fake.faults().delayNext("/v1/order/create", Duration.ofSeconds(3));   // placed now, answered late
 * fake.faults().malformedNext("/v1/live-data/ltp");                      // truncated JSON
 * fake.faults().malformedNext("/instruments");                           // a broken CSV
 * fake.faults().expireTokens();                                          // next call: 401, re-mint works
 * }</pre>
 *
 * <ul>
 *   <li>{@link #failNext}: the request is answered with the given status and body and has no effect (an order is
 *       not placed).</li>
 *   <li>{@link #delayNext}: the request is processed at once (an order is placed) and the answer is sent after
 *       the delay: the way to test a client timeout followed by a lookup by reference id.</li>
 *   <li>{@link #malformedNext}: the request is processed and the answer body is cut in half (JSON), or replaced by
 *       a CSV whose header is cut (the instrument CSV).</li>
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class Faults {
  private final List<Fault> pending = new ArrayList<>();
  private final Runnable expireTokens;

  Faults(Runnable expireTokens) {
    this.expireTokens = expireTokens;
  }

  /** The next matching request is answered with {@code httpStatus} and {@code body} (sent as JSON) and ignored. */
  public Faults failNext(String pathPrefix, int httpStatus, String body) {
    required(body, "Faults.body");
    check(httpStatus >= 100 && httpStatus <= 599, "Faults.httpStatus", "must be an HTTP status within [100, 599]",
        httpStatus);
    return add(new Fault(Routes.normalize(prefix(pathPrefix)), Kind.FAIL, httpStatus, body, Duration.ZERO));
  }

  /**
   * The next matching request is answered with {@code httpStatus} and a FAILURE envelope carrying {@code code} and
   * {@code message}, and ignored.
   */
  public Faults failNextWithError(String pathPrefix, int httpStatus, String code, String message) {
    return failNext(pathPrefix, httpStatus, Json.write(Json.failure(code, message, com.fasterxml.jackson.databind.node.NullNode.getInstance())));
  }

  /** The next matching request is processed now and answered after {@code delay}. */
  public Faults delayNext(String pathPrefix, Duration delay) {
    required(delay, "Faults.delay");
    check(!delay.isNegative() && delay.compareTo(Duration.ofMinutes(5)) <= 0, "Faults.delay",
        "must be within [0, 5 minutes]", delay);
    return add(new Fault(Routes.normalize(prefix(pathPrefix)), Kind.DELAY, 0, "", delay));
  }

  /** The next matching request is processed and its answer body is malformed (truncated JSON, a broken CSV). */
  public Faults malformedNext(String pathPrefix) {
    return add(new Fault(Routes.normalize(prefix(pathPrefix)), Kind.MALFORMED, 0, "", Duration.ZERO));
  }

  /** Every access token issued so far stops working now: the next authenticated call gets a 401. */
  public Faults expireTokens() {
    expireTokens.run();
    return this;
  }

  /** Drops every pending fault. */
  public synchronized Faults clear() {
    pending.clear();
    return this;
  }

  /** How many faults have not been used yet. */
  public synchronized int pending() {
    return pending.size();
  }

  private synchronized Faults add(Fault f) {
    pending.add(f);
    return this;
  }

  private static String prefix(String p) {
    required(p, "Faults.pathPrefix");
    check(p.startsWith("/"), "Faults.pathPrefix", "must start with '/'", p);
    return p;
  }

  /** Takes every pending fault of each kind that matches {@code normalizedPath} (at most one per kind). */
  synchronized List<Fault> take(String normalizedPath) {
    List<Fault> out = new ArrayList<>(2);
    boolean[] seen = new boolean[Kind.values().length];
    for (Iterator<Fault> it = pending.iterator(); it.hasNext(); ) {
      Fault f = it.next();
      if (normalizedPath.startsWith(f.prefix) && !seen[f.kind.ordinal()]) {
        seen[f.kind.ordinal()] = true;
        out.add(f);
        it.remove();
      }
    }
    return out;
  }

  static Optional<Fault> find(List<Fault> faults, Kind kind) {
    for (Fault f : faults) {
      if (f.kind == kind) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  enum Kind { FAIL, DELAY, MALFORMED }

  record Fault(String prefix, Kind kind, int status, String body, Duration delay) {}
}
