package io.aitrader.benchmarks.backtest;

import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.RecursiveCachedIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.NaN;
import org.ta4j.core.num.Num;

/**
 * TA-Lib's EMA as a ta4j indicator, for the ta4j side of the backtest comparison: undefined ({@link NaN#NaN}) for the
 * first {@code n − 1} bars, the SMA of the first {@code n} values at bar {@code n − 1}, then
 * {@code ema += k·(x − ema)} with {@code k = 2 / (n + 1)}. ta4j's own {@code EMAIndicator} is seeded with the first
 * value instead, so its values differ from TA-Lib's (and this project's) for many bars and the two strategies would
 * not trade alike.
 *
 * <p>The arithmetic is exactly that of {@code io.aitrader.core.indicators.Ema}: the seed is a running sum divided by
 * {@code n}, each step is {@code Math.fma(ema, 1 − k, k·x)} in {@code double}. Both sides thus see bit-identical
 * EMAs, and a crossover decided on a spread of a few ulps cannot differ between them. Works on {@link DoubleNum}
 * series. Like every ta4j cached indicator it is bound to one series and is not meant to be shared between threads.
 */
final class TaLibEmaIndicator extends RecursiveCachedIndicator<Num> {
  private final Indicator<Num> input;
  private final int period;
  private final double k;
  private final double decay;

  TaLibEmaIndicator(Indicator<Num> input, int period) {
    super(input);
    if (period < 1) {
      throw new IllegalArgumentException("TaLibEmaIndicator.period must be >= 1, was " + period);
    }
    this.input = input;
    this.period = period;
    this.k = 2.0 / (period + 1);
    this.decay = 1 - k;
  }

  @Override
  protected Num calculate(int index) {
    int first = getBarSeries().getBeginIndex();
    int seedEnd = first + period - 1;
    if (index < seedEnd) {
      return NaN.NaN;
    }
    if (index == seedEnd) {
      double sum = 0;
      for (int i = first; i <= seedEnd; i++) {
        sum += input.getValue(i).doubleValue();
      }
      return DoubleNum.valueOf(sum / period);
    }
    double previous = getValue(index - 1).doubleValue();
    return DoubleNum.valueOf(Math.fma(previous, decay, input.getValue(index).doubleValue() * k));
  }

  @Override
  public int getUnstableBars() {
    return period;
  }
}
