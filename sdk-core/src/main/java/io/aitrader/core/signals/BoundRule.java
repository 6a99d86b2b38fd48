package io.aitrader.core.signals;

import io.aitrader.api.feature.FeatureVector;

/**
 * A {@link Rule} bound to one registration: feature indices resolved, state slots reserved in the per-series
 * arrays of {@link EvalContext}. {@link #test} and {@link #explain} only read state; {@link #update} writes it
 * after every evaluation. Single-threaded (the service's thread).
 */
abstract class BoundRule {

  /** Whether the rule holds for {@code v}; allocation-free. */
  abstract boolean test(FeatureVector v, EvalContext c);

  /** Appends {@code <what was seen> <rule> ✓|✗} to {@code out} and returns what {@link #test} returns. */
  abstract boolean explain(FeatureVector v, EvalContext c, StringBuilder out);

  /**
   * Called once per evaluation of a series after the decision: {@code entryEmitted} tells whether a LONG/SHORT
   * signal was emitted for it. Allocation-free.
   */
  void update(FeatureVector v, EvalContext c, boolean entryEmitted) {}

  /** Whether this is the rule that always holds (left out of reasons). */
  boolean isAlways() {
    return false;
  }
}
