package io.aitrader.core.signals;

import io.aitrader.api.feature.FeatureVector;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code a} crosses above (below) {@code b} or a constant: on the previous vector of the series {@code a <= b}
 * ({@code a >= b}) and on this one {@code a > b} ({@code a < b}). Holds on the crossing vector only; never on the
 * first vector of a series. Keeps the previous pair in two double slots per series.
 */
final class CrossRule extends Rule {
  private final String left;
  private final @Nullable String right;
  private final double constant;
  private final boolean above;

  CrossRule(String left, @Nullable String right, double constant, boolean above) {
    this.left = left;
    this.right = right;
    this.constant = constant;
    this.above = above;
  }

  @Override
  public String describe() {
    return left + (above ? " crosses above " : " crosses below ") + (right != null ? right : Reasons.number(constant));
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
    int slot = binder.doubles(2);
    return new BoundRule() {
      private double rightOf(FeatureVector v) {
        return ri < 0 ? constant : v.value(ri);
      }

      private boolean crossed(double prevA, double prevB, double a, double b) {
        return above ? prevA <= prevB && a > b : prevA >= prevB && a < b;
      }

      @Override
      boolean test(FeatureVector v, EvalContext c) {
        return crossed(c.doubles[slot], c.doubles[slot + 1], v.value(li), rightOf(v));
      }

      @Override
      boolean explain(FeatureVector v, EvalContext c, StringBuilder out) {
        double a = v.value(li);
        double b = rightOf(v);
        double prevA = c.doubles[slot];
        double prevB = c.doubles[slot + 1];
        boolean passed = crossed(prevA, prevB, a, b);
        out.append(describe()).append(": ").append(Reasons.number(a)).append(above ? " > " : " < ")
            .append(Reasons.number(b)).append(", was ");
        if (Double.isNaN(prevA)) {
          out.append("n/a");
        } else {
          out.append(Reasons.number(prevA)).append(above ? " <= " : " >= ").append(Reasons.number(prevB));
        }
        Reasons.mark(out, passed);
        return passed;
      }

      @Override
      void update(FeatureVector v, EvalContext c, boolean entryEmitted) {
        c.doubles[slot] = v.value(li);
        c.doubles[slot + 1] = rightOf(v);
      }
    };
  }
}
