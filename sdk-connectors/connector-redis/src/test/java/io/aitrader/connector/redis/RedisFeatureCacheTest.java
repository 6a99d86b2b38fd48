package io.aitrader.connector.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ValidationException;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedisFeatureCacheTest {
  private static final long T0 = 1_736_135_100_000L;
  private static final Instrument RELIANCE = Instrument.builder().exchange(Exchange.NSE).segment(Segment.CASH)
      .type(InstrumentType.EQ).tradingSymbol("RELIANCE").exchangeToken("2885").growwSymbol("NSE-RELIANCE")
      .name("Reliance Industries").tickSize(Price.of("0.10")).build();
  private static final List<String> NAMES = List.of("rsi(14)", "ema(20)/ema(50)", "macd(12,26,9)", "ret_1");
  private static final AtomicInteger PREFIXES = new AtomicInteger();

  private final String prefix = "features-test-" + PREFIXES.incrementAndGet();
  /** The writer (feature service) and a reader (model server) in another process. */
  private final RedisConnector writer = RedisServer.shared().connect(prefix);
  private final RedisConnector reader = RedisServer.shared().connect(prefix);

  @AfterEach
  void closeClients() {
    writer.client().getKeys().deleteByPattern(prefix + ":*");
    writer.close();
    reader.close();
  }

  private static FeatureVector vector(long t, double... values) {
    return FeatureVector.of(RELIANCE, BarInterval.M5, t, NAMES, values);
  }

  @Test
  void anotherClientReadsTheLatestVectorBackExactly() {
    FeatureVector v = vector(T0, 61.2, 0.1 + 0.2, -0.0, Math.PI * 1e-300);

    assertThat(writer.featureCache(Duration.ofMinutes(5)).put(v)).isTrue();

    Optional<FeatureVector> read = reader.featureCache(Duration.ofMinutes(5)).latest(RELIANCE, BarInterval.M5);
    assertThat(read).contains(v);
    assertThat(Double.doubleToRawLongBits(read.orElseThrow().value(2))).isEqualTo(Double.doubleToRawLongBits(-0.0));
    assertThat(read.orElseThrow().names()).containsExactlyElementsOf(NAMES);
  }

  @Test
  void aNewerVectorReplacesAnOlderOneButNotTheOtherWayRound() {
    RedisFeatureCache cache = writer.featureCache(Duration.ofMinutes(5));
    FeatureVector first = vector(T0, 1, 2, 3, 4);
    FeatureVector second = vector(T0 + 300_000, 5, 6, 7, 8);

    cache.put(first);
    assertThat(cache.put(second)).isTrue();
    assertThat(cache.put(first)).as("late, older write").isFalse();

    assertThat(cache.latest(RELIANCE, BarInterval.M5)).contains(second);
    assertThat(cache.latest(RELIANCE, BarInterval.M15)).as("other interval").isEmpty();
  }

  @Test
  void aVectorWithFewerFeaturesLeavesNoStaleOnes() {
    RedisFeatureCache cache = writer.featureCache(Duration.ofMinutes(5));
    cache.put(vector(T0, 1, 2, 3, 4));
    FeatureVector smaller = FeatureVector.of(RELIANCE, BarInterval.M5, T0 + 1, List.of("ret_1"), new double[] {9});

    cache.put(smaller);

    assertThat(cache.latest(RELIANCE, BarInterval.M5)).contains(smaller);
    assertThat(writer.client().getMap(prefix + ":features:{NSE:RELIANCE}:5m").readAllKeySet())
        .containsExactlyInAnyOrder("timestampMillis", "names", "f:ret_1");
  }

  @Test
  void anEntryExpiresAfterItsTtl() {
    RedisFeatureCache cache = writer.featureCache(Duration.ofMillis(200));
    cache.put(vector(T0, 1, 2, 3, 4));
    assertThat(writer.client().getKeys().remainTimeToLive(prefix + ":features:{NSE:RELIANCE}:5m"))
        .isBetween(1L, 200L);

    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (cache.latest(RELIANCE, BarInterval.M5).isPresent() && System.nanoTime() - deadline < 0) {
      LockSupport.parkNanos(10_000_000L);
    }

    assertThat(cache.latest(RELIANCE, BarInterval.M5)).isEmpty();
  }

  @Test
  void evictRemovesTheEntry() {
    RedisFeatureCache cache = writer.featureCache(Duration.ofMinutes(5));
    cache.put(vector(T0, 1, 2, 3, 4));

    assertThat(cache.evict(RELIANCE, BarInterval.M5)).isTrue();
    assertThat(cache.latest(RELIANCE, BarInterval.M5)).isEmpty();
    assertThat(cache.evict(RELIANCE, BarInterval.M5)).isFalse();
  }

  @Test
  void refusesNamesWithLineBreaksAndNonPositiveTtl() {
    FeatureVector bad = FeatureVector.of(RELIANCE, BarInterval.M5, T0, List.of("a\nb"), new double[] {1});

    assertThatThrownBy(() -> writer.featureCache(Duration.ofMinutes(1)).put(bad))
        .isInstanceOf(ValidationException.class).hasMessageContaining("line breaks");
    assertThatThrownBy(() -> writer.featureCache(Duration.ZERO)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("RedisFeatureCache.ttl");
  }
}
