package io.aitrader.core.indicators;

import io.aitrader.api.market.BarView;
import java.util.List;

/**
 * An incremental technical indicator over one instrument's bar series.
 *
 * <p>Contract, for every implementation:
 * <ul>
 *   <li>{@link #update(BarView)} takes the next complete bar, in time order, in O(1) and allocates nothing.</li>
 *   <li>Before {@link #isReady()} every output is {@code Double.NaN}; after it, every output is finite or, where the
 *       definition divides by zero (a flat series), the documented fallback.</li>
 *   <li>{@link #warmUp()} is the number of bars after which it is ready (TA-Lib's lookback + 1 for a plain input).</li>
 *   <li>Definitions follow TA-Lib; each class's Javadoc cites the formula, seeding and stdev convention.</li>
 *   <li>{@link #saveState}/{@link #restoreState} round-trip the complete state bit for bit, so a restored
 *       indicator continues exactly as the original would.</li>
 * </ul>
 * Not thread-safe: one instance per instrument and interval, updated by one thread.
 */
public interface Indicator {

  /** Feeds the next complete bar (callers pass complete bars only; the Feature service drops partial ones). */
  void update(BarView bar);

  /** Whether the outputs are defined. */
  boolean isReady();

  /** The main output (output 0); {@code NaN} before ready. */
  double value();

  /** Output {@code index} (0 = {@link #value()}); {@code NaN} before ready. */
  default double value(int index) {
    if (index != 0) {
      throw new IndexOutOfBoundsException("output " + index + " of " + name() + " (it has " + outputs().size() + ": " + outputs() + ")");
    }
    return value();
  }

  /** The output names of a single-output indicator. */
  List<String> SINGLE_OUTPUT = List.of("value");

  /** Output names, index order; e.g. {@code [value]}, or {@code [line, signal, histogram]} for MACD. */
  default List<String> outputs() {
    return SINGLE_OUTPUT;
  }

  /** Bars needed before {@link #isReady()}. */
  int warmUp();

  /** A canonical name with parameters, e.g. {@code ema(close,20)}; equal names mean equal definitions. */
  String name();

  /** Forgets all bars seen. */
  void reset();

  /** Writes the complete state (including inputs' state) to {@code out}. */
  void saveState(IndicatorState.Writer out);

  /** Restores a state written by {@link #saveState} of an indicator with the same {@link #name()}. */
  void restoreState(IndicatorState.Reader in);
}
