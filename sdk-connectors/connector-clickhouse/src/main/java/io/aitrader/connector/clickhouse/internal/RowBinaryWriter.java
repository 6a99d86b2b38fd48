package io.aitrader.connector.clickhouse.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Encodes rows in ClickHouse's {@code RowBinary} format into a growable byte array: little-endian fixed-width
 * integers and strings as an unsigned LEB128 length followed by UTF-8 bytes. Reusable through {@link #reset()}.
 * Not thread-safe.
 */
public final class RowBinaryWriter {
  private byte[] buf;
  private int len;

  /** A writer with an initial capacity of {@code capacity} bytes. */
  public RowBinaryWriter(int capacity) {
    this.buf = new byte[Math.max(64, capacity)];
  }

  /** Forgets what was written, keeping the buffer. */
  public void reset() {
    len = 0;
  }

  /** The bytes written so far (valid up to {@link #length()}). */
  public byte[] array() {
    return buf;
  }

  /** The number of bytes written. */
  public int length() {
    return len;
  }

  private void ensure(int extra) {
    if (len + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
    }
  }

  /** An {@code Int64} or {@code UInt64}. */
  public void int64(long v) {
    ensure(8);
    byte[] b = buf;
    int p = len;
    b[p] = (byte) v;
    b[p + 1] = (byte) (v >>> 8);
    b[p + 2] = (byte) (v >>> 16);
    b[p + 3] = (byte) (v >>> 24);
    b[p + 4] = (byte) (v >>> 32);
    b[p + 5] = (byte) (v >>> 40);
    b[p + 6] = (byte) (v >>> 48);
    b[p + 7] = (byte) (v >>> 56);
    len = p + 8;
  }

  /** An {@code Int32} or {@code UInt32}. */
  public void int32(int v) {
    ensure(4);
    buf[len] = (byte) v;
    buf[len + 1] = (byte) (v >>> 8);
    buf[len + 2] = (byte) (v >>> 16);
    buf[len + 3] = (byte) (v >>> 24);
    len += 4;
  }

  /** A {@code UInt8}. */
  public void uint8(int v) {
    ensure(1);
    buf[len++] = (byte) v;
  }

  /** An unsigned LEB128 length (string lengths, array sizes). */
  public void varint(long v) {
    ensure(10);
    long x = v;
    while ((x & ~0x7FL) != 0) {
      buf[len++] = (byte) ((x & 0x7F) | 0x80);
      x >>>= 7;
    }
    buf[len++] = (byte) x;
  }

  /** A {@code String} given as its UTF-8 bytes. */
  public void bytes(byte[] utf8) {
    varint(utf8.length);
    ensure(utf8.length);
    System.arraycopy(utf8, 0, buf, len, utf8.length);
    len += utf8.length;
  }

  /** A {@code String}. */
  public void string(String s) {
    bytes(s.getBytes(StandardCharsets.UTF_8));
  }
}
