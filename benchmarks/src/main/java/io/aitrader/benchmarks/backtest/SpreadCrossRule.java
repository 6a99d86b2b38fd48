package io.aitrader.benchmarks.backtest;

import org.jspecify.annotations.Nullable;
import org.ta4j.core.Indicator;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.num.Num;
import org.ta4j.core.rules.AbstractRule;

/**
 * The crossover rule of this project's {@code ema-cross} strategy, for ta4j: a spread (fast − slow) crossing
 * <b>up</b> is "previous ≤ 0 and current > 0"; crossing <b>down</b> is "previous ≥ 0 and current < 0". Undefined
 * values (before both EMAs exist) never satisfy it.
 *
 * <p>ta4j's {@code CrossedUpIndicatorRule} / {@code CrossedDownIndicatorRule} (its {@code CrossIndicator}) mean
 * something else when the spread touches zero: they look back over any run of bars where the two are equal to the
 * last bar where they differed, so "+, 0, +" is no crossing for ta4j but a crossing up for this project, and
 * "−, 0, 0, +" is a crossing for both. This rule is written out so that both sides decide on the same definition.
 */
final class SpreadCrossRule extends AbstractRule {
  private final Indicator<Num> spread;
  private final boolean up;
  private final Num zero;

  private SpreadCrossRule(Indicator<Num> spread, boolean up) {
    this.spread = spread;
    this.up = up;
    this.zero = spread.zero();
  }

  /** Satisfied on the bar where {@code spread} goes from ≤ 0 to > 0. */
  static SpreadCrossRule up(Indicator<Num> spread) {
    return new SpreadCrossRule(spread, true);
  }

  /** Satisfied on the bar where {@code spread} goes from ≥ 0 to < 0. */
  static SpreadCrossRule down(Indicator<Num> spread) {
    return new SpreadCrossRule(spread, false);
  }

  @Override
  public boolean isSatisfied(int index, @Nullable TradingRecord tradingRecord) {
    boolean satisfied = false;
    if (index > spread.getBarSeries().getBeginIndex()) {
      Num previous = spread.getValue(index - 1);
      Num current = spread.getValue(index);
      if (!previous.isNaN() && !current.isNaN()) {
        satisfied = up
            ? previous.isLessThanOrEqual(zero) && current.isGreaterThan(zero)
            : previous.isGreaterThanOrEqual(zero) && current.isLessThan(zero);
      }
    }
    traceIsSatisfied(index, satisfied);
    return satisfied;
  }
}
