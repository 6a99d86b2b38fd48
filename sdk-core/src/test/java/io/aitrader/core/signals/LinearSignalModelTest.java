package io.aitrader.core.signals;

import static io.aitrader.core.signals.Vectors.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ConfigurationException;
import io.aitrader.api.ValidationException;
import io.aitrader.api.feature.FeatureVector;
import io.aitrader.api.market.BarInterval;
import io.aitrader.core.signals.LinearSignalModel.Squashing;
import io.aitrader.core.testdata.TestInstruments;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinearSignalModelTest {
  private final LinearSignalModel.Builder rsiAndTrend = LinearSignalModel.builder("lin", "v1")
      .intercept(0.5).weight("rsi(14)", -0.02).weight("ema(20)/ema(50)", 2.0);

  @Test
  void scoresTanhOfInterceptPlusWeightedFeatures() {
    LinearSignalModel model = rsiAndTrend.build();

    double score = model.score(at("10:00", 40, 101, 100));

    assertThat(score).isEqualTo(StrictMath.tanh(0.5 - 0.02 * 40 + 2.0 * (101.0 / 100)));
    assertThat(model.requiredFeatures()).containsExactly("rsi(14)", "ema(20)/ema(50)");
    assertThat(model.id()).isEqualTo("lin");
    assertThat(model.version()).isEqualTo("v1");
  }

  @Test
  void clipAndNoneSquashingBoundOrKeepTheRawSum() {
    FeatureVector v = at("10:00", 10, 300, 100);

    assertThat(rsiAndTrend.squashing(Squashing.CLIP).build().score(v)).isEqualTo(1.0);
    assertThat(LinearSignalModel.builder("raw", "1").weight("ema(20)/ema(50)", 1.0).squashing(Squashing.NONE).build()
        .score(v)).isEqualTo(3.0);
  }

  @Test
  void scoresTheSameForAnotherLayoutOfTheSameFeatures() {
    LinearSignalModel model = rsiAndTrend.build();
    FeatureVector standard = at("10:00", 40, 101, 100);
    FeatureVector reordered = FeatureVector.of(TestInstruments.RELIANCE, BarInterval.M5, standard.timestampMillis(),
        List.of("ema(20)/ema(50)", "rsi(14)"), new double[] {1.01, 40});

    double first = model.score(standard);
    double second = model.score(reordered);
    double third = model.score(standard);

    assertThat(second).isEqualTo(first);
    assertThat(third).isEqualTo(first);
  }

  @Test
  void failsNamingTheFeatureAVectorLacks() {
    LinearSignalModel model = LinearSignalModel.builder("lin", "v1").weight("vwap_dev", 1).build();

    assertThatThrownBy(() -> model.score(at("10:00", 40, 101, 100)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'vwap_dev'")
        .hasMessageContaining("[rsi(14), ema(20), ema(50), ema(20)/ema(50)]");
  }

  @Test
  void requireAvailableNamesEachMissingFeatureAndTheDefinedOnes() {
    LinearSignalModel model = LinearSignalModel.builder("lin", "v1").weight("rsi(14)", 1).weight("adx(14)", 1).build();

    assertThatThrownBy(() -> model.requireAvailable(Vectors.NAMES))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("Invalid configuration: model lin@v1 needs feature 'adx(14)', which is not defined; "
            + "defined: [rsi(14), ema(20), ema(50), ema(20)/ema(50)]");
  }

  @Test
  void builderRejectsDuplicateNonFiniteAndMissingWeights() {
    assertThatThrownBy(() -> LinearSignalModel.builder("lin", "v1").weight("rsi(14)", 1).weight("rsi(14)", 2))
        .isInstanceOf(ValidationException.class).hasMessageContaining("'rsi(14)' twice");
    assertThatThrownBy(() -> LinearSignalModel.builder("lin", "v1").weight("rsi(14)", Double.NaN))
        .hasMessageContaining("LinearSignalModel.weight[rsi(14)] must be finite");
    assertThatThrownBy(() -> LinearSignalModel.builder("lin", "v1").build())
        .hasMessageContaining("LinearSignalModel.weights must have at least one feature");
    assertThatThrownBy(() -> LinearSignalModel.builder("", "v1")).hasMessageContaining("LinearSignalModel.id");
  }
}
