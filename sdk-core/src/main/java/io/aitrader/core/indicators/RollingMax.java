package io.aitrader.core.indicators;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import java.util.Arrays;

/**
 * Rolling maximum of the last {@code n} values (TA-Lib {@code MAX}, lookback {@code n − 1}: ready after {@code n}
 * values). O(1) amortized with a monotonic deque held in primitive ring arrays (no allocation per update). Name
 * {@code max(<input>,<n>)}. Not thread-safe.
 */
public final class RollingMax extends ValueIndicator {
  private final int period;
  private final String name;
  private final Deque deque;

  public RollingMax(Input input, int period) {
    super(required(input, "RollingMax.input"));
    check(period >= 1, "RollingMax.period", "must be >= 1", period);
    this.period = period;
    this.name = "max(" + input.name() + "," + period + ")";
    this.deque = new Deque(period);
  }

  /** The maximum of the last {@code period} values of {@code input}. */
  public static RollingMax of(Input input, int period) {
    return new RollingMax(input, period);
  }

  public int period() {
    return period;
  }

  @Override
  public void accept(double x) {
    if (Double.isNaN(x)) {
      return;
    }
    deque.push(x);
  }

  @Override
  public boolean isReady() {
    return deque.isFull();
  }

  @Override
  public double value() {
    return deque.isFull() ? deque.max() : Double.NaN;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  protected int ownWarmUp() {
    return period;
  }

  @Override
  protected void resetOwn() {
    deque.reset();
  }

  @Override
  protected void saveOwn(IndicatorState.Writer out) {
    deque.save(out);
  }

  @Override
  protected void restoreOwn(IndicatorState.Reader in) {
    deque.restore(in);
  }

  /**
   * The maximum of a sliding window of {@code n} values: a deque of (sequence, value) in two primitive rings, values
   * strictly decreasing from front to back; the front is the maximum. Each value is added and removed once, so a push
   * is O(1) amortized. Shared with {@link RollingMin}, which pushes negated values.
   */
  static final class Deque {
    private final int n;
    private final double[] values;
    private final long[] seqs;
    private int head;
    private int size;
    private long seq;

    Deque(int n) {
      this.n = n;
      this.values = new double[n];
      this.seqs = new long[n];
    }

    void push(double x) {
      seq++;
      if (size > 0 && seqs[head] <= seq - n) {
        head = head + 1 == n ? 0 : head + 1;
        size--;
      }
      while (size > 0) {
        int back = head + size - 1;
        if (back >= n) {
          back -= n;
        }
        if (values[back] > x) {
          break;
        }
        size--;
      }
      int tail = head + size;
      if (tail >= n) {
        tail -= n;
      }
      values[tail] = x;
      seqs[tail] = seq;
      size++;
    }

    boolean isFull() {
      return seq >= n;
    }

    double max() {
      return values[head];
    }

    void reset() {
      Arrays.fill(values, 0.0);
      Arrays.fill(seqs, 0L);
      head = 0;
      size = 0;
      seq = 0;
    }

    void save(IndicatorState.Writer out) {
      out.putDoubles(values).putLongs(seqs).putInt(head).putInt(size).putLong(seq);
    }

    void restore(IndicatorState.Reader in) {
      in.getDoubles(values);
      in.getLongs(seqs);
      head = in.getInt();
      size = in.getInt();
      seq = in.getLong();
    }
  }
}
