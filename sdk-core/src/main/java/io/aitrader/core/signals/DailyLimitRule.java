package io.aitrader.core.signals;

import io.aitrader.api.feature.FeatureVector;
import java.util.Set;

/**
 * At most {@code max} entry signals per series per IST day (the day of the vector's timestamp); the count starts
 * again on the next IST day. State per series: [epoch day, count that day].
 */
final class DailyLimitRule extends Rule {
  private final int max;

  DailyLimitRule(int max) {
    this.max = max;
  }

  @Override
  public String describe() {
    return "max " + max + " per day";
  }

  @Override
  void collectFeatures(Set<String> out) {}

  @Override
  BoundRule bind(Binder binder) {
    int slot = binder.longs(2);
    return new BoundRule() {
      private long countToday(EvalContext c) {
        return c.longs[slot] == c.epochDay ? c.longs[slot + 1] : 0;
      }

      @Override
      boolean test(FeatureVector v, EvalContext c) {
        return countToday(c) < max;
      }

      @Override
      boolean explain(FeatureVector v, EvalContext c, StringBuilder out) {
        long n = countToday(c);
        boolean passed = n < max;
        out.append("signals today ").append(n).append(" < max ").append(max);
        Reasons.mark(out, passed);
        return passed;
      }

      @Override
      void update(FeatureVector v, EvalContext c, boolean entryEmitted) {
        if (entryEmitted) {
          long n = countToday(c);
          c.longs[slot] = c.epochDay;
          c.longs[slot + 1] = n + 1;
        }
      }
    };
  }
}
