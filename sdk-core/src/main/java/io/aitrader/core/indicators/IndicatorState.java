package io.aitrader.core.indicators;

import java.util.Arrays;

/**
 * The saved state of indicators: a flat sequence of 64-bit words (doubles stored as their raw bits, so a restore is
 * bit-exact). Writers append; readers read back in the same order. Not thread-safe.
 */
public final class IndicatorState {
  private IndicatorState() {}

  /** Appends words. */
  public static final class Writer {
    private long[] words = new long[64];
    private int size;

    public Writer putLong(long v) {
      if (size == words.length) {
        words = Arrays.copyOf(words, size * 2);
      }
      words[size++] = v;
      return this;
    }

    public Writer putDouble(double v) {
      return putLong(Double.doubleToRawLongBits(v));
    }

    public Writer putInt(int v) {
      return putLong(v);
    }

    public Writer putBoolean(boolean v) {
      return putLong(v ? 1 : 0);
    }

    /** Writes the length, then every element. */
    public Writer putDoubles(double[] values) {
      putInt(values.length);
      for (double v : values) {
        putDouble(v);
      }
      return this;
    }

    public Writer putLongs(long[] values) {
      putInt(values.length);
      for (long v : values) {
        putLong(v);
      }
      return this;
    }

    /** The words written so far. */
    public long[] toArray() {
      return Arrays.copyOf(words, size);
    }
  }

  /** Reads words back in the order they were written. */
  public static final class Reader {
    private final long[] words;
    private int position;

    public Reader(long[] words) {
      this.words = words.clone();
    }

    public long getLong() {
      if (position >= words.length) {
        throw new IllegalStateException("indicator state is shorter than expected: read past word " + words.length);
      }
      return words[position++];
    }

    public double getDouble() {
      return Double.longBitsToDouble(getLong());
    }

    public int getInt() {
      return Math.toIntExact(getLong());
    }

    public boolean getBoolean() {
      return getLong() != 0;
    }

    /** Reads an array written by {@link Writer#putDoubles} into {@code into}, which must have the same length. */
    public void getDoubles(double[] into) {
      int n = getInt();
      if (n != into.length) {
        throw new IllegalStateException("indicator state has an array of " + n + " values where " + into.length + " were expected");
      }
      for (int i = 0; i < n; i++) {
        into[i] = getDouble();
      }
    }

    public void getLongs(long[] into) {
      int n = getInt();
      if (n != into.length) {
        throw new IllegalStateException("indicator state has an array of " + n + " values where " + into.length + " were expected");
      }
      for (int i = 0; i < n; i++) {
        into[i] = getLong();
      }
    }

    /** Whether every word has been read. */
    public boolean isExhausted() {
      return position == words.length;
    }
  }
}
