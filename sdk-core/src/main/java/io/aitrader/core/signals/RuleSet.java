package io.aitrader.core.signals;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.requireText;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.Identifiers;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.signal.Direction;
import io.aitrader.api.signal.SignalModel;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One strategy's signal rules for the {@link DefaultSignalService}: an optional {@link SignalModel}, the entry
 * direction (from the model's score against thresholds, or fixed), the entry rule that gates LONG/SHORT signals,
 * and when to emit FLAT (exit) signals.
 *
 * <pre>{@code
 * RuleSet momentum = RuleSet.builder("momentum-5m")
 *     .model(model).longThreshold(0.5).shortThreshold(-0.5)     // direction from the score
 *     .entryWhen(Rules.all(Rules.threshold("rsi(14)", Comparison.LT, 70),
 *                          Rules.noEntriesAfter(LocalTime.of(15, 0)),
 *                          Rules.cooldown(Duration.ofMinutes(15))))
 *     .exitWhen(Rules.crossesBelow("ema(20)", "ema(50)"))
 *     .build();
 *
 * RuleSet oversold = RuleSet.builder("rsi-revert")                 // rule-only, fixed direction
 *     .direction(Direction.LONG)
 *     .entryWhen(Rules.crossesAbove("rsi(14)", 30))
 *     .build();
 * }</pre>
 *
 * <p>Per vector of an instrument (and interval), in this order: (1) while the last signal emitted for it was LONG
 * or SHORT, FLAT when the exit rule holds; (2) otherwise an entry when the candidate direction exists and the
 * entry rule holds; candidate = the fixed direction (with a model, only when its score does not have the opposite
 * sign) or, by score, LONG at {@code >= longThreshold} and SHORT at {@code <= shortThreshold}; (3) otherwise,
 * with {@code flatOnNeutralScore}, FLAT while in a position when the score is strictly between the thresholds.
 * FLAT is thus only emitted to close a position this rule set opened; entries repeat on every vector where
 * they pass (throttle them with {@link Rules#cooldown} or {@link Rules#maxPerDay}). Strength: the model's score, or
 * {@code ±1} (0 for FLAT) without a model.
 *
 * <p>Immutable and thread-safe.
 */
public final class RuleSet {
  /** The model id recorded in the signals of a rule set without a model. */
  public static final String RULES_MODEL_ID = "rules";

  private final String strategyId;
  private final @Nullable SignalModel model;
  private final @Nullable Direction direction;
  private final double longThreshold;
  private final double shortThreshold;
  private final Rule entry;
  private final @Nullable Rule exit;
  private final boolean flatOnNeutralScore;
  private final @Nullable BarInterval interval;
  private final String rulesVersion;

  private RuleSet(Builder b) {
    this.strategyId = b.strategyId;
    this.model = b.model;
    this.direction = b.direction;
    this.longThreshold = b.longThreshold;
    this.shortThreshold = b.shortThreshold;
    this.entry = b.entry;
    this.exit = b.exit;
    this.flatOnNeutralScore = b.flatOnNeutralScore;
    this.interval = b.interval;
    String v = b.rulesVersion;
    this.rulesVersion = v != null ? v : Integer.toHexString(describe().hashCode());
  }

  /** A builder; defaults: no model, thresholds ±0.5, entry {@link Rules#always()}, no exit, every interval. */
  public static Builder builder(String strategyId) {
    return new Builder(strategyId);
  }

  public String strategyId() {
    return strategyId;
  }

  public Optional<SignalModel> model() {
    return Optional.ofNullable(model);
  }

  /** The fixed entry direction, or empty when it comes from the model's score. */
  public Optional<Direction> direction() {
    return Optional.ofNullable(direction);
  }

  public double longThreshold() {
    return longThreshold;
  }

  public double shortThreshold() {
    return shortThreshold;
  }

  public Rule entryRule() {
    return entry;
  }

  public Optional<Rule> exitRule() {
    return Optional.ofNullable(exit);
  }

  public boolean flatOnNeutralScore() {
    return flatOnNeutralScore;
  }

  /** The only interval whose vectors are evaluated, or empty for every interval. */
  public Optional<BarInterval> interval() {
    return Optional.ofNullable(interval);
  }

  /** The model id recorded in signals: the model's, or {@value #RULES_MODEL_ID}. */
  public String modelId() {
    return model != null ? model.id() : RULES_MODEL_ID;
  }

  /**
   * The model version recorded in signals: the model's, or for a rule-only set the configured version (default:
   * a hash of {@link #describe()}, stable across runs).
   */
  public String modelVersion() {
    return model != null ? model.version() : rulesVersion;
  }

  /** Every feature the model and rules read, in order of first use. */
  public List<String> features() {
    Set<String> out = new LinkedHashSet<>();
    if (model != null) {
      out.addAll(model.requiredFeatures());
    }
    entry.collectFeatures(out);
    if (exit != null) {
      exit.collectFeatures(out);
    }
    return List.copyOf(out);
  }

  /** A one-line definition, e.g. {@code momentum-5m: LONG/SHORT by model lin@v1 (>= 0.5, <= -0.5) when ...}. */
  public String describe() {
    StringBuilder sb = new StringBuilder(strategyId).append(": ");
    if (direction != null) {
      sb.append(direction);
      if (model != null) {
        sb.append(" with model ").append(model.id()).append('@').append(model.version());
      }
    } else {
      sb.append("LONG/SHORT by model ").append(modelId()).append('@').append(modelVersion()).append(" (>= ")
          .append(Reasons.number(longThreshold)).append(", <= ").append(Reasons.number(shortThreshold)).append(')');
    }
    sb.append(" when ").append(entry.describe());
    if (exit != null) {
      sb.append("; FLAT when ").append(exit.describe());
    }
    if (flatOnNeutralScore) {
      sb.append("; FLAT on neutral score");
    }
    if (interval != null) {
      sb.append("; interval ").append(interval.label());
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return describe();
  }

  /** Builds a {@link RuleSet}. Not thread-safe. */
  public static final class Builder {
    private final String strategyId;
    private @Nullable SignalModel model;
    private @Nullable Direction direction;
    private double longThreshold = 0.5;
    private double shortThreshold = -0.5;
    private Rule entry = Rules.always();
    private @Nullable Rule exit;
    private boolean flatOnNeutralScore;
    private @Nullable BarInterval interval;
    private @Nullable String rulesVersion;

    private Builder(@Nullable String strategyId) {
      this.strategyId = Identifiers.requireStrategyId(strategyId, "RuleSet.strategyId");
    }

    /** The scoring model; its score gives the direction (unless fixed) and the strength. */
    public Builder model(SignalModel v) {
      this.model = required(v, "RuleSet.model");
      return this;
    }

    /** A fixed entry direction, LONG or SHORT (required without a model). */
    public Builder direction(Direction v) {
      required(v, "RuleSet.direction");
      check(v != Direction.FLAT, "RuleSet.direction", "must be LONG or SHORT", v);
      this.direction = v;
      return this;
    }

    /** The lowest score that gives LONG, in {@code [0, 1]}; default 0.5. */
    public Builder longThreshold(double v) {
      this.longThreshold = v;
      return this;
    }

    /** The highest score that gives SHORT, in {@code [-1, 0]}; default -0.5. */
    public Builder shortThreshold(double v) {
      this.shortThreshold = v;
      return this;
    }

    /** The rule that must hold for a LONG/SHORT signal; default {@link Rules#always()}. */
    public Builder entryWhen(Rule v) {
      this.entry = required(v, "RuleSet.entry");
      return this;
    }

    /** The rule that gives FLAT while in a position. */
    public Builder exitWhen(Rule v) {
      this.exit = required(v, "RuleSet.exit");
      return this;
    }

    /** Whether a score strictly between the thresholds gives FLAT while in a position; default false. */
    public Builder flatOnNeutralScore(boolean v) {
      this.flatOnNeutralScore = v;
      return this;
    }

    /** Evaluates only vectors of {@code v}. */
    public Builder interval(BarInterval v) {
      this.interval = required(v, "RuleSet.interval");
      return this;
    }

    /** The version recorded in the signals of a rule-only set; default a hash of its definition. */
    public Builder rulesVersion(String v) {
      this.rulesVersion = requireText(v, "RuleSet.rulesVersion");
      return this;
    }

    /** Validates and builds; fails with {@link io.aitrader.api.ValidationException} naming the bad field. */
    public RuleSet build() {
      check(Double.isFinite(longThreshold) && longThreshold >= 0 && longThreshold <= 1,
          "RuleSet.longThreshold", "must be within [0, 1]", longThreshold);
      check(Double.isFinite(shortThreshold) && shortThreshold >= -1 && shortThreshold <= 0,
          "RuleSet.shortThreshold", "must be within [-1, 0]", shortThreshold);
      check(shortThreshold < longThreshold, "RuleSet.shortThreshold", "must be < longThreshold " + longThreshold, shortThreshold);
      check(model != null || direction != null, "RuleSet.direction", "is required without a model", "none");
      check(!flatOnNeutralScore || model != null, "RuleSet.flatOnNeutralScore", "needs a model", true);
      return new RuleSet(this);
    }
  }
}
