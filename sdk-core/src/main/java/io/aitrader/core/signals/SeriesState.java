package io.aitrader.core.signals;

import java.util.Arrays;

/**
 * The state of one strategy for one instrument and interval: rule slots, the last vector time and the side of the
 * last emitted signal. Single-threaded.
 */
final class SeriesState {
  final double[] doubles;
  final long[] longs;
  long lastTimestampMillis = Long.MIN_VALUE;
  /** The sign of the last emitted signal's direction: +1 LONG, -1 SHORT, 0 FLAT or none yet. */
  int position;

  SeriesState(int doubleSlots, int longSlots) {
    this.doubles = new double[doubleSlots];
    Arrays.fill(doubles, Double.NaN);
    this.longs = new long[longSlots];
  }
}
