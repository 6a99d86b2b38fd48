package io.aitrader.api.signal;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.requireText;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.Identifiers;
import io.aitrader.api.feature.FeatureVector;
import io.aitrader.api.instrument.Instrument;
import org.jspecify.annotations.Nullable;

/**
 * A strategy's scored opinion on one instrument at one time: the event on {@code signals.<strategy>}. It records
 * everything needed to explain it later: the model and version that scored, the features it saw, and why the
 * rules let it through.
 *
 * <pre>{@code
 * Signal s = Signal.builder()
 *     .strategyId("momentum-5m").features(vector)          // instrument and time come from the vector
 *     .direction(Direction.LONG).strength(0.62)
 *     .model("xgb-momentum", "2025-06-01").reason("score 0.62 >= 0.55")
 *     .build();
 * }</pre>
 *
 * <p>Rules: {@code strength} is finite and in {@code [-1, 1]}, {@code >= 0} for LONG and {@code <= 0} for SHORT;
 * the instrument is the features' instrument; the timestamp is not before the features' bar close.
 * Immutable and thread-safe.
 *
 * @param strategyId      the strategy the signal is for
 * @param instrument      the instrument it is about
 * @param timestampMillis when it was produced (exchange time, epoch milliseconds)
 * @param direction       LONG, SHORT or FLAT
 * @param strength        the model's score in {@code [-1, 1]}: sign is the side, magnitude the conviction
 * @param modelId         the id of the model that scored ({@code rules} for rule-only strategies)
 * @param modelVersion    that model's version
 * @param reason          a short human-readable explanation (threshold crossed, conditions met)
 * @param features        the features the model scored
 */
public record Signal(
    String strategyId,
    Instrument instrument,
    long timestampMillis,
    Direction direction,
    double strength,
    String modelId,
    String modelVersion,
    String reason,
    FeatureVector features) {

  /** Validates every component; see the type's rules. */
  public Signal {
    Identifiers.requireStrategyId(strategyId, "Signal.strategyId");
    required(instrument, "Signal.instrument");
    required(direction, "Signal.direction");
    requireText(modelId, "Signal.modelId");
    requireText(modelVersion, "Signal.modelVersion");
    requireText(reason, "Signal.reason");
    required(features, "Signal.features");
    check(Double.isFinite(strength) && strength >= -1 && strength <= 1, "Signal.strength", "must be within [-1, 1]", strength);
    check(direction != Direction.LONG || strength >= 0, "Signal.strength", "must be >= 0 for LONG", strength);
    check(direction != Direction.SHORT || strength <= 0, "Signal.strength", "must be <= 0 for SHORT", strength);
    check(instrument.equals(features.instrument()), "Signal.features",
        "must be features of " + instrument, features.instrument());
    check(timestampMillis >= features.timestampMillis(), "Signal.timestampMillis",
        "must be >= the features' time " + features.timestampMillis(), timestampMillis);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link Signal}. The instrument and timestamp default to those of the features. Not thread-safe.
   */
  public static final class Builder {
    private @Nullable String strategyId;
    private @Nullable Instrument instrument;
    private long timestampMillis = -1;
    private @Nullable Direction direction;
    private double strength;
    private @Nullable String modelId;
    private @Nullable String modelVersion;
    private @Nullable String reason;
    private @Nullable FeatureVector features;

    private Builder() {}

    public Builder strategyId(String v) { this.strategyId = v; return this; }

    /** Defaults to the features' instrument. */
    public Builder instrument(Instrument v) { this.instrument = v; return this; }

    /** Defaults to the features' timestamp (the bar close). */
    public Builder timestampMillis(long v) { this.timestampMillis = v; return this; }

    public Builder direction(Direction v) { this.direction = v; return this; }

    /** Defaults to 0. */
    public Builder strength(double v) { this.strength = v; return this; }

    public Builder model(String id, String version) {
      this.modelId = id;
      this.modelVersion = version;
      return this;
    }

    public Builder reason(String v) { this.reason = v; return this; }

    public Builder features(FeatureVector v) { this.features = v; return this; }

    /** Validates and builds; throws {@link io.aitrader.api.ValidationException} naming the first bad field. */
    public Signal build() {
      FeatureVector f = required(features, "Signal.features");
      return new Signal(
          required(strategyId, "Signal.strategyId"),
          instrument != null ? instrument : f.instrument(),
          timestampMillis >= 0 ? timestampMillis : f.timestampMillis(),
          required(direction, "Signal.direction"),
          strength,
          required(modelId, "Signal.modelId"),
          required(modelVersion, "Signal.modelVersion"),
          required(reason, "Signal.reason"),
          f);
    }
  }
}
