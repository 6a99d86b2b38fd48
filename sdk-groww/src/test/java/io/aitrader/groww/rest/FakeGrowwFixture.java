package io.aitrader.groww.rest;

import io.aitrader.api.Secret;
import io.aitrader.api.limits.RateBucket;
import io.aitrader.api.limits.RateLimiter;
import io.aitrader.core.limits.InMemoryRateLimiter;
import io.aitrader.core.time.ManualTimeSource;
import io.aitrader.groww.auth.GrowwCredentials;
import io.aitrader.groww.fake.FakeGroww;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One {@link FakeGroww} for a test class, and clients configured against it: the fake's base and CSV URLs, its
 * default credentials, a short timeout, and the fake's own clock, which the clients' sleeper advances (so back-off
 * and rate-limit waits take no real time and the fake sees them happen).
 *
 * <pre>{@code
 * static FakeGrowwFixture groww;
 * @BeforeAll static void start() { groww = FakeGrowwFixture.start(b -> b.rateLimits(false)); }
 * @AfterAll static void stop() { groww.close(); }
 * }</pre>
 */
public final class FakeGrowwFixture implements AutoCloseable {
  /** The client's timeout: short, so timeout tests wait little, yet far above a loopback answer. */
  public static final Duration TIMEOUT = Duration.ofMillis(1500);
  /** A delay well beyond {@link #TIMEOUT}. */
  public static final Duration BEYOND_TIMEOUT = Duration.ofMillis(3500);

  public final ManualTimeSource clock = new ManualTimeSource(FakeGroww.DEFAULT_START_MILLIS);
  public final FakeGroww fake;
  /** Every wait the clients asked for (back-off, Retry-After, client-side rate limits), in milliseconds. */
  public final List<Long> sleeps = new CopyOnWriteArrayList<>();

  private FakeGrowwFixture(Consumer<FakeGroww.Builder> customize) {
    FakeGroww.Builder b = FakeGroww.builder().clock(clock).seed(7);
    customize.accept(b);
    this.fake = b.build().start();
  }

  /** Starts a fake built with the fixture's clock and seed 7, then {@code customize}. */
  public static FakeGrowwFixture start(Consumer<FakeGroww.Builder> customize) {
    return new FakeGrowwFixture(customize);
  }

  /** The fake's API key with its TOTP secret. */
  public static GrowwCredentials totp() {
    return new GrowwCredentials.ApiKeyTotp(Secret.of("GROWW_API_KEY", FakeGroww.DEFAULT_API_KEY),
        Secret.of("GROWW_TOTP_SECRET", FakeGroww.DEFAULT_TOTP_SECRET));
  }

  /** The fake's API key with its API secret (approval flow). */
  public static GrowwCredentials approval() {
    return new GrowwCredentials.ApiKeySecret(Secret.of("GROWW_API_KEY", FakeGroww.DEFAULT_API_KEY),
        Secret.of("GROWW_API_SECRET", FakeGroww.DEFAULT_API_SECRET));
  }

  /** A pre-generated access token the fake issued now. */
  public GrowwCredentials accessToken() {
    return new GrowwCredentials.AccessToken(Secret.of("GROWW_ACCESS_TOKEN", fake.issueAccessToken()));
  }

  /** A config against the fake: its URLs and clock, the sleeper advancing that clock, a short timeout. */
  public GrowwClientConfig.Builder config(GrowwCredentials credentials) {
    return GrowwClientConfig.builder().credentials(credentials).baseUri(fake.baseUrl())
        .instrumentsUri(fake.csvUrl()).clock(clock).requestTimeout(TIMEOUT).connectTimeout(TIMEOUT)
        .sleeper(d -> {
          sleeps.add(d.toMillis());
          clock.advance(d);
        });
  }

  /** A TOTP client with the default settings otherwise. */
  public GrowwClient client() {
    return GrowwClient.create(config(totp()).build());
  }

  /** A client limiter with the Groww bucket names but {@code factor} times the permits: effectively off. */
  public RateLimiter generousLimiter(int factor) {
    List<RateBucket> buckets = RateBucket.groww().stream().map(b -> RateBucket.of(b.name(),
        b.windows().stream().map(w -> new RateBucket.Window(w.permits() * factor, w.period()))
            .toArray(RateBucket.Window[]::new))).toList();
    return new InMemoryRateLimiter(buckets, clock);
  }

  /** Drops pending faults and the request log (between tests sharing the fake). */
  public void reset() {
    fake.faults().clear();
    fake.clearRequests();
    sleeps.clear();
  }

  @Override
  public void close() {
    fake.close();
  }
}
