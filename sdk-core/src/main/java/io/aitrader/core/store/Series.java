package io.aitrader.core.store;

import java.io.IOException;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jspecify.annotations.Nullable;

/**
 * One stored series — the bars of an instrument at an interval, or the ticks of an instrument — as sorted
 * {@link Columns}, backed by a {@link SeriesFile} in a durable store. A durable series loads its file on the first
 * read and then keeps it; until then appends only go to the file. Thread-safe: a read-write lock per series.
 */
final class Series {
  /** Reads rows {@code [lo, hi)} of a series; runs under its read lock. */
  interface RangeReader<T> {
    T read(Columns rows, int lo, int hi);
  }

  private final RecordFormat format;
  private final @Nullable SeriesFile file;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private Columns rows;
  private volatile boolean loaded;

  private Series(RecordFormat format, @Nullable SeriesFile file) {
    this.format = format;
    this.file = file;
    this.rows = new Columns(format.width(), 0);
    this.loaded = file == null;
  }

  static Series inMemory(RecordFormat format) {
    return new Series(format, null);
  }

  static Series onDisk(RecordFormat format, SeriesFile file) {
    return new Series(format, file);
  }

  /** Stores {@code batch} (in append order; sorted here): to the file first, then to the loaded rows. */
  void append(Columns batch) {
    batch.sortByKey();
    if (format.replacesEqualKeys()) {
      batch.keepLastOfEqualKeys();
    }
    lock.writeLock().lock();
    try {
      if (file != null) {
        file.append(batch);
      }
      if (loaded) {
        rows.merge(batch, format.replacesEqualKeys());
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Reads the rows whose key is in {@code [fromKey, toKey)}. */
  <T> T read(long fromKey, long toKey, RangeReader<T> reader) {
    ensureLoaded();
    lock.readLock().lock();
    try {
      int lo = rows.lowerBound(fromKey);
      int hi = Math.max(lo, rows.lowerBound(toKey));
      return reader.read(rows, lo, hi);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Reads every row. */
  <T> T readAll(RangeReader<T> reader) {
    ensureLoaded();
    lock.readLock().lock();
    try {
      return reader.read(rows, 0, rows.size());
    } finally {
      lock.readLock().unlock();
    }
  }

  private void ensureLoaded() {
    if (loaded) {
      return;
    }
    lock.writeLock().lock();
    try {
      if (!loaded && file != null) {
        Columns all = file.readAll();
        all.sortByKey();
        if (format.replacesEqualKeys()) {
          all.keepLastOfEqualKeys();
        }
        rows = all;
        loaded = true;
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Closes the file and drops the cached rows. */
  void close() throws IOException {
    lock.writeLock().lock();
    try {
      rows = new Columns(format.width(), 0);
      loaded = file == null;
      if (file != null) {
        file.close();
      }
    } finally {
      lock.writeLock().unlock();
    }
  }
}
