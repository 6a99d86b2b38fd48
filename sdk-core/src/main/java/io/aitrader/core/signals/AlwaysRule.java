package io.aitrader.core.signals;

import io.aitrader.api.feature.FeatureVector;
import java.util.Set;

/** Always holds: the default entry rule. Left out of reasons. */
final class AlwaysRule extends Rule {
  static final AlwaysRule INSTANCE = new AlwaysRule();

  private static final BoundRule BOUND = new BoundRule() {
    @Override
    boolean test(FeatureVector v, EvalContext c) {
      return true;
    }

    @Override
    boolean explain(FeatureVector v, EvalContext c, StringBuilder out) {
      out.append("always").append(Reasons.PASS);
      return true;
    }

    @Override
    boolean isAlways() {
      return true;
    }
  };

  private AlwaysRule() {}

  @Override
  public String describe() {
    return "always";
  }

  @Override
  void collectFeatures(Set<String> out) {}

  @Override
  BoundRule bind(Binder binder) {
    return BOUND;
  }
}
