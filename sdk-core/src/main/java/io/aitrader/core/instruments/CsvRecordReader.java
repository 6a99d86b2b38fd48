package io.aitrader.core.instruments;

import io.aitrader.api.ValidationException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Reads RFC 4180 records: comma separated, fields optionally in double quotes, {@code ""} inside quotes for a
 * quote; a quoted field may hold commas and line breaks. Lines end in LF or CRLF; blank lines are skipped; a
 * leading UTF-8 byte-order mark is dropped. Not thread-safe.
 */
final class CsvRecordReader {
  private final Reader in;
  private final String source;
  private final char[] buf = new char[8192];
  private int pos;
  private int len;
  private int line = 1;
  private int recordLine;
  private boolean first = true;
  private final StringBuilder field = new StringBuilder();

  CsvRecordReader(Reader in, String source) {
    this.in = in;
    this.source = source;
  }

  /** The 1-based line number where the last record returned by {@link #next} started. */
  int recordLine() {
    return recordLine;
  }

  /** Reads the next non-blank record into {@code out} (cleared first); false at end of input. */
  boolean next(List<String> out) {
    out.clear();
    while (true) {
      int c = read();
      if (c < 0) {
        return false;
      }
      if (first) {
        first = false;
        if (c == '\uFEFF') {
          continue;
        }
      }
      if (c == '\n') {
        line++;
        continue;
      }
      if (c == '\r') {
        continue;
      }
      recordLine = line;
      readRecord(c, out);
      return true;
    }
  }

  private void readRecord(int firstChar, List<String> out) {
    int c = firstChar;
    field.setLength(0);
    boolean quoted = false;
    boolean inQuotes = false;
    while (true) {
      if (inQuotes) {
        if (c < 0) {
          throw new ValidationException("csv", source + " line " + recordLine
              + ": a quoted field is not closed before the end of the input");
        }
        if (c == '"') {
          int d = read();
          if (d == '"') {
            field.append('"');
          } else {
            inQuotes = false;
            c = d;
            continue;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append((char) c);
        }
      } else if (c == ',') {
        out.add(field.toString());
        field.setLength(0);
        quoted = false;
      } else if (c == '\n' || c < 0) {
        out.add(field.toString());
        if (c == '\n') {
          line++;
        }
        return;
      } else if (c == '\r') {
        // CR of a CRLF line end: ignored
      } else if (c == '"' && field.length() == 0 && !quoted) {
        quoted = true;
        inQuotes = true;
      } else {
        field.append((char) c);
      }
      c = read();
    }
  }

  private int read() {
    if (pos == len) {
      try {
        len = in.read(buf, 0, buf.length);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      pos = 0;
      if (len <= 0) {
        len = 0;
        return -1;
      }
    }
    return buf[pos++];
  }
}
