package io.aitrader.api.signal;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.requireText;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.Identifiers;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The rules that turn a model's score into a {@link Signal} for one strategy: LONG when the score is at or above
 * {@code longThreshold}, SHORT at or below {@code shortThreshold}, otherwise FLAT (emitted only when
 * {@code emitFlat}); only while every condition holds; and at most one signal per instrument per
 * {@code cooldownMillis}.
 *
 * <pre>{@code
 * SignalPolicy policy = SignalPolicy.builder("momentum-5m")
 *     .longThreshold(0.55).shortThreshold(-0.55)
 *     .condition("volume > sma_volume(20)")
 *     .cooldownMillis(15 * 60_000)
 *     .build();
 * }</pre>
 *
 * <p>Conditions are boolean feature expressions (syntax as for the {@link io.aitrader.api.feature.FeatureService}).
 * Rules: {@code -1 <= shortThreshold <= 0 <= longThreshold <= 1} and {@code shortThreshold < longThreshold};
 * {@code cooldownMillis >= 0}. Immutable and thread-safe.
 *
 * @param strategyId     the strategy these rules and its signals belong to
 * @param longThreshold  the lowest score that gives LONG
 * @param shortThreshold the highest score that gives SHORT
 * @param conditions     boolean feature expressions that must all hold for a LONG or SHORT signal
 * @param cooldownMillis the least time between two signals of one instrument
 * @param emitFlat       whether FLAT signals are emitted (to say "close the position") or suppressed
 */
public record SignalPolicy(
    String strategyId,
    double longThreshold,
    double shortThreshold,
    List<String> conditions,
    long cooldownMillis,
    boolean emitFlat) {

  /** Validates every component; see the type's rules. */
  public SignalPolicy {
    Identifiers.requireStrategyId(strategyId, "SignalPolicy.strategyId");
    check(Double.isFinite(longThreshold) && longThreshold >= 0 && longThreshold <= 1,
        "SignalPolicy.longThreshold", "must be within [0, 1]", longThreshold);
    check(Double.isFinite(shortThreshold) && shortThreshold >= -1 && shortThreshold <= 0,
        "SignalPolicy.shortThreshold", "must be within [-1, 0]", shortThreshold);
    check(shortThreshold < longThreshold, "SignalPolicy.shortThreshold",
        "must be < longThreshold " + longThreshold, shortThreshold);
    required(conditions, "SignalPolicy.conditions");
    conditions = List.copyOf(conditions);
    for (int i = 0; i < conditions.size(); i++) {
      requireText(conditions.get(i), "SignalPolicy.conditions[" + i + "]");
    }
    check(cooldownMillis >= 0, "SignalPolicy.cooldownMillis", "must be >= 0", cooldownMillis);
  }

  /**
   * A builder with defaults: thresholds {@code ±0.5}, no conditions, no cool-down, FLAT signals emitted.
   */
  public static Builder builder(String strategyId) {
    return new Builder(strategyId);
  }

  /** The direction this policy gives {@code score}, before conditions and cool-down. */
  public Direction directionOf(double score) {
    if (score >= longThreshold) {
      return Direction.LONG;
    }
    if (score <= shortThreshold) {
      return Direction.SHORT;
    }
    return Direction.FLAT;
  }

  /** Builds a {@link SignalPolicy}. Not thread-safe. */
  public static final class Builder {
    private final String strategyId;
    private double longThreshold = 0.5;
    private double shortThreshold = -0.5;
    private final List<String> conditions = new ArrayList<>();
    private long cooldownMillis;
    private boolean emitFlat = true;

    private Builder(@Nullable String strategyId) {
      this.strategyId = required(strategyId, "SignalPolicy.strategyId");
    }

    public Builder longThreshold(double v) { this.longThreshold = v; return this; }

    public Builder shortThreshold(double v) { this.shortThreshold = v; return this; }

    /** Adds a condition that must hold. */
    public Builder condition(String expression) { this.conditions.add(expression); return this; }

    public Builder cooldownMillis(long v) { this.cooldownMillis = v; return this; }

    public Builder emitFlat(boolean v) { this.emitFlat = v; return this; }

    public SignalPolicy build() {
      return new SignalPolicy(strategyId, longThreshold, shortThreshold, conditions, cooldownMillis, emitFlat);
    }
  }
}
