package io.aitrader.core.indicators;

import io.aitrader.api.market.BarView;

/**
 * Where a single-value indicator takes its number from each bar: a bar field ({@link #CLOSE}, …) or another
 * indicator's output ({@link #of(Indicator, int)}: this is how indicators compose, e.g. EMA of RSI).
 *
 * <p>{@link #next(BarView)} is called exactly once per bar, in order; an indicator-backed input updates its inner
 * indicator there and returns {@code NaN} until that one is ready (the outer indicator then skips the bar, so warm-ups
 * add up). Allocation-free.
 */
public interface Input {

  /** The input's value for this bar ({@code NaN} when it has none yet). Call once per bar. */
  double next(BarView bar);

  /**
   * Bars consumed before the bar that gives this input's first value: 0 for bar fields; {@code w - 1} for an
   * indicator with warm-up {@code w}. An indicator needing {@code n} input values is thus ready after
   * {@code input.warmUp() + n} bars.
   */
  default int warmUp() {
    return 0;
  }

  /** Canonical name: {@code close}, {@code rsi(close,14)}, {@code macd(close,12,26,9).signal}. */
  String name();

  default void reset() {}

  default void saveState(IndicatorState.Writer out) {}

  default void restoreState(IndicatorState.Reader in) {}

  Input OPEN = field("open", 0);
  Input HIGH = field("high", 1);
  Input LOW = field("low", 2);
  Input CLOSE = field("close", 3);
  Input VOLUME = field("volume", 4);
  /** (high + low) / 2. */
  Input HL2 = field("hl2", 5);
  /** Typical price (high + low + close) / 3. */
  Input HLC3 = field("hlc3", 6);

  /** The bar fields by name: open, high, low, close, volume, hl2, hlc3. */
  static java.util.Optional<Input> field(String name) {
    for (Input i : new Input[] {OPEN, HIGH, LOW, CLOSE, VOLUME, HL2, HLC3}) {
      if (i.name().equals(name)) {
        return java.util.Optional.of(i);
      }
    }
    return java.util.Optional.empty();
  }

  /** Output {@code output} of {@code indicator}, which this input then owns and updates. */
  static Input of(Indicator indicator, int output) {
    return new IndicatorInput(indicator, output);
  }

  /** Output 0 of {@code indicator}. */
  static Input of(Indicator indicator) {
    return new IndicatorInput(indicator, 0);
  }

  private static Input field(String name, int which) {
    return new FieldInput(name, which);
  }
}
