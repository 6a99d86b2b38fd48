package io.aitrader.core.indicators;

import io.aitrader.api.market.BarView;

/** Another indicator's output as an input: owns and updates that indicator. */
final class IndicatorInput implements Input {
  private final Indicator inner;
  private final int output;
  private final String name;

  IndicatorInput(Indicator inner, int output) {
    if (output < 0 || output >= inner.outputs().size()) {
      throw new IllegalArgumentException(inner.name() + " has no output " + output + "; outputs: " + inner.outputs());
    }
    this.inner = inner;
    this.output = output;
    this.name = output == 0 ? inner.name() : inner.name() + "." + inner.outputs().get(output);
  }

  @Override
  public double next(BarView bar) {
    inner.update(bar);
    if (!inner.isReady() || (inner instanceof ValueIndicator && !((ValueIndicator) inner).advancedOnLastBar())) {
      return Double.NaN; // not warmed up, or skipped this bar (a gap): nothing new to pass on
    }
    return inner.value(output);
  }

  @Override
  public int warmUp() {
    return inner.warmUp() - 1;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void reset() {
    inner.reset();
  }

  @Override
  public void saveState(IndicatorState.Writer out) {
    inner.saveState(out);
  }

  @Override
  public void restoreState(IndicatorState.Reader in) {
    inner.restoreState(in);
  }

  @Override
  public String toString() {
    return name;
  }
}
