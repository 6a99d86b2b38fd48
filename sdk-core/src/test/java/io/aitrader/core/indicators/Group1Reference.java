package io.aitrader.core.indicators;

import java.util.Arrays;

/**
 * Straightforward, non-incremental implementations of the group-1 definitions, for comparison: window indicators
 * recompute from the whole window at every index (two-pass mean and variance); recursive ones (EMA, RSI) run the
 * TA-Lib batch loop over the whole series. Each returns one output per input index, {@code NaN} before ready.
 */
final class Group1Reference {
  private Group1Reference() {}

  private static double[] nans(int n) {
    double[] out = new double[n];
    Arrays.fill(out, Double.NaN);
    return out;
  }

  static double mean(double[] x, int from, int to) {
    double s = 0;
    for (int j = from; j < to; j++) {
      s += x[j];
    }
    return s / (to - from);
  }

  /** Two-pass population standard deviation of {@code x[from..to)}. */
  static double popStdev(double[] x, int from, int to) {
    double m = mean(x, from, to);
    double s = 0;
    for (int j = from; j < to; j++) {
      s += (x[j] - m) * (x[j] - m);
    }
    return Math.sqrt(s / (to - from));
  }

  static double[] sma(double[] x, int n) {
    double[] out = nans(x.length);
    for (int i = n - 1; i < x.length; i++) {
      out[i] = mean(x, i - n + 1, i + 1);
    }
    return out;
  }

  /** EMA over the non-NaN tail of {@code x} (leading NaNs are an input still warming up). */
  static double[] ema(double[] x, int n) {
    double[] out = nans(x.length);
    int first = 0;
    while (first < x.length && Double.isNaN(x[first])) {
      first++;
    }
    if (first + n > x.length) {
      return out;
    }
    double k = 2.0 / (n + 1);
    double e = 0;
    for (int j = first; j < first + n; j++) {
      e += x[j];
    }
    e /= n;
    out[first + n - 1] = e;
    for (int i = first + n; i < x.length; i++) {
      e = (x[i] - e) * k + e;
      out[i] = e;
    }
    return out;
  }

  static double[] wma(double[] x, int n) {
    double[] out = nans(x.length);
    for (int i = n - 1; i < x.length; i++) {
      double s = 0;
      for (int w = 1; w <= n; w++) {
        s += w * x[i - n + w];
      }
      out[i] = s / (n * (n + 1) / 2.0);
    }
    return out;
  }

  static double[] dema(double[] x, int n) {
    double[] e1 = ema(x, n);
    double[] e2 = ema(e1, n);
    double[] out = nans(x.length);
    for (int i = 0; i < x.length; i++) {
      out[i] = Double.isNaN(e2[i]) ? Double.NaN : 2 * e1[i] - e2[i];
    }
    return out;
  }

  static double[] tema(double[] x, int n) {
    double[] e1 = ema(x, n);
    double[] e2 = ema(e1, n);
    double[] e3 = ema(e2, n);
    double[] out = nans(x.length);
    for (int i = 0; i < x.length; i++) {
      out[i] = Double.isNaN(e3[i]) ? Double.NaN : 3 * e1[i] - 3 * e2[i] + e3[i];
    }
    return out;
  }

  static double[] rsi(double[] x, int n) {
    double[] out = nans(x.length);
    if (x.length <= n) {
      return out;
    }
    double g = 0;
    double l = 0;
    for (int j = 1; j <= n; j++) {
      double c = x[j] - x[j - 1];
      g += Math.max(c, 0);
      l += Math.max(-c, 0);
    }
    g /= n;
    l /= n;
    out[n] = g + l == 0 ? 0 : 100 * (g / (g + l));
    for (int i = n + 1; i < x.length; i++) {
      double c = x[i] - x[i - 1];
      g = (g * (n - 1) + Math.max(c, 0)) / n;
      l = (l * (n - 1) + Math.max(-c, 0)) / n;
      out[i] = g + l == 0 ? 0 : 100 * (g / (g + l));
    }
    return out;
  }

  /** {line, signal, histogram}; the fast EMA starts at value {@code slow − fast} (TA-Lib alignment). */
  static double[][] macd(double[] x, int fast, int slow, int signal) {
    double[] slowE = ema(x, slow);
    double[] tail = x.clone();
    Arrays.fill(tail, 0, slow - fast, Double.NaN);
    double[] fastE = ema(tail, fast);
    double[] line = nans(x.length);
    for (int i = slow - 1; i < x.length; i++) {
      line[i] = fastE[i] - slowE[i];
    }
    double[] sig = ema(line, signal);
    double[] outLine = nans(x.length);
    double[] hist = nans(x.length);
    for (int i = 0; i < x.length; i++) {
      if (!Double.isNaN(sig[i])) {
        outLine[i] = line[i];
        hist[i] = line[i] - sig[i];
      }
    }
    return new double[][] {outLine, sig, hist};
  }

  /** {middle, upper, lower, percentB, bandwidth}. */
  static double[][] bollinger(double[] x, int n, double k) {
    double[][] out = {nans(x.length), nans(x.length), nans(x.length), nans(x.length), nans(x.length)};
    for (int i = n - 1; i < x.length; i++) {
      double m = mean(x, i - n + 1, i + 1);
      double sd = popStdev(x, i - n + 1, i + 1);
      double up = m + k * sd;
      double lo = m - k * sd;
      out[0][i] = m;
      out[1][i] = up;
      out[2][i] = lo;
      out[3][i] = up == lo ? 0.5 : (x[i] - lo) / (up - lo);
      out[4][i] = m == 0 ? 0 : (up - lo) / m;
    }
    return out;
  }

  static double[] roc(double[] x, int n) {
    double[] out = nans(x.length);
    for (int i = n; i < x.length; i++) {
      out[i] = x[i - n] == 0 ? 0 : (x[i] - x[i - n]) / x[i - n] * 100;
    }
    return out;
  }

  static double[] momentum(double[] x, int n) {
    double[] out = nans(x.length);
    for (int i = n; i < x.length; i++) {
      out[i] = x[i] - x[i - n];
    }
    return out;
  }

  static double[] logReturn(double[] x, int n) {
    double[] out = nans(x.length);
    for (int i = n; i < x.length; i++) {
      out[i] = Math.log(x[i] / x[i - n]);
    }
    return out;
  }

  static double[] volatility(double[] x, int n) {
    double[] out = nans(x.length);
    double[] r = new double[n];
    for (int i = n; i < x.length; i++) {
      for (int j = 0; j < n; j++) {
        int at = i - n + 1 + j;
        r[j] = Math.log(x[at] / x[at - 1]);
      }
      out[i] = popStdev(r, 0, n);
    }
    return out;
  }

  static double[] zscore(double[] x, int n) {
    double[] out = nans(x.length);
    for (int i = n - 1; i < x.length; i++) {
      double sd = popStdev(x, i - n + 1, i + 1);
      out[i] = sd == 0 ? 0 : (x[i] - mean(x, i - n + 1, i + 1)) / sd;
    }
    return out;
  }

  static double[] max(double[] x, int n) {
    double[] out = nans(x.length);
    for (int i = n - 1; i < x.length; i++) {
      double m = Double.NEGATIVE_INFINITY;
      for (int j = i - n + 1; j <= i; j++) {
        m = Math.max(m, x[j]);
      }
      out[i] = m;
    }
    return out;
  }

  static double[] min(double[] x, int n) {
    double[] out = nans(x.length);
    for (int i = n - 1; i < x.length; i++) {
      double m = Double.POSITIVE_INFINITY;
      for (int j = i - n + 1; j <= i; j++) {
        m = Math.min(m, x[j]);
      }
      out[i] = m;
    }
    return out;
  }
}
