package io.aitrader.core.features;

import static io.aitrader.core.testdata.TestInstruments.RELIANCE;
import static io.aitrader.core.testdata.TestInstruments.TCS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.aitrader.api.ConfigurationException;
import io.aitrader.api.Registration;
import io.aitrader.api.feature.FeatureVector;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultFeatureServiceTest {
  static final List<String> FEATURES = List.of("sma(5)", "ema(sma(3), 4)", "close/sma(5) - 1", "macd(3,6,2).signal",
      "macd(3,6,2).histogram", "bb(4,2).upper - bb(4,2).lower", "ret(3)", "vwap_dist", "sma(ret(1), 3)");

  private final DefaultFeatureService service = new DefaultFeatureService(TestIndicators.catalog());
  private final List<FeatureVector> published = new ArrayList<>();

  private DefaultFeatureService started(List<String> features) {
    service.define(features);
    service.subscribe(published::add);
    return service;
  }

  private static List<FeatureVector> online(List<String> features, List<Bar> bars) {
    DefaultFeatureService s = new DefaultFeatureService(TestIndicators.catalog());
    s.define(features);
    List<FeatureVector> out = new ArrayList<>();
    s.subscribe(out::add);
    bars.forEach(s::onBar);
    return out;
  }

  /** RELIANCE and TCS at 5m and 15m, interleaved in time order. */
  static List<Bar> mixed(int n, long seed) {
    List<List<Bar>> series = List.of(
        TestBars.walk(RELIANCE, BarInterval.M5, n, seed), TestBars.walk(TCS, BarInterval.M5, n, seed + 1),
        TestBars.walk(RELIANCE, BarInterval.M15, n / 3, seed + 2), TestBars.walk(TCS, BarInterval.M15, n / 3, seed + 3));
    List<Bar> all = new ArrayList<>();
    series.forEach(all::addAll);
    all.sort((a, b) -> Long.compare(a.closeTimeMillis(), b.closeTimeMillis()));
    return all;
  }

  @Test
  void definesCanonicalNamesOnceInFirstDefinitionOrder() {
    assertThat(service.define(List.of("EMA( close , 20 )", "ema(20)", "rsi(14)"))).containsExactly("ema(20)", "rsi(14)");
    assertThat(service.define(List.of("ema(close,20)", "sma(5)"))).containsExactly("ema(20)", "rsi(14)", "sma(5)");
    assertThat(service.featureNames()).containsExactly("ema(20)", "rsi(14)", "sma(5)");
  }

  @Test
  void reportsEveryInvalidExpressionOfABatchAndDefinesNone() {
    // given
    service.define(List.of("sma(2)"));
    // when
    InvalidFeaturesException e = catchThrowableOfType(
        () -> service.define(List.of("emaa(20)", "sma(5)", "rsi(14")), InvalidFeaturesException.class);
    // then
    assertThat(e).hasMessage("Feature expression 'emaa(20)' is invalid at 0: unknown name 'emaa'; did you mean ema?\n"
        + "  and 1 more:\n"
        + "  - Feature expression 'rsi(14' is invalid at 6: missing ')' to close the '(' at 3");
    assertThat(e.expression()).isEqualTo("emaa(20)");
    assertThat(e.position()).isZero();
    assertThat(e.errors()).extracting(x -> x.expression() + "@" + x.position()).containsExactly("emaa(20)@0", "rsi(14@6");
    assertThat(service.featureNames()).containsExactly("sma(2)");
  }

  @Test
  void refusesDefinitionsAfterTheFirstBar() {
    service.define(List.of("sma(2)"));
    service.onBar(TestBars.flat(RELIANCE, BarInterval.M5, 0, 10));
    assertThatThrownBy(() -> service.define(List.of("sma(3)"))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void sharesOneIndicatorInstancePerInstrumentAndIntervalAcrossExpressions() {
    // given five expressions using sma(close,3), directly or as a series
    service.define(List.of("sma(close,3)", "sma(3)*2", "SMA( close , 3 ) + 1", "ema(sma(3), 2)", "close/sma(3)"));
    TestIndicators.TestSma.INSTANCES.set(0);
    TestIndicators.TestSma.UPDATES.set(0);
    // when
    for (int i = 0; i < 10; i++) {
      service.onBar(TestBars.flat(RELIANCE, BarInterval.M5, i, 10 + i));
    }
    // then one instance, updated once per bar
    assertThat(TestIndicators.TestSma.INSTANCES.get()).isEqualTo(1);
    assertThat(TestIndicators.TestSma.UPDATES.get()).isEqualTo(10);
    assertThat(service.indicatorKeys(RELIANCE, BarInterval.M5)).containsExactly("sma(3)", "ema(sma(3),2)");
    assertThat(service.featureNames()).containsExactly("sma(3)", "sma(3)*2", "sma(3) + 1", "ema(sma(3),2)", "close/sma(3)");
    // and another instrument gets its own instance
    service.onBar(TestBars.flat(TCS, BarInterval.M5, 0, 10));
    assertThat(TestIndicators.TestSma.INSTANCES.get()).isEqualTo(2);
  }

  @Test
  void publishesAtTheBarCloseUsingNoLaterBars() {
    // given two streams equal up to bar 29 and different afterwards
    List<Bar> bars = TestBars.walk(RELIANCE, BarInterval.M5, 60, 7);
    List<Bar> other = new ArrayList<>(bars.subList(0, 30));
    for (Bar b : TestBars.walk(RELIANCE, BarInterval.M5, 60, 99).subList(30, 60)) {
      other.add(b);
    }
    long cut = bars.get(29).closeTimeMillis();
    // when each vector is recorded with the bar that was just fed
    started(FEATURES);
    List<Long> fedClose = new ArrayList<>();
    for (Bar b : bars) {
      int before = published.size();
      service.onBar(b);
      if (published.size() > before) {
        fedClose.add(b.closeTimeMillis());
      }
    }
    List<FeatureVector> alt = online(FEATURES, other);
    // then every vector is stamped with the close of the bar that produced it
    assertThat(published).extracting(FeatureVector::timestampMillis).containsExactlyElementsOf(fedClose);
    // and vectors up to the cut do not depend on later bars; the first one after it does
    List<FeatureVector> upToCut = published.stream().filter(v -> v.timestampMillis() <= cut).toList();
    assertThat(upToCut).isNotEmpty();
    assertThat(alt.subList(0, upToCut.size())).isEqualTo(upToCut);
    assertThat(alt.get(upToCut.size())).isNotEqualTo(published.get(upToCut.size()));
    // and each vector equals the offline computation over the bars up to its time only
    for (FeatureVector v : published) {
      List<Bar> prefix = bars.stream().filter(b -> b.closeTimeMillis() <= v.timestampMillis()).toList();
      List<FeatureVector> offline = OfflineFeatures.compute(TestIndicators.catalog(), FEATURES, prefix);
      assertThat(offline.get(offline.size() - 1)).isEqualTo(v);
    }
  }

  @Test
  void publishesOnlyOnceEveryFeatureIsReadyAndFinite() {
    // given a feature that divides by (close - open), zero on flat bars
    started(List.of("sma(2)", "1/(close - open)"));
    // when
    service.onBar(TestBars.bar(RELIANCE, BarInterval.M5, 0, 10, 12, 9, 11, 100));
    assertThat(published).isEmpty();
    assertThat(service.latest(RELIANCE, BarInterval.M5)).isEmpty();
    service.onBar(TestBars.bar(RELIANCE, BarInterval.M5, 1, 10, 12, 9, 12, 100));
    service.onBar(TestBars.flat(RELIANCE, BarInterval.M5, 2, 12));
    // then the warming-up bar and the flat bar (infinite value) produce no vector; latest keeps the last one
    assertThat(published).hasSize(1);
    assertThat(published.get(0).values()).containsExactly(11.5, 0.5);
    assertThat(service.latest(RELIANCE, BarInterval.M5)).contains(published.get(0));
  }

  @Test
  void ignoresPartialBarsAndRejectsOutOfOrderOnesWithoutThrowing() {
    started(List.of("sma(2)"));
    Bar b0 = TestBars.flat(RELIANCE, BarInterval.M5, 0, 10);
    Bar b1 = TestBars.flat(RELIANCE, BarInterval.M5, 1, 20);
    Bar partial = new Bar(RELIANCE, BarInterval.M5, b1.openTimeMillis() + 300_000, b1.closeTimeMillis() + 300_000,
        b1.open(), b1.high(), b1.low(), b1.close(), 5, 5 * b1.close(), 1, false);
    // when
    service.onBar(b0);
    service.onBar(b1);
    service.onBar(b1);
    service.onBar(b0);
    service.onBar(partial);
    // then
    assertThat(published).hasSize(1);
    assertThat(published.get(0).value(0)).isEqualTo(15.0);
    assertThat(service.rejectedBars()).isEqualTo(2);
    assertThat(service.partialBars()).isEqualTo(1);
  }

  @Test
  void keepsInstrumentsAndIntervalsApart() {
    // given
    List<Bar> all = mixed(90, 3);
    started(FEATURES);
    // when
    all.forEach(service::onBar);
    // then each instrument and interval's vectors are those of its bars alone
    for (var inst : List.of(RELIANCE, TCS)) {
      for (BarInterval iv : List.of(BarInterval.M5, BarInterval.M15)) {
        List<Bar> own = all.stream().filter(b -> b.instrument().equals(inst) && b.interval() == iv).toList();
        List<FeatureVector> alone = online(FEATURES, own);
        List<FeatureVector> mine = published.stream().filter(v -> v.instrument().equals(inst) && v.interval() == iv).toList();
        assertThat(alone).isNotEmpty();
        assertThat(mine).isEqualTo(alone);
        assertThat(service.latest(inst, iv)).contains(alone.get(alone.size() - 1));
      }
    }
  }

  @Test
  void continuesBitIdenticallyAfterSnapshotAndRestore() {
    // given a service that has seen the first 120 bars
    List<Bar> all = mixed(240, 11);
    int split = 120;
    started(FEATURES);
    all.subList(0, split).forEach(service::onBar);
    ByteArrayOutputStream snapshot = new ByteArrayOutputStream();
    service.snapshot(snapshot);
    // when a new service restores it
    DefaultFeatureService restored = new DefaultFeatureService(TestIndicators.catalog());
    restored.define(FEATURES);
    restored.restore(new ByteArrayInputStream(snapshot.toByteArray()));
    List<FeatureVector> fromRestored = new ArrayList<>();
    restored.subscribe(fromRestored::add);
    assertThat(restored.latest(TCS, BarInterval.M15)).isEqualTo(service.latest(TCS, BarInterval.M15)).isPresent();
    published.clear();
    // and both continue
    all.subList(split, all.size()).forEach(b -> {
      service.onBar(b);
      restored.onBar(b);
    });
    // then the vectors are bit-identical, with no warm-up gap
    assertThat(fromRestored).isNotEmpty().isEqualTo(published);
    assertThat(fromRestored.get(0).timestampMillis()).isEqualTo(all.get(split).closeTimeMillis());
    for (int i = 0; i < published.size(); i++) {
      long[] a = Arrays.stream(published.get(i).values()).mapToLong(Double::doubleToRawLongBits).toArray();
      long[] b = Arrays.stream(fromRestored.get(i).values()).mapToLong(Double::doubleToRawLongBits).toArray();
      assertThat(b).isEqualTo(a);
    }
    assertThat(restored.rejectedBars()).isEqualTo(service.rejectedBars());
  }

  @Test
  void refusesSnapshotsOfOtherFeaturesOrFormats() {
    // given
    started(List.of("sma(2)"));
    service.onBar(TestBars.flat(RELIANCE, BarInterval.M5, 0, 10));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    service.snapshot(out);
    byte[] bytes = out.toByteArray();
    DefaultFeatureService other = new DefaultFeatureService(TestIndicators.catalog());
    other.define(List.of("sma(3)"));
    // then
    assertThatThrownBy(() -> other.restore(new ByteArrayInputStream(bytes)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("the feature snapshot has the features [sma(2)] but this service defines [sma(3)]");
    assertThatThrownBy(() -> other.restore(new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5, 6, 7, 8})))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("not a feature snapshot");
    DefaultFeatureService same = new DefaultFeatureService(TestIndicators.catalog());
    same.define(List.of("sma(2)"));
    assertThatThrownBy(() -> same.restore(new ByteArrayInputStream(Arrays.copyOf(bytes, bytes.length - 3))))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("truncated");
    assertThat(same.latest(RELIANCE, BarInterval.M5)).isEmpty();
  }

  @Test
  void keepsCallingListenersWhenOneFailsAndStopsAfterClose() {
    // given
    service.define(List.of("close"));
    List<FeatureVector> second = new ArrayList<>();
    service.subscribe(v -> {
      throw new IllegalStateException("boom");
    });
    Registration r = service.subscribe(second::add);
    // when
    service.onBar(TestBars.flat(RELIANCE, BarInterval.M5, 0, 10));
    r.close();
    r.close();
    service.onBar(TestBars.flat(RELIANCE, BarInterval.M5, 1, 11));
    // then
    assertThat(second).hasSize(1);
    assertThat(service.latest(RELIANCE, BarInterval.M5).orElseThrow().value(0)).isEqualTo(11.0);
  }

  @Test
  void allocatesNothingPerBarWhenNoVectorIsPublished() {
    // given features that never become finite (a division by zero every bar) after their indicators warm up
    service.define(List.of("sma(5)/(close - open)", "macd(3,6,2).signal", "ret(3)"));
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      bars.add(TestBars.flat(RELIANCE, BarInterval.M5, i, 100 + (i % 7)));
    }
    for (int i = 0; i < 10_000; i++) {
      service.onBar(bars.get(i));
    }
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long tid = Thread.currentThread().getId();
    // when
    long before = mx.getThreadAllocatedBytes(tid);
    for (int i = 10_000; i < 20_000; i++) {
      service.onBar(bars.get(i));
    }
    long allocated = mx.getThreadAllocatedBytes(tid) - before;
    // then (a few hundred bytes of slack for the measurement itself)
    assertThat(service.latest(RELIANCE, BarInterval.M5)).isEmpty();
    assertThat(allocated).isLessThan(1_000);
  }
}
