package io.aitrader.core.signals;

import io.aitrader.api.feature.FeatureVector;
import io.aitrader.api.signal.SignalModel;

/** Calling a {@link SignalModel} defensively. Stateless. */
final class Scores {
  private Scores() {}

  /** The model's score, or NaN when it throws or returns a value that is not finite or outside {@code [-1, 1]}. */
  static double safeScore(SignalModel model, FeatureVector v) {
    double s;
    try {
      s = model.score(v);
    } catch (RuntimeException e) {
      return Double.NaN;
    }
    return s >= -1 && s <= 1 ? s : Double.NaN;
  }
}
