package io.aitrader.core.market.synthetic;

/**
 * The intraday U-shape of trading activity over one session, as a piecewise-constant rate per one-minute bucket,
 * normalized so its mean over the session is 1; and its integral, the "activity clock", which maps activity time
 * to clock time. Quotes arrive as a Poisson process in activity time, so they cluster at the open and the close;
 * price variance accrues in activity time too, so volatility follows the same U.
 *
 * <p>Shape: {@code 0.6 + 2.4·e^(−τ/0.05) + 1.4·e^(−(1−τ)/0.06)} of the session fraction τ — about five times the
 * midday activity in the first minutes and about three times in the last. Immutable.
 */
final class Seasonality {
  static final long BUCKET_MILLIS = 60_000L;

  private final long lengthMillis;
  /** Activity rate of bucket m (mean 1 over the session). */
  private final double[] rate;
  /** Activity-milliseconds elapsed at the start of bucket m; {@code cum[buckets]} = session length. */
  private final double[] cum;

  Seasonality(long lengthMillis, boolean uShaped) {
    this.lengthMillis = lengthMillis;
    int buckets = (int) ((lengthMillis + BUCKET_MILLIS - 1) / BUCKET_MILLIS);
    rate = new double[buckets];
    cum = new double[buckets + 1];
    double total = 0;
    for (int m = 0; m < buckets; m++) {
      double mid = (m * BUCKET_MILLIS + bucketLength(m) / 2.0) / lengthMillis;
      rate[m] = uShaped ? 0.6 + 2.4 * StrictMath.exp(-mid / 0.05) + 1.4 * StrictMath.exp(-(1 - mid) / 0.06) : 1.0;
      total += rate[m] * bucketLength(m);
    }
    double scale = lengthMillis / total;
    for (int m = 0; m < buckets; m++) {
      rate[m] *= scale;
      cum[m + 1] = cum[m] + rate[m] * bucketLength(m);
    }
    cum[buckets] = lengthMillis;
  }

  private long bucketLength(int m) {
    return Math.min(BUCKET_MILLIS, lengthMillis - m * BUCKET_MILLIS);
  }

  long lengthMillis() {
    return lengthMillis;
  }

  int buckets() {
    return rate.length;
  }

  /** Total activity time of the session (equal to its length). */
  double totalActivity() {
    return cum[rate.length];
  }

  double cumulativeAt(int bucket) {
    return cum[bucket];
  }

  double rate(int bucket) {
    return rate[bucket];
  }
}
