package io.aitrader.core.store;

import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * How one kind of series (bars or ticks) maps to {@link Columns} and to fixed-size big-endian file records. Stateless
 * and thread-safe.
 */
abstract class RecordFormat {
  /** The first four bytes of a file of this kind. */
  abstract int magic();

  /** The file name extension, with its dot. */
  abstract String extension();

  /** {@code bar} or {@code tick}, for messages. */
  abstract String what();

  /** Whether files are kept per interval (bars) and carry the interval in their header. */
  abstract boolean perInterval();

  /** Whether a row replaces a stored row with the same key (bars) rather than joining it (ticks). */
  abstract boolean replacesEqualKeys();

  /** Fields per row, key first. */
  abstract int width();

  /** Bytes per file record. */
  abstract int recordSize();

  /** Writes row {@code row} as one record at the buffer's position. */
  abstract void write(Columns rows, int row, ByteBuffer out);

  /** Reads one record at the buffer's position into row {@code row}. */
  abstract void read(ByteBuffer in, Columns rows, int row);

  /** What is wrong with row {@code row} read from a file, or null when it is a valid record. */
  abstract @Nullable String problem(Columns rows, int row);
}
