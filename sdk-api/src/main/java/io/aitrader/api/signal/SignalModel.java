package io.aitrader.api.signal;

import io.aitrader.api.feature.FeatureVector;
import java.util.List;

/**
 * A scoring model: maps a {@link FeatureVector} to a score in {@code [-1, 1]} (positive favours long, negative
 * short; e.g. {@code 2p − 1} for a classifier's probability {@code p} of an up move). {@code sdk-ml} implements
 * it for XGBoost models; a hand-written rule is a model too.
 *
 * <pre>{@code
 * SignalModel rsiReversion = new SignalModel() {
 *   public String id() { return "rsi-reversion"; }
 *   public String version() { return "1"; }
 *   public List<String> requiredFeatures() { return List.of("rsi(14)"); }
 *   public double score(FeatureVector v) { return (50 - v.value(0)) / 50; }
 * };
 * }</pre>
 *
 * <p>Contract: {@link #score} is deterministic (same vector, same score), free of side effects, thread-safe and
 * cheap; it returns a finite value in {@code [-1, 1]} (the signal service rejects others and counts them).
 * Never returns null.
 */
public interface SignalModel {

  /** A stable identifier, e.g. {@code xgb-momentum}; recorded in every signal. */
  String id();

  /** The version of the trained artefact or rule, e.g. a date or a content hash; recorded in every signal. */
  String version();

  /**
   * The feature names {@link #score} reads, in the order it expects them; the signal service checks at
   * registration that the feature service defines them all.
   */
  List<String> requiredFeatures();

  /** The score of {@code features}, finite, in {@code [-1, 1]}. */
  double score(FeatureVector features);
}
