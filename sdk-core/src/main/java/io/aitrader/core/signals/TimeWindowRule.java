package io.aitrader.core.signals;

import io.aitrader.api.feature.FeatureVector;
import java.util.Set;

/**
 * The vector's IST time of day is in {@code [from, to)}: taken from the vector's timestamp, never the clock.
 * {@code noEntriesAfter(t)} is {@code [00:00, t)}. Stateless.
 */
final class TimeWindowRule extends Rule {
  private final long fromMillis;
  private final long toMillis;

  TimeWindowRule(long fromMillisOfDay, long toMillisOfDay) {
    this.fromMillis = fromMillisOfDay;
    this.toMillis = toMillisOfDay;
  }

  @Override
  public String describe() {
    return fromMillis == 0 ? "time before " + Reasons.timeOfDay(toMillis) + " IST"
        : "time in [" + Reasons.timeOfDay(fromMillis) + ", " + Reasons.timeOfDay(toMillis) + ") IST";
  }

  @Override
  void collectFeatures(Set<String> out) {}

  @Override
  BoundRule bind(Binder binder) {
    return new BoundRule() {
      @Override
      boolean test(FeatureVector v, EvalContext c) {
        return c.millisOfDay >= fromMillis && c.millisOfDay < toMillis;
      }

      @Override
      boolean explain(FeatureVector v, EvalContext c, StringBuilder out) {
        boolean passed = test(v, c);
        out.append("time ").append(Reasons.timeOfDay(c.millisOfDay));
        if (fromMillis == 0) {
          out.append(" IST before ").append(Reasons.timeOfDay(toMillis));
        } else {
          out.append(" IST in [").append(Reasons.timeOfDay(fromMillis)).append(", ")
              .append(Reasons.timeOfDay(toMillis)).append(')');
        }
        Reasons.mark(out, passed);
        return passed;
      }
    };
  }
}
