package io.aitrader.core.signals;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.requireText;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.ConfigurationException;
import io.aitrader.api.feature.FeatureVector;
import io.aitrader.api.signal.SignalModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A linear {@link SignalModel}: {@code score = squash(intercept + Σ weight_i · feature_i)}, squashed into
 * {@code [-1, 1]} by {@code tanh} (default), by clipping, or not at all (then a raw score outside the range is
 * rejected by the signal service).
 *
 * <pre>{@code
 * SignalModel model = LinearSignalModel.builder("lin", "v1")
 *     .intercept(0.1)
 *     .weight("rsi(14)", -0.02)
 *     .weight("ema(20)/ema(50)", 4.0)
 *     .build();
 * }</pre>
 *
 * <p>Deterministic bit for bit ({@link StrictMath#tanh}, a fixed summation order). {@link #score} finds the
 * features by name once per feature layout (vectors of one feature service share it) and caches their
 * positions, so it allocates nothing in steady state; a vector without one of the features fails with
 * {@link IllegalArgumentException} naming it and the vector's features. Immutable apart from that cache;
 * thread-safe.
 */
public final class LinearSignalModel implements SignalModel {
  /** How the linear sum is brought into {@code [-1, 1]}. */
  public enum Squashing {
    /** {@code tanh(sum)}. */
    TANH,
    /** {@code sum} clipped to {@code [-1, 1]}. */
    CLIP,
    /** {@code sum} as is. */
    NONE
  }

  private final String id;
  private final String version;
  private final List<String> features;
  private final double[] weights;
  private final double intercept;
  private final Squashing squashing;
  private volatile @Nullable Layout layout;

  private LinearSignalModel(Builder b) {
    this.id = b.id;
    this.version = b.version;
    this.features = List.copyOf(b.weights.keySet());
    this.weights = new double[features.size()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = b.weights.get(features.get(i));
    }
    this.intercept = b.intercept;
    this.squashing = b.squashing;
  }

  /** A builder for the model {@code id} at {@code version}; defaults: intercept 0, {@link Squashing#TANH}. */
  public static Builder builder(String id, String version) {
    return new Builder(id, version);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public List<String> requiredFeatures() {
    return features;
  }

  /** The weight of {@code feature}, 0 when the model does not use it. */
  public double weight(String feature) {
    int i = features.indexOf(feature);
    return i < 0 ? 0 : weights[i];
  }

  public double intercept() {
    return intercept;
  }

  public Squashing squashing() {
    return squashing;
  }

  /**
   * Checks that every feature the model reads is among {@code featureNames}; fails with a
   * {@link ConfigurationException} naming each missing feature and the available ones.
   */
  public void requireAvailable(Collection<String> featureNames) {
    List<String> problems = new ArrayList<>();
    for (String f : features) {
      if (!featureNames.contains(f)) {
        problems.add("model " + id + "@" + version + " needs feature '" + f + "', which is not defined; defined: " + featureNames);
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
  }

  @Override
  public double score(FeatureVector v) {
    Layout l = layout;
    if (l == null || l.names != v.names()) {
      l = resolve(v.names());
      layout = l;
    }
    double sum = intercept;
    int[] idx = l.indices;
    for (int i = 0; i < idx.length; i++) {
      sum += weights[i] * v.value(idx[i]);
    }
    switch (squashing) {
      case TANH:
        return StrictMath.tanh(sum);
      case CLIP:
        return Math.max(-1.0, Math.min(1.0, sum));
      default:
        return sum;
    }
  }

  private Layout resolve(List<String> names) {
    int[] idx = new int[features.size()];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = names.indexOf(features.get(i));
      if (idx[i] < 0) {
        throw new IllegalArgumentException("model " + id + "@" + version + " needs feature '" + features.get(i)
            + "', which the vector lacks; vector features: " + names);
      }
    }
    return new Layout(names, idx);
  }

  @Override
  public String toString() {
    return "LinearSignalModel[" + id + "@" + version + ", intercept=" + intercept + ", " + squashing + ", features=" + features + "]";
  }

  /** Positions of the model's features in one vector layout (compared by identity). */
  private static final class Layout {
    final List<String> names;
    final int[] indices;

    Layout(List<String> names, int[] indices) {
      this.names = names;
      this.indices = indices;
    }
  }

  /** Builds a {@link LinearSignalModel}. Not thread-safe. */
  public static final class Builder {
    private final String id;
    private final String version;
    private final Map<String, Double> weights = new LinkedHashMap<>();
    private double intercept;
    private Squashing squashing = Squashing.TANH;

    private Builder(@Nullable String id, @Nullable String version) {
      this.id = requireText(id, "LinearSignalModel.id");
      this.version = requireText(version, "LinearSignalModel.version");
    }

    /** Adds the weight of one feature; each feature once, the weight finite. */
    public Builder weight(String feature, double weight) {
      requireText(feature, "LinearSignalModel.feature");
      check(Double.isFinite(weight), "LinearSignalModel.weight[" + feature + "]", "must be finite", weight);
      check(!weights.containsKey(feature), "LinearSignalModel.feature", "must be given once", "'" + feature + "' twice");
      weights.put(feature, weight);
      return this;
    }

    public Builder intercept(double v) {
      check(Double.isFinite(v), "LinearSignalModel.intercept", "must be finite", v);
      this.intercept = v;
      return this;
    }

    public Builder squashing(Squashing v) {
      this.squashing = required(v, "LinearSignalModel.squashing");
      return this;
    }

    /** Validates (at least one weight) and builds. */
    public LinearSignalModel build() {
      check(!weights.isEmpty(), "LinearSignalModel.weights", "must have at least one feature", 0);
      return new LinearSignalModel(this);
    }
  }
}
