package io.aitrader.core.signals;

import io.aitrader.api.feature.FeatureVector;
import java.util.Set;

/**
 * No entry signal within a time ({@code millis > 0}) or a number of vectors ({@code bars > 0}) of the series'
 * last one: holds when there was none, or when {@code now - last >= millis} / at least {@code bars} vectors
 * came after it (this one included). State per series: [has last, last time, vectors since, not counting
 * the current one].
 */
final class CooldownRule extends Rule {
  private final long millis;
  private final int bars;

  CooldownRule(long millis, int bars) {
    this.millis = millis;
    this.bars = bars;
  }

  @Override
  public String describe() {
    return "cooldown " + (bars > 0 ? bars + " bars" : Reasons.duration(millis));
  }

  @Override
  void collectFeatures(Set<String> out) {}

  @Override
  BoundRule bind(Binder binder) {
    int slot = binder.longs(3);
    return new BoundRule() {
      @Override
      boolean test(FeatureVector v, EvalContext c) {
        long[] l = c.longs;
        if (l[slot] == 0) {
          return true;
        }
        return bars > 0 ? l[slot + 2] + 1 >= bars : c.timestampMillis - l[slot + 1] >= millis;
      }

      @Override
      boolean explain(FeatureVector v, EvalContext c, StringBuilder out) {
        boolean passed = test(v, c);
        long[] l = c.longs;
        out.append(describe()).append(": ");
        if (l[slot] == 0) {
          out.append("no earlier signal");
        } else if (bars > 0) {
          out.append(l[slot + 2] + 1).append(" bars since last");
        } else {
          out.append(Reasons.duration(c.timestampMillis - l[slot + 1])).append(" since last");
        }
        Reasons.mark(out, passed);
        return passed;
      }

      @Override
      void update(FeatureVector v, EvalContext c, boolean entryEmitted) {
        long[] l = c.longs;
        if (entryEmitted) {
          l[slot] = 1;
          l[slot + 1] = c.timestampMillis;
          l[slot + 2] = 0;
        } else if (l[slot] != 0) {
          l[slot + 2]++;
        }
      }
    };
  }
}
