package io.aitrader.groww.rest;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.limits.RateBucket;
import io.aitrader.api.limits.RateLimiter;
import io.aitrader.api.time.TimeSource;
import io.aitrader.core.limits.InMemoryRateLimiter;
import io.aitrader.core.time.SystemTimeSource;
import io.aitrader.groww.Sleeper;
import io.aitrader.groww.auth.GrowwCredentials;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Settings of a {@link GrowwClient}: credentials, URLs, timeouts, clock, rate limiter, retries.
 *
 * <pre>{@code
 * GrowwClientConfig config = GrowwClientConfig.builder()
 *     .credentials(GrowwCredentials.fromEnvironment())
 *     .requestTimeout(Duration.ofSeconds(10))
 *     .build();                                   // real Groww URLs, system clock, in-memory Groww buckets
 * }</pre>
 *
 * <p>Defaults: base URL {@value #DEFAULT_BASE_URL}, instrument CSV {@value #DEFAULT_INSTRUMENTS_URL}, 10 s per
 * request, 5 s to connect, the system clock, an {@link InMemoryRateLimiter} over {@link RateBucket#groww()}, 3
 * retries of idempotent calls, tokens re-minted 5 minutes before the 06:00 IST expiry, at most 2 minutes of waiting
 * for a rate-limit permit. Immutable and thread-safe.
 */
public final class GrowwClientConfig {
  /** Groww's REST host; paths start with {@code /v1}. */
  public static final String DEFAULT_BASE_URL = "https://api.groww.in";
  /** Groww's instrument master CSV (no authentication). */
  public static final String DEFAULT_INSTRUMENTS_URL = "https://growwapi-assets.groww.in/instruments/instrument.csv";

  private final GrowwCredentials credentials;
  private final URI baseUri;
  private final URI instrumentsUri;
  private final Duration requestTimeout;
  private final Duration connectTimeout;
  private final TimeSource clock;
  private final RateLimiter rateLimiter;
  private final Sleeper sleeper;
  private final int maxRetries;
  private final Duration retryBackoff;
  private final Duration tokenRefreshMargin;
  private final Duration maxRateLimitWait;

  private GrowwClientConfig(Builder b) {
    this.credentials = required(b.credentials, "GrowwClientConfig.credentials");
    this.baseUri = stripSlash(required(b.baseUri, "GrowwClientConfig.baseUri"));
    this.instrumentsUri = required(b.instrumentsUri, "GrowwClientConfig.instrumentsUri");
    this.requestTimeout = positive(b.requestTimeout, "GrowwClientConfig.requestTimeout");
    this.connectTimeout = positive(b.connectTimeout, "GrowwClientConfig.connectTimeout");
    this.clock = required(b.clock, "GrowwClientConfig.clock");
    this.rateLimiter = b.rateLimiter != null ? b.rateLimiter : new InMemoryRateLimiter(RateBucket.groww(), clock);
    for (RateBucket bucket : RateBucket.groww()) {
      check(rateLimiter.bucket(bucket.name()).isPresent(), "GrowwClientConfig.rateLimiter",
          "must know the Groww bucket " + bucket.name() + " (build it over RateBucket.groww())", rateLimiter);
    }
    this.sleeper = required(b.sleeper, "GrowwClientConfig.sleeper");
    check(b.maxRetries >= 0 && b.maxRetries <= 10, "GrowwClientConfig.maxRetries", "must be 0..10", b.maxRetries);
    this.maxRetries = b.maxRetries;
    this.retryBackoff = positive(b.retryBackoff, "GrowwClientConfig.retryBackoff");
    this.tokenRefreshMargin = required(b.tokenRefreshMargin, "GrowwClientConfig.tokenRefreshMargin");
    this.maxRateLimitWait = required(b.maxRateLimitWait, "GrowwClientConfig.maxRateLimitWait");
    check(!maxRateLimitWait.isNegative(), "GrowwClientConfig.maxRateLimitWait", "must not be negative",
        maxRateLimitWait);
  }

  private static Duration positive(@Nullable Duration d, String field) {
    required(d, field);
    check(!d.isNegative() && !d.isZero(), field, "must be > 0", d);
    return d;
  }

  private static URI stripSlash(URI uri) {
    String s = uri.toString();
    return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : uri;
  }

  public static Builder builder() {
    return new Builder();
  }

  public GrowwCredentials credentials() {
    return credentials;
  }

  /** The REST base, e.g. {@code https://api.groww.in} (paths add {@code /v1/...}). */
  public URI baseUri() {
    return baseUri;
  }

  public URI instrumentsUri() {
    return instrumentsUri;
  }

  /** The most one request may take, from sending to the whole answer. */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public TimeSource clock() {
    return clock;
  }

  public RateLimiter rateLimiter() {
    return rateLimiter;
  }

  public Sleeper sleeper() {
    return sleeper;
  }

  /** How often an idempotent call (GET) is retried after a 429, 5xx, GA000/GA003 or timeout. */
  public int maxRetries() {
    return maxRetries;
  }

  /** The first wait before a retry; doubled for each further one. */
  public Duration retryBackoff() {
    return retryBackoff;
  }

  public Duration tokenRefreshMargin() {
    return tokenRefreshMargin;
  }

  /** The longest a call waits for a client-side rate-limit permit before failing with a rate-limit error. */
  public Duration maxRateLimitWait() {
    return maxRateLimitWait;
  }

  @Override
  public String toString() {
    return "GrowwClientConfig[" + baseUri + ", credentials=" + credentials.getClass().getSimpleName()
        + ", timeout=" + requestTimeout + "]";
  }

  /** Builds a {@link GrowwClientConfig}; only the credentials are required. Not thread-safe. */
  public static final class Builder {
    private @Nullable GrowwCredentials credentials;
    private URI baseUri = URI.create(DEFAULT_BASE_URL);
    private URI instrumentsUri = URI.create(DEFAULT_INSTRUMENTS_URL);
    private Duration requestTimeout = Duration.ofSeconds(10);
    private Duration connectTimeout = Duration.ofSeconds(5);
    private TimeSource clock = SystemTimeSource.INSTANCE;
    private @Nullable RateLimiter rateLimiter;
    private Sleeper sleeper = Sleeper.THREAD;
    private int maxRetries = 3;
    private Duration retryBackoff = Duration.ofMillis(500);
    private Duration tokenRefreshMargin = Duration.ofMinutes(5);
    private Duration maxRateLimitWait = Duration.ofMinutes(2);

    private Builder() {}

    public Builder credentials(GrowwCredentials v) { this.credentials = v; return this; }

    public Builder baseUri(URI v) { this.baseUri = v; return this; }

    public Builder baseUrl(String v) { this.baseUri = URI.create(v); return this; }

    public Builder instrumentsUri(URI v) { this.instrumentsUri = v; return this; }

    public Builder instrumentsUrl(String v) { this.instrumentsUri = URI.create(v); return this; }

    public Builder requestTimeout(Duration v) { this.requestTimeout = v; return this; }

    public Builder connectTimeout(Duration v) { this.connectTimeout = v; return this; }

    public Builder clock(TimeSource v) { this.clock = v; return this; }

    /** A limiter holding the three Groww buckets; e.g. the Redis connector's, to share budgets between processes. */
    public Builder rateLimiter(RateLimiter v) { this.rateLimiter = v; return this; }

    public Builder sleeper(Sleeper v) { this.sleeper = v; return this; }

    public Builder maxRetries(int v) { this.maxRetries = v; return this; }

    public Builder retryBackoff(Duration v) { this.retryBackoff = v; return this; }

    public Builder tokenRefreshMargin(Duration v) { this.tokenRefreshMargin = v; return this; }

    public Builder maxRateLimitWait(Duration v) { this.maxRateLimitWait = v; return this; }

    public GrowwClientConfig build() {
      return new GrowwClientConfig(this);
    }
  }
}
