package io.aitrader.core.store;

/**
 * Rows of {@code long} fields held column by column, ordered by column 0 (the key: a bar's open time, a tick's
 * time) once sorted. The storage of one series and of one appended batch. Not thread-safe: {@link Series} guards it.
 */
final class Columns {
  /** The most rows one series may hold (the largest safe Java array length). */
  static final int MAX_ROWS = Integer.MAX_VALUE - 8;

  private final int width;
  private long[][] cols;
  private int size;

  Columns(int width, int capacity) {
    this.width = width;
    this.cols = new long[width][capacity];
  }

  int size() {
    return size;
  }

  /** Column {@code c}; rows {@code [0, size())} are valid. The array is replaced when the rows grow. */
  long[] column(int c) {
    return cols[c];
  }

  /** Appends an all-zero row and returns its index; fill it through {@link #column(int)}. */
  int addRow() {
    ensureCapacity(size + 1L);
    return size++;
  }

  private void ensureCapacity(long rows) {
    int capacity = cols[0].length;
    if (rows <= capacity) {
      return;
    }
    if (rows > MAX_ROWS) {
      throw new IllegalStateException("a market store series holds at most " + MAX_ROWS + " rows, this one would hold "
          + rows + "; split the data over more instruments or intervals");
    }
    int grown = (int) Math.min(MAX_ROWS, Math.max(rows, capacity + (capacity >> 1) + 16L));
    for (int c = 0; c < width; c++) {
      long[] next = new long[grown];
      System.arraycopy(cols[c], 0, next, 0, size);
      cols[c] = next;
    }
  }

  /** The first row whose key is {@code >= key}; {@link #size()} when none is. */
  int lowerBound(long key) {
    long[] k = cols[0];
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (k[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The first row whose key is {@code > key}; {@link #size()} when none is. */
  int upperBound(long key) {
    long[] k = cols[0];
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (k[mid] <= key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Sorts the rows by key, keeping rows with equal keys in their current order (a stable merge sort). */
  void sortByKey() {
    long[] k = cols[0];
    int n = size;
    int firstDescent = 1;
    while (firstDescent < n && k[firstDescent] >= k[firstDescent - 1]) {
      firstDescent++;
    }
    if (firstDescent >= n) {
      return; // already in order: the common case of data appended in time order
    }
    int[] order = new int[n];
    int[] spare = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (long run = 1; run < n; run <<= 1) {
      for (long start = 0; start < n; start += run << 1) {
        int lo = (int) start;
        int mid = (int) Math.min(start + run, n);
        int hi = (int) Math.min(start + (run << 1), n);
        int i = lo;
        int j = mid;
        int out = lo;
        while (i < mid && j < hi) {
          spare[out++] = k[order[j]] < k[order[i]] ? order[j++] : order[i++];
        }
        while (i < mid) {
          spare[out++] = order[i++];
        }
        while (j < hi) {
          spare[out++] = order[j++];
        }
      }
      int[] swap = order;
      order = spare;
      spare = swap;
    }
    for (int c = 0; c < width; c++) {
      long[] from = cols[c];
      long[] to = new long[from.length];
      for (int i = 0; i < n; i++) {
        to[i] = from[order[i]];
      }
      cols[c] = to;
    }
  }

  /** Of each run of rows with equal keys keeps only the last; the rows must be sorted. */
  void keepLastOfEqualKeys() {
    long[] k = cols[0];
    int kept = 0;
    for (int i = 0; i < size; i++) {
      if (i + 1 < size && k[i + 1] == k[i]) {
        continue;
      }
      if (kept != i) {
        for (int c = 0; c < width; c++) {
          cols[c][kept] = cols[c][i];
        }
      }
      kept++;
    }
    size = kept;
  }

  /**
   * Merges the sorted {@code batch} into these sorted rows. With {@code replace}, a batch row replaces a row with the
   * same key (the batch must hold one row per key); without it, batch rows follow rows with the same key. Costs the
   * rows from the batch's first key on: appending in time order only copies the batch.
   */
  void merge(Columns batch, boolean replace) {
    int m = batch.size;
    if (m == 0) {
      return;
    }
    long[] bk = batch.cols[0];
    int start = replace ? lowerBound(bk[0]) : upperBound(bk[0]);
    if (start == size) {
      ensureCapacity((long) size + m);
      for (int c = 0; c < width; c++) {
        System.arraycopy(batch.cols[c], 0, cols[c], size, m);
      }
      size += m;
      return;
    }
    Columns merged = new Columns(width, size - start + m);
    long[] k = cols[0];
    int i = start;
    int j = 0;
    while (i < size && j < m) {
      if (k[i] < bk[j] || (!replace && k[i] == bk[j])) {
        merged.copyRow(this, i++);
      } else if (k[i] == bk[j]) {
        i++; // replaced by the batch's row, copied next
      } else {
        merged.copyRow(batch, j++);
      }
    }
    while (i < size) {
      merged.copyRow(this, i++);
    }
    while (j < m) {
      merged.copyRow(batch, j++);
    }
    ensureCapacity((long) start + merged.size);
    for (int c = 0; c < width; c++) {
      System.arraycopy(merged.cols[c], 0, cols[c], start, merged.size);
    }
    size = start + merged.size;
  }

  private void copyRow(Columns from, int row) {
    for (int c = 0; c < width; c++) {
      cols[c][size] = from.cols[c][row];
    }
    size++;
  }
}
