package io.aitrader.core.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a file line by line as bytes, up to a byte limit, keeping each line's number and offset: the audit files
 * are read in one pass without loading a whole segment. A last line without {@code \n} is returned with
 * {@link #terminated()} false. Not thread-safe; close it.
 */
final class LineReader implements AutoCloseable {
  private final InputStream in;
  private final byte[] buffer = new byte[64 * 1024];
  private int bufferPos;
  private int bufferEnd;
  private long remaining;
  private long position;

  private byte[] line = new byte[1024];
  private int length;
  private long start;
  private long number;
  private boolean terminated;

  private LineReader(InputStream in, long limit) {
    this.in = in;
    this.remaining = limit;
  }

  /** Reads {@code file} from its start up to {@code limit} bytes (its whole length with {@code Long.MAX_VALUE}). */
  static LineReader open(Path file, long limit) throws IOException {
    return new LineReader(Files.newInputStream(file), limit);
  }

  /** Moves to the next line; false at the end. */
  boolean next() throws IOException {
    length = 0;
    start = position;
    terminated = false;
    while (true) {
      if (bufferPos == bufferEnd && !fill()) {
        if (length == 0) {
          return false;
        }
        number++;
        return true;
      }
      int from = bufferPos;
      int nl = -1;
      for (int i = from; i < bufferEnd; i++) {
        if (buffer[i] == '\n') {
          nl = i;
          break;
        }
      }
      int to = nl < 0 ? bufferEnd : nl;
      add(from, to - from);
      bufferPos = nl < 0 ? bufferEnd : nl + 1;
      position += bufferPos - from;
      if (nl >= 0) {
        terminated = true;
        number++;
        return true;
      }
    }
  }

  private boolean fill() throws IOException {
    if (remaining <= 0) {
      return false;
    }
    int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
    if (n <= 0) {
      return false;
    }
    remaining -= n;
    bufferPos = 0;
    bufferEnd = n;
    return true;
  }

  private void add(int from, int count) {
    if (length + count > line.length) {
      line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
    }
    System.arraycopy(buffer, from, line, length, count);
    length += count;
  }

  /** The current line's bytes, without {@code \n}; valid up to {@link #length()} until the next call. */
  byte[] line() {
    return line;
  }

  int length() {
    return length;
  }

  /** The current line's number, from 1. */
  long number() {
    return number;
  }

  /** The current line's offset in the file. */
  long start() {
    return start;
  }

  /** The offset just past the current line (past its {@code \n} when it has one). */
  long end() {
    return position;
  }

  /** Whether the current line ends with {@code \n}. */
  boolean terminated() {
    return terminated;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
