package io.aitrader.core.signals;

import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.feature.FeatureVector;
import org.jspecify.annotations.Nullable;

/** Binds one rule to {@link Vectors#NAMES} with the state of one series, as the service does. */
final class RuleHarness {
  private final BoundRule bound;
  private final SeriesState state;
  private final EvalContext ctx = new EvalContext();

  RuleHarness(Rule rule) {
    Binder binder = new Binder(Vectors.NAMES);
    this.bound = rule.bind(binder);
    this.state = new SeriesState(binder.doubleCount(), binder.longCount());
  }

  /** Evaluates {@code v} (test and explain must agree), then updates state as if nothing was emitted. */
  Outcome step(FeatureVector v) {
    return step(v, false);
  }

  /** Evaluates {@code v}, then updates state as if an entry was emitted exactly when the rule passed. */
  Outcome stepEmittingWhenPassed(FeatureVector v) {
    ctx.reset(v.timestampMillis(), state, Double.NaN);
    return evaluateAndUpdate(v, null);
  }

  /** Evaluates {@code v}, then updates state with whether an entry was emitted. */
  Outcome step(FeatureVector v, boolean emitted) {
    ctx.reset(v.timestampMillis(), state, Double.NaN);
    return evaluateAndUpdate(v, emitted);
  }

  private Outcome evaluateAndUpdate(FeatureVector v, @Nullable Boolean emitted) {
    boolean passed = bound.test(v, ctx);
    StringBuilder reason = new StringBuilder();
    boolean explained = bound.explain(v, ctx, reason);
    assertThat(explained).as("explain agrees with test for %s", reason).isEqualTo(passed);
    bound.update(v, ctx, emitted != null ? emitted : passed);
    return new Outcome(passed, reason.toString());
  }

  record Outcome(boolean passed, String reason) {}
}
