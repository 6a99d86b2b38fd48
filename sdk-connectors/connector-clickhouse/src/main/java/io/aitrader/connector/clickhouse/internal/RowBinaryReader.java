package io.aitrader.connector.clickhouse.internal;

import java.nio.charset.StandardCharsets;

/**
 * Decodes a ClickHouse {@code RowBinary} response held in a byte array. The caller reads the columns of each row
 * in the order of its SELECT. Not thread-safe.
 */
public final class RowBinaryReader {
  private final byte[] buf;
  private int pos;

  /** A reader over the whole of {@code bytes}. */
  public RowBinaryReader(byte[] bytes) {
    this.buf = bytes;
  }

  /** Whether more rows follow. */
  public boolean hasMore() {
    return pos < buf.length;
  }

  private void need(int n) {
    if (pos + n > buf.length) {
      throw new IllegalStateException("RowBinary response ends early: needs " + n + " more bytes at offset " + pos
          + " of " + buf.length + " (the query's columns do not match the decoder)");
    }
  }

  /** An {@code Int64} or {@code UInt64}. */
  public long int64() {
    need(8);
    byte[] b = buf;
    int p = pos;
    long v = (b[p] & 0xFFL) | (b[p + 1] & 0xFFL) << 8 | (b[p + 2] & 0xFFL) << 16 | (b[p + 3] & 0xFFL) << 24
        | (b[p + 4] & 0xFFL) << 32 | (b[p + 5] & 0xFFL) << 40 | (b[p + 6] & 0xFFL) << 48 | (b[p + 7] & 0xFFL) << 56;
    pos = p + 8;
    return v;
  }

  /** An {@code Int32} or {@code UInt32}. */
  public int int32() {
    need(4);
    int v = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8 | (buf[pos + 2] & 0xFF) << 16 | (buf[pos + 3] & 0xFF) << 24;
    pos += 4;
    return v;
  }

  /** A {@code UInt8}. */
  public int uint8() {
    need(1);
    return buf[pos++] & 0xFF;
  }

  /** An unsigned LEB128 length. */
  public long varint() {
    long v = 0;
    int shift = 0;
    while (true) {
      need(1);
      byte b = buf[pos++];
      v |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return v;
      }
      shift += 7;
    }
  }

  /** A {@code String}, decoded as UTF-8. */
  public String string() {
    int n = Math.toIntExact(varint());
    need(n);
    String s = new String(buf, pos, n, StandardCharsets.UTF_8);
    pos += n;
    return s;
  }

  /** Skips a {@code String}. */
  public void skipString() {
    int n = Math.toIntExact(varint());
    need(n);
    pos += n;
  }
}
