package io.aitrader.core.backtest.results;

import java.util.Arrays;

/** Picks the points of a long series worth drawing: the minimum and maximum of each bucket, in order. */
final class Downsample {
  /** The most points a chart gets. */
  static final int MAX_POINTS = 2_000;

  private Downsample() {}

  /**
   * Indices into {@code values} to keep: all of them when there are at most {@code maxPoints}; otherwise the
   * series is cut into {@code maxPoints / 2} equal buckets and each keeps the index of its minimum and of its
   * maximum (first occurrence), ascending; so at most {@code maxPoints} indices, every extreme kept.
   */
  static int[] indices(double[] values, int maxPoints) {
    int n = values.length;
    if (n <= maxPoints) {
      int[] all = new int[n];
      Arrays.setAll(all, i -> i);
      return all;
    }
    int buckets = maxPoints / 2;
    int[] out = new int[buckets * 2];
    int size = 0;
    for (int b = 0; b < buckets; b++) {
      int from = (int) ((long) b * n / buckets);
      int to = (int) ((long) (b + 1) * n / buckets);
      int min = from;
      int max = from;
      for (int i = from + 1; i < to; i++) {
        if (values[i] < values[min]) {
          min = i;
        }
        if (values[i] > values[max]) {
          max = i;
        }
      }
      out[size++] = Math.min(min, max);
      if (min != max) {
        out[size++] = Math.max(min, max);
      }
    }
    return Arrays.copyOf(out, size);
  }
}
