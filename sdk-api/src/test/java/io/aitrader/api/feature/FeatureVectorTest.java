package io.aitrader.api.feature;

import static io.aitrader.api.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.Fixtures;
import io.aitrader.api.ValidationException;
import io.aitrader.api.market.BarInterval;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureVectorTest {
  private static final List<String> NAMES = List.of("rsi(14)", "ema(20)/ema(50)");

  static FeatureVector vector(double rsi, double ratio) {
    return FeatureVector.of(Fixtures.reliance(), BarInterval.M5, T0, NAMES, new double[] {rsi, ratio});
  }

  @Test
  void looksUpValuesByNameAndIndex() {
    FeatureVector v = vector(61.2, 1.004);

    assertThat(v.value("rsi(14)")).hasValue(61.2);
    assertThat(v.value("macd")).isEmpty();
    assertThat(v.value(1)).isEqualTo(1.004);
    assertThat(v.size()).isEqualTo(2);
    assertThat(v.names()).containsExactlyElementsOf(NAMES);
    assertThat(v.toMap()).containsExactly(org.assertj.core.api.Assertions.entry("rsi(14)", 61.2),
        org.assertj.core.api.Assertions.entry("ema(20)/ema(50)", 1.004));
  }

  @Test
  void copiesValuesInAndOut() {
    double[] values = {61.2, 1.004};
    List<String> names = new ArrayList<>(NAMES);
    FeatureVector v = FeatureVector.of(Fixtures.reliance(), BarInterval.M5, T0, names, values);

    values[0] = 0;
    names.set(0, "changed");
    v.values()[0] = 0;

    assertThat(v.value(0)).isEqualTo(61.2);
    assertThat(v.names().get(0)).isEqualTo("rsi(14)");
    assertThatThrownBy(() -> v.names().set(0, "x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void equalByContent() {
    assertThat(vector(61.2, 1.004)).isEqualTo(vector(61.2, 1.004)).hasSameHashCodeAs(vector(61.2, 1.004));
    assertThat(vector(61.2, 1.004)).isNotEqualTo(vector(61.2, 1.005));
    assertThat(vector(61.2, 1.004)).isNotEqualTo(FeatureVector.of(Fixtures.reliance(), BarInterval.M15, T0, NAMES, new double[] {61.2, 1.004}));
    assertThat(vector(61.2, 1.004).toString()).isEqualTo("NSE:RELIANCE 5m @" + T0 + " {rsi(14)=61.2, ema(20)/ema(50)=1.004}");
  }

  @Test
  void rejectsMismatchedDuplicateBlankOrNonFiniteFeatures() {
    assertThatThrownBy(() -> FeatureVector.of(Fixtures.reliance(), BarInterval.M5, T0, NAMES, new double[] {1}))
        .isInstanceOf(ValidationException.class)
        .hasMessage("FeatureVector.values must have one value per name (2 names), was 1 values");
    assertThatThrownBy(() -> FeatureVector.of(Fixtures.reliance(), BarInterval.M5, T0, List.of("a", "a"), new double[] {1, 2}))
        .hasMessage("FeatureVector.names must be unique, was 'a' twice");
    assertThatThrownBy(() -> FeatureVector.of(Fixtures.reliance(), BarInterval.M5, T0, List.of(" "), new double[] {1}))
        .hasMessageContaining("FeatureVector.names[0] must not be blank");
    assertThatThrownBy(() -> vector(Double.NaN, 1))
        .hasMessage("FeatureVector.values[rsi(14)] must be finite, was NaN");
    assertThatThrownBy(() -> FeatureVector.of(Fixtures.reliance(), BarInterval.M5, 0, NAMES, new double[] {1, 2}))
        .hasMessage("FeatureVector.timestampMillis must be > 0, was 0");
  }

  @Test
  void expressionErrorsSayWhereAndWhat() {
    FeatureExpressionException e = new FeatureExpressionException("rsi(0)", 4, "period must be >= 1");

    assertThat(e).hasMessage("Feature expression 'rsi(0)' is invalid at 4: period must be >= 1").isInstanceOf(ValidationException.class);
    assertThat(e.expression()).isEqualTo("rsi(0)");
    assertThat(e.position()).isEqualTo(4);
    assertThat(new FeatureExpressionException("foo", -1, "unknown function foo")).hasMessage("Feature expression 'foo' is invalid: unknown function foo");
  }

  @Test
  void aLayoutIsValidatedOnceAndSharedByItsVectors() {
    FeatureVector.Layout layout = FeatureVector.Layout.of(List.of("rsi(14)", "ema(20)"));
    assertThatThrownBy(() -> FeatureVector.Layout.of(List.of("a", "a")))
        .hasMessage("FeatureVector.names must be unique, was 'a' twice");

    FeatureVector v = FeatureVector.of(Fixtures.reliance(), BarInterval.M5, 1_000L, layout, new double[] {30.5, 2500.25});

    assertThat(v.names()).isSameAs(layout.names());
    assertThat(v.value("ema(20)")).hasValue(2500.25);
    assertThatThrownBy(() -> FeatureVector.of(Fixtures.reliance(), BarInterval.M5, 1_000L, layout, new double[] {1.0}))
        .hasMessageContaining("must have one value per name (2 names)");
  }
}
