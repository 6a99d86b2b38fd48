package io.aitrader.core.signals;

import io.aitrader.api.signal.SignalModel;
import io.aitrader.api.time.Ist;
import org.jspecify.annotations.Nullable;

/**
 * What rules see besides the vector during one evaluation: the vector's time in IST, the state of the series and
 * the score of the rule set's model. One instance per registration, reset per evaluation (no allocation).
 * Single-threaded.
 */
final class EvalContext {
  long timestampMillis;
  /** The IST date as an epoch day. */
  long epochDay;
  /** Milliseconds since IST midnight. */
  long millisOfDay;
  double[] doubles = new double[0];
  long[] longs = new long[0];
  /** The rule set's model, whose score is {@link #score}; null for rule-only sets. */
  @Nullable SignalModel model;
  /** That model's score for the vector; NaN when there is no model or its score was invalid. */
  double score = Double.NaN;

  void reset(long timestampMillis, SeriesState state, double score) {
    this.timestampMillis = timestampMillis;
    this.epochDay = Ist.epochDayOf(timestampMillis);
    this.millisOfDay = Ist.millisOfDay(timestampMillis);
    this.doubles = state.doubles;
    this.longs = state.longs;
    this.score = score;
  }
}
