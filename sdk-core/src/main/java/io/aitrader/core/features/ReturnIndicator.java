package io.aitrader.core.features;

import io.aitrader.core.indicators.Input;
import io.aitrader.core.indicators.LagIndicator;

/**
 * The built-in {@code ret(series?, n)}: the simple return over {@code n} bars, {@code x[t] / x[t-n] - 1}, where
 * {@code x[t-n]} is the series value {@code n} bars ago. Ready after {@code n + 1} values; a zero past value gives
 * an infinite or {@code NaN} result (IEEE division), which the feature service treats as "no vector".
 * O(1) per value and allocation-free ({@link LagIndicator}).
 */
final class ReturnIndicator extends LagIndicator {
  static final IndicatorFactory FACTORY = IndicatorFactory.seriesAndInts(1, (in, p) -> new ReturnIndicator(in, p[0]));

  ReturnIndicator(Input input, int period) {
    super("ret", "ret", input, period);
  }

  @Override
  protected double compute(double x, double past) {
    return x / past - 1;
  }
}
