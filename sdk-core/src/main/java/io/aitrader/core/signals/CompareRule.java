package io.aitrader.core.signals;

import io.aitrader.api.feature.FeatureVector;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** {@code feature <op> constant} or {@code feature <op> otherFeature}; stateless. */
final class CompareRule extends Rule {
  private final String left;
  private final Comparison op;
  private final @Nullable String right;
  private final double constant;

  CompareRule(String left, Comparison op, @Nullable String right, double constant) {
    this.left = left;
    this.op = op;
    this.right = right;
    this.constant = constant;
  }

  @Override
  public String describe() {
    return left + " " + op.symbol() + " " + (right != null ? right : Reasons.number(constant));
  }

  @Override
  void collectFeatures(Set<String> out) {
    out.add(left);
    if (right != null) {
      out.add(right);
    }
  }

  @Override
  BoundRule bind(Binder binder) {
    int li = binder.index(left);
    int ri = right != null ? binder.index(right) : -1;
    return new BoundRule() {
      @Override
      boolean test(FeatureVector v, EvalContext c) {
        return op.test(v.value(li), ri < 0 ? constant : v.value(ri));
      }

      @Override
      boolean explain(FeatureVector v, EvalContext c, StringBuilder out) {
        double a = v.value(li);
        double b = ri < 0 ? constant : v.value(ri);
        out.append(left).append('=').append(Reasons.number(a)).append(' ').append(op.symbol()).append(' ');
        if (right != null) {
          out.append(right).append('=');
        }
        out.append(Reasons.number(b));
        boolean passed = op.test(a, b);
        Reasons.mark(out, passed);
        return passed;
      }
    };
  }
}
