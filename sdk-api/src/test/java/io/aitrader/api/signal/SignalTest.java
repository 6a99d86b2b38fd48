package io.aitrader.api.signal;

import static io.aitrader.api.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.Fixtures;
import io.aitrader.api.ValidationException;
import io.aitrader.api.feature.FeatureVector;
import io.aitrader.api.market.BarInterval;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignalTest {
  private final FeatureVector features =
      FeatureVector.of(Fixtures.reliance(), BarInterval.M5, T0, List.of("rsi(14)"), new double[] {25});

  private Signal.Builder longSignal() {
    return Signal.builder().strategyId("momentum-5m").features(features).direction(Direction.LONG)
        .strength(0.62).model("xgb-momentum", "2025-06-01").reason("score 0.62 >= 0.55");
  }

  @Test
  void takesInstrumentAndTimeFromTheFeatures() {
    Signal s = longSignal().build();

    assertThat(s.instrument()).isEqualTo(Fixtures.reliance());
    assertThat(s.timestampMillis()).isEqualTo(T0);
    assertThat(s.features()).isSameAs(features);
    assertThat(longSignal().timestampMillis(T0 + 5).build().timestampMillis()).isEqualTo(T0 + 5);
  }

  @Test
  void strengthMustBeWithinMinusOneAndOneAndMatchTheDirection() {
    assertThatThrownBy(() -> longSignal().strength(1.5).build())
        .isInstanceOf(ValidationException.class).hasMessage("Signal.strength must be within [-1, 1], was 1.5");
    assertThatThrownBy(() -> longSignal().strength(Double.NaN).build()).hasMessageContaining("was NaN");
    assertThatThrownBy(() -> longSignal().strength(-0.2).build()).hasMessage("Signal.strength must be >= 0 for LONG, was -0.2");
    assertThatThrownBy(() -> longSignal().direction(Direction.SHORT).build()).hasMessage("Signal.strength must be <= 0 for SHORT, was 0.62");
    assertThat(longSignal().direction(Direction.FLAT).strength(0.1).build().direction()).isEqualTo(Direction.FLAT);
  }

  @Test
  void mustDescribeTheFeaturesItWasMadeFrom() {
    assertThatThrownBy(() -> longSignal().instrument(Fixtures.niftyFuture()).build())
        .hasMessage("Signal.features must be features of NSE:NIFTY25DECFUT, was NSE:RELIANCE");
    assertThatThrownBy(() -> longSignal().timestampMillis(T0 - 1).build())
        .hasMessageStartingWith("Signal.timestampMillis must be >= the features' time " + T0);
  }

  @Test
  void requiresStrategyModelAndReason() {
    assertThatThrownBy(() -> longSignal().strategyId("Bad Id").build()).hasMessageStartingWith("Signal.strategyId must be");
    assertThatThrownBy(() -> longSignal().model(" ", "1").build()).hasMessageContaining("Signal.modelId must not be blank");
    assertThatThrownBy(() -> longSignal().reason("").build()).hasMessageContaining("Signal.reason must not be blank");
    assertThatThrownBy(() -> Signal.builder().strategyId("s").build()).hasMessage("Signal.features is required, was null");
  }

  @Test
  void policyMapsScoresToDirections() {
    SignalPolicy p = SignalPolicy.builder("momentum-5m").longThreshold(0.55).shortThreshold(-0.4).build();

    assertThat(p.directionOf(0.55)).isEqualTo(Direction.LONG);
    assertThat(p.directionOf(0.54)).isEqualTo(Direction.FLAT);
    assertThat(p.directionOf(-0.4)).isEqualTo(Direction.SHORT);
    assertThat(p.emitFlat()).isTrue();
    assertThat(p.conditions()).isEmpty();
    assertThat(Direction.SHORT.sign()).isEqualTo(-1);
    assertThat(Direction.FLAT.sign()).isZero();
  }

  @Test
  void policyRejectsBadThresholdsAndConditions() {
    assertThatThrownBy(() -> SignalPolicy.builder("s").longThreshold(1.2).build())
        .hasMessage("SignalPolicy.longThreshold must be within [0, 1], was 1.2");
    assertThatThrownBy(() -> SignalPolicy.builder("s").shortThreshold(0.1).build())
        .hasMessage("SignalPolicy.shortThreshold must be within [-1, 0], was 0.1");
    assertThatThrownBy(() -> SignalPolicy.builder("s").longThreshold(0).shortThreshold(0).build())
        .hasMessage("SignalPolicy.shortThreshold must be < longThreshold 0.0, was 0.0");
    assertThatThrownBy(() -> SignalPolicy.builder("s").condition(" ").build())
        .hasMessageContaining("SignalPolicy.conditions[0] must not be blank");
    assertThatThrownBy(() -> SignalPolicy.builder("s").cooldownMillis(-1).build())
        .hasMessage("SignalPolicy.cooldownMillis must be >= 0, was -1");
    assertThat(SignalPolicy.builder("s").condition("volume > sma_volume(20)").build().conditions())
        .containsExactly("volume > sma_volume(20)");
  }
}
