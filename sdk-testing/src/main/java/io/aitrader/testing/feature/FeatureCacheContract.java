package io.aitrader.testing.feature;

import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.feature.FeatureCache;
import io.aitrader.api.feature.FeatureVector;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentType;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.money.Price;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit for {@link FeatureCache}: the embedded cache in sdk-core and every connector (Redis) extend
 * this class and pass the same tests. It uses the SPI only.
 *
 * <pre>{@code
 * class InMemoryFeatureCacheTest extends FeatureCacheContract {
 *   private final ManualTimeSource clock = new ManualTimeSource(T0);
 *   protected FeatureCache newCache(Duration ttl) { return new InMemoryFeatureCache(ttl, clock); }
 *   protected FeatureCache otherClient(FeatureCache first) { return first; }
 *   protected void elapse(Duration d) { clock.advance(d); }
 * }
 * }</pre>
 *
 * <p><b>Clients.</b> {@link #newCache(Duration)} is called once per test for a first client over fresh, empty data;
 * {@link #otherClient(FeatureCache)} for a second client over the same data as another process — the writer and a
 * reader. An in-process cache returns {@code first}. Release clients and data in your own {@code @AfterEach}.
 *
 * <p><b>Time.</b> TTLs run on the implementation's clock. {@link #elapse(Duration)} lets at least that much time pass
 * on it: an implementation on a manual clock advances it (no test waits in real time); one on a server clock (Redis)
 * does nothing, and the expiry case uses a short TTL ({@link #SHORT_TTL}) and then waits for the entry to go, with a
 * deadline.
 */
public abstract class FeatureCacheContract {
  /** 2025-01-06 09:15 IST: the bar times of the kit's vectors, and a start for a manual clock. */
  protected static final long T0 = 1_736_135_100_000L;
  /** The TTL of the expiry case: short, so a server clock passes it quickly. */
  protected static final Duration SHORT_TTL = Duration.ofMillis(200);
  private static final Duration TTL = Duration.ofMinutes(10);
  private static final List<String> NAMES = List.of("rsi(14)", "ema(20)/ema(50)", "macd(12,26,9)", "ret_1");

  /** NSE RELIANCE, the kit's instrument. */
  protected static final Instrument RELIANCE = instrument("RELIANCE", "2885");
  private static final Instrument TCS = instrument("TCS", "11536");

  /** A first client over fresh, empty data whose entries live {@code ttl}. */
  protected abstract FeatureCache newCache(Duration ttl);

  /** A second client over the same data as {@code first}: another process. */
  protected abstract FeatureCache otherClient(FeatureCache first);

  /** Lets at least {@code duration} pass on the implementation's TTL clock (see the type's notes). */
  protected abstract void elapse(Duration duration);

  private static Instrument instrument(String symbol, String token) {
    return Instrument.builder().exchange(Exchange.NSE).segment(Segment.CASH).type(InstrumentType.EQ)
        .tradingSymbol(symbol).exchangeToken(token).growwSymbol("NSE-" + symbol).name(symbol)
        .tickSize(Price.of("0.05")).build();
  }

  private static FeatureVector vector(Instrument instrument, BarInterval interval, long t, double... values) {
    return FeatureVector.of(instrument, interval, t, NAMES, values);
  }

  private static FeatureVector vector(long t, double... values) {
    return vector(RELIANCE, BarInterval.M5, t, values);
  }

  @Test
  void anotherClientReadsTheLatestVectorBackExactly() {
    FeatureCache writer = newCache(TTL);
    FeatureCache reader = otherClient(writer);
    FeatureVector v = vector(T0, 61.2, 0.1 + 0.2, -0.0, Double.MIN_VALUE);

    assertThat(writer.put(v)).isTrue();

    Optional<FeatureVector> read = reader.latest(RELIANCE, BarInterval.M5);
    assertThat(read).contains(v);
    FeatureVector got = read.orElseThrow();
    assertThat(got.names()).containsExactlyElementsOf(NAMES);
    assertThat(got.timestampMillis()).isEqualTo(T0);
    for (int i = 0; i < NAMES.size(); i++) {
      assertThat(Double.doubleToRawLongBits(got.value(i))).as(NAMES.get(i))
          .isEqualTo(Double.doubleToRawLongBits(v.value(i)));
    }
    assertThat(got.instrument().id()).isEqualTo(RELIANCE.id());
    assertThat(got.interval()).isEqualTo(BarInterval.M5);
  }

  @Test
  void anEmptyCacheHasNothing() {
    FeatureCache cache = newCache(TTL);

    assertThat(cache.latest(RELIANCE, BarInterval.M5)).isEmpty();
    assertThat(cache.evict(RELIANCE, BarInterval.M5)).isFalse();
    assertThat(cache.ttl()).isEqualTo(TTL);
  }

  @Test
  void aNewerVectorReplacesAnOlderOneButNotTheOtherWayRound() {
    FeatureCache cache = newCache(TTL);
    FeatureCache other = otherClient(cache);
    FeatureVector first = vector(T0, 1, 2, 3, 4);
    FeatureVector second = vector(T0 + 300_000, 5, 6, 7, 8);

    assertThat(cache.put(first)).isTrue();
    assertThat(other.put(second)).isTrue();
    assertThat(cache.put(first)).as("a late, older write").isFalse();

    assertThat(cache.latest(RELIANCE, BarInterval.M5)).contains(second);
  }

  @Test
  void aVectorWithTheSameTimestampReplacesTheCachedOne() {
    FeatureCache cache = newCache(TTL);
    FeatureVector corrected = vector(T0, 5, 6, 7, 8);
    cache.put(vector(T0, 1, 2, 3, 4));

    assertThat(cache.put(corrected)).isTrue();

    assertThat(cache.latest(RELIANCE, BarInterval.M5)).contains(corrected);
  }

  @Test
  void aVectorWithOtherFeaturesReplacesTheWholeEntry() {
    FeatureCache cache = newCache(TTL);
    cache.put(vector(T0, 1, 2, 3, 4));
    FeatureVector smaller = FeatureVector.of(RELIANCE, BarInterval.M5, T0 + 1, List.of("ret_1", "vol(20)"),
        new double[] {9, 10});

    cache.put(smaller);

    FeatureVector got = cache.latest(RELIANCE, BarInterval.M5).orElseThrow();
    assertThat(got).isEqualTo(smaller);
    assertThat(got.names()).containsExactly("ret_1", "vol(20)");
  }

  @Test
  void entriesOfOtherInstrumentsAndIntervalsAreIndependent() {
    FeatureCache cache = newCache(TTL);
    FeatureVector relianceM5 = vector(T0, 1, 2, 3, 4);
    FeatureVector relianceM15 = vector(RELIANCE, BarInterval.M15, T0 - 600_000, 5, 6, 7, 8);
    FeatureVector tcsM5 = vector(TCS, BarInterval.M5, T0, 9, 10, 11, 12);

    cache.put(relianceM5);
    cache.put(relianceM15);
    cache.put(tcsM5);
    cache.evict(TCS, BarInterval.M5);

    assertThat(cache.latest(RELIANCE, BarInterval.M5)).contains(relianceM5);
    assertThat(cache.latest(RELIANCE, BarInterval.M15)).contains(relianceM15);
    assertThat(cache.latest(TCS, BarInterval.M5)).isEmpty();
    assertThat(cache.latest(RELIANCE, BarInterval.M1)).isEmpty();
  }

  @Test
  void evictRemovesTheEntryForEveryClient() {
    FeatureCache cache = newCache(TTL);
    FeatureCache other = otherClient(cache);
    cache.put(vector(T0, 1, 2, 3, 4));

    assertThat(other.evict(RELIANCE, BarInterval.M5)).isTrue();

    assertThat(cache.latest(RELIANCE, BarInterval.M5)).isEmpty();
    assertThat(cache.evict(RELIANCE, BarInterval.M5)).isFalse();
    assertThat(cache.put(vector(T0 - 1, 1, 2, 3, 4))).as("nothing newer is cached any more").isTrue();
  }

  @Test
  void anEntryLivesUntilItsTtlHasRun() {
    FeatureCache cache = newCache(TTL);
    FeatureVector v = vector(T0, 1, 2, 3, 4);
    cache.put(v);

    elapse(TTL.minusMinutes(1));

    assertThat(cache.latest(RELIANCE, BarInterval.M5)).contains(v);
  }

  @Test
  void eachAcceptedPutStartsANewTtl() {
    FeatureCache cache = newCache(TTL);
    cache.put(vector(T0, 1, 2, 3, 4));
    elapse(TTL.minusMinutes(4));
    FeatureVector next = vector(T0 + 300_000, 5, 6, 7, 8);
    cache.put(next);

    elapse(TTL.minusMinutes(4));

    assertThat(cache.latest(RELIANCE, BarInterval.M5)).as("10 min after the first put, 6 after the second")
        .contains(next);
  }

  @Test
  void anEntryExpiresAfterItsTtl() {
    FeatureCache cache = newCache(SHORT_TTL);
    FeatureCache other = otherClient(cache);
    cache.put(vector(T0, 1, 2, 3, 4));
    assertThat(other.latest(RELIANCE, BarInterval.M5)).isPresent();

    elapse(SHORT_TTL);

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (other.latest(RELIANCE, BarInterval.M5).isPresent() && System.nanoTime() - deadline < 0) {
      LockSupport.parkNanos(5_000_000L);
    }
    assertThat(other.latest(RELIANCE, BarInterval.M5)).as("expired").isEmpty();
    assertThat(cache.put(vector(T0 - 1, 1, 2, 3, 4))).as("an expired entry does not block an older vector").isTrue();
  }
}
