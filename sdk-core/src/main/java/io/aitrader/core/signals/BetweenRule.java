package io.aitrader.core.signals;

import io.aitrader.api.feature.FeatureVector;
import java.util.Set;

/** {@code lo <= feature <= hi}; stateless. */
final class BetweenRule extends Rule {
  private final String feature;
  private final double lo;
  private final double hi;

  BetweenRule(String feature, double lo, double hi) {
    this.feature = feature;
    this.lo = lo;
    this.hi = hi;
  }

  @Override
  public String describe() {
    return feature + " in [" + Reasons.number(lo) + ", " + Reasons.number(hi) + "]";
  }

  @Override
  void collectFeatures(Set<String> out) {
    out.add(feature);
  }

  @Override
  BoundRule bind(Binder binder) {
    int i = binder.index(feature);
    return new BoundRule() {
      @Override
      boolean test(FeatureVector v, EvalContext c) {
        double x = v.value(i);
        return x >= lo && x <= hi;
      }

      @Override
      boolean explain(FeatureVector v, EvalContext c, StringBuilder out) {
        boolean passed = test(v, c);
        out.append(feature).append('=').append(Reasons.number(v.value(i)))
            .append(" in [").append(Reasons.number(lo)).append(", ").append(Reasons.number(hi)).append(']');
        Reasons.mark(out, passed);
        return passed;
      }
    };
  }
}
