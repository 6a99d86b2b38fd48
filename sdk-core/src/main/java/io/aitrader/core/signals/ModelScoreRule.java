package io.aitrader.core.signals;

import io.aitrader.api.feature.FeatureVector;
import io.aitrader.api.signal.SignalModel;
import java.util.Set;

/**
 * {@code model.score(v) <op> threshold}. When the model is the rule set's own, the score already computed for
 * the evaluation is reused. A score that is not finite or outside {@code [-1, 1]}, or a model that throws, fails
 * the rule. Stateless.
 */
final class ModelScoreRule extends Rule {
  private final SignalModel model;
  private final Comparison op;
  private final double threshold;

  ModelScoreRule(SignalModel model, Comparison op, double threshold) {
    this.model = model;
    this.op = op;
    this.threshold = threshold;
  }

  @Override
  public String describe() {
    return "model " + model.id() + "@" + model.version() + " score " + op.symbol() + " " + Reasons.number(threshold);
  }

  @Override
  void collectFeatures(Set<String> out) {
    out.addAll(model.requiredFeatures());
  }

  @Override
  BoundRule bind(Binder binder) {
    String label = "model " + model.id() + "@" + model.version() + " score ";
    return new BoundRule() {
      private double score(FeatureVector v, EvalContext c) {
        if (c.model == model) {
          return c.score;
        }
        return Scores.safeScore(model, v);
      }

      @Override
      boolean test(FeatureVector v, EvalContext c) {
        return op.test(score(v, c), threshold);
      }

      @Override
      boolean explain(FeatureVector v, EvalContext c, StringBuilder out) {
        double s = score(v, c);
        boolean passed = op.test(s, threshold);
        out.append(label).append(Reasons.number(s)).append(' ').append(op.symbol()).append(' ')
            .append(Reasons.number(threshold));
        Reasons.mark(out, passed);
        return passed;
      }
    };
  }
}
