package io.aitrader.core.features;

import static io.aitrader.core.testdata.TestInstruments.RELIANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.feature.FeatureVector;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class OfflineFeaturesTest {
  private static final List<String> FEATURES = DefaultFeatureServiceTest.FEATURES;

  private static List<FeatureVector> online(List<Bar> bars) {
    DefaultFeatureService s = new DefaultFeatureService(TestIndicators.catalog());
    s.define(FEATURES);
    List<FeatureVector> out = new ArrayList<>();
    s.subscribe(out::add);
    bars.forEach(s::onBar);
    return out;
  }

  @Test
  void recomputesExactlyTheOnlineVectors() {
    // given bars of two instruments and two intervals
    List<Bar> bars = DefaultFeatureServiceTest.mixed(150, 5);
    // when
    List<FeatureVector> offline = OfflineFeatures.compute(TestIndicators.catalog(), FEATURES, bars);
    // then
    assertThat(offline).hasSizeGreaterThan(100).isEqualTo(online(bars));
  }

  @Test
  void namesVectorsCanonically() {
    List<FeatureVector> v = OfflineFeatures.compute(TestIndicators.catalog(), List.of("SMA(close, 2)", "sma(2)", "close"),
        TestBars.walk(RELIANCE, BarInterval.M1, 3, 1));
    assertThat(v).hasSize(2);
    assertThat(v.get(0).names()).containsExactly("sma(2)", "close");
  }

  @Test
  void rejectsInvalidExpressions() {
    assertThatThrownBy(() -> OfflineFeatures.compute(TestIndicators.catalog(), List.of("sma(2", "foo"), List.of()))
        .isInstanceOf(InvalidFeaturesException.class)
        .hasMessageContaining("and 1 more");
  }

  @Property(tries = 25)
  void offlineEqualsOnlineAndSnapshotsDoNotChangeResults(@ForAll @IntRange(min = 30, max = 120) int n,
      @ForAll @IntRange(min = 1, max = 119) int split, @ForAll long seed) {
    List<Bar> bars = TestBars.walk(RELIANCE, BarInterval.M5, n, seed);
    int cut = Math.min(split, n - 1);
    List<FeatureVector> offline = OfflineFeatures.compute(TestIndicators.catalog(), FEATURES, bars);
    // an online service restarted from a snapshot at an arbitrary bar
    DefaultFeatureService first = new DefaultFeatureService(TestIndicators.catalog());
    first.define(FEATURES);
    List<FeatureVector> out = new ArrayList<>();
    first.subscribe(out::add);
    bars.subList(0, cut).forEach(first::onBar);
    ByteArrayOutputStream snap = new ByteArrayOutputStream();
    first.snapshot(snap);
    DefaultFeatureService second = new DefaultFeatureService(TestIndicators.catalog());
    second.define(FEATURES);
    second.restore(new ByteArrayInputStream(snap.toByteArray()));
    second.subscribe(out::add);
    bars.subList(cut, n).forEach(second::onBar);
    assertThat(out).isEqualTo(offline);
  }
}
