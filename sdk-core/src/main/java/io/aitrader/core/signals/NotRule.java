package io.aitrader.core.signals;

import io.aitrader.api.feature.FeatureVector;
import java.util.Set;

/** Holds when its child does not; state is the child's. */
final class NotRule extends Rule {
  private final Rule child;

  NotRule(Rule child) {
    this.child = child;
  }

  @Override
  public String describe() {
    return "not(" + child.describe() + ")";
  }

  @Override
  void collectFeatures(Set<String> out) {
    child.collectFeatures(out);
  }

  @Override
  BoundRule bind(Binder binder) {
    BoundRule inner = child.bind(binder);
    return new BoundRule() {
      @Override
      boolean test(FeatureVector v, EvalContext c) {
        return !inner.test(v, c);
      }

      @Override
      boolean explain(FeatureVector v, EvalContext c, StringBuilder out) {
        out.append("not(");
        boolean passed = !inner.explain(v, c, out);
        out.append(')');
        Reasons.mark(out, passed);
        return passed;
      }

      @Override
      void update(FeatureVector v, EvalContext c, boolean entryEmitted) {
        inner.update(v, c, entryEmitted);
      }
    };
  }
}
