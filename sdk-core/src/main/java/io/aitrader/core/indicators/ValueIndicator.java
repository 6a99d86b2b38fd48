package io.aitrader.core.indicators;

import io.aitrader.api.market.BarView;

/**
 * Base of indicators computed from one number per bar taken from an {@link Input} (a bar field or another
 * indicator). Subclasses implement {@link #accept(double)}; a {@code NaN} input (an inner indicator still warming
 * up, or a missing value) is skipped: it does not advance the indicator.
 */
public abstract class ValueIndicator implements Indicator {
  protected final Input input;
  private boolean advanced;

  protected ValueIndicator(Input input) {
    this.input = input;
  }

  @Override
  public final void update(BarView bar) {
    double x = input.next(bar);
    advanced = !Double.isNaN(x);
    if (advanced) {
      accept(x);
    }
  }

  /**
   * Whether the last {@link #update(BarView)} advanced this indicator (its input had a value). An indicator used
   * as another's input yields nothing on a bar where it did not advance, so no stale value is counted twice.
   */
  public final boolean advancedOnLastBar() {
    return advanced;
  }

  /** Feeds the next value of the series directly (not from a bar); {@code NaN} must not be passed. */
  public abstract void accept(double x);

  /** Bars before ready: the input's warm-up plus this indicator's own values needed. */
  @Override
  public final int warmUp() {
    return input.warmUp() + ownWarmUp();
  }

  /** Values of the input needed before ready. */
  protected abstract int ownWarmUp();

  @Override
  public void reset() {
    input.reset();
    resetOwn();
  }

  protected abstract void resetOwn();

  @Override
  public final void saveState(IndicatorState.Writer out) {
    input.saveState(out);
    saveOwn(out);
  }

  @Override
  public final void restoreState(IndicatorState.Reader in) {
    input.restoreState(in);
    restoreOwn(in);
  }

  protected abstract void saveOwn(IndicatorState.Writer out);

  protected abstract void restoreOwn(IndicatorState.Reader in);

  @Override
  public String toString() {
    return name();
  }
}
