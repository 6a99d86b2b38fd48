package io.aitrader.connector.kafka.codec;

/**
 * Unsigned LEB128 varints and zig-zag signed ones, written into and read from byte arrays without allocating.
 * Readers keep their position in a {@link Cursor}.
 */
final class Varints {
  private Varints() {}

  /** Bytes {@link #write} needs for {@code value} taken as unsigned. */
  static int size(long value) {
    int bits = 64 - Long.numberOfLeadingZeros(value | 1);
    return (bits + 6) / 7;
  }

  static long zigzag(long value) {
    return (value << 1) ^ (value >> 63);
  }

  static long unzigzag(long value) {
    return (value >>> 1) ^ -(value & 1);
  }

  /** Writes {@code value} at {@code pos}; returns the position after it. */
  static int write(byte[] out, int pos, long value) {
    long v = value;
    while ((v & ~0x7FL) != 0) {
      out[pos++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out[pos++] = (byte) v;
    return pos;
  }

  /** A read position in a payload. Not thread-safe; one per decode. */
  static final class Cursor {
    private final byte[] bytes;
    private final String what;
    private int pos;

    Cursor(byte[] bytes, int pos, String what) {
      this.bytes = bytes;
      this.pos = pos;
      this.what = what;
    }

    int position() {
      return pos;
    }

    void skip(int n) {
      need(n);
      pos += n;
    }

    int readByte() {
      need(1);
      return bytes[pos++] & 0xFF;
    }

    long readVarint() {
      long result = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        need(1);
        byte b = bytes[pos++];
        result |= (long) (b & 0x7F) << shift;
        if (b >= 0) {
          return result;
        }
      }
      throw new CodecException("A " + what + " payload has a varint longer than 10 bytes at byte " + pos);
    }

    int readLength(int max) {
      long n = readVarint();
      if (n < 0 || n > max) {
        throw new CodecException("A " + what + " payload has a length " + n + " outside [0, " + max + "] at byte " + pos);
      }
      need((int) n);
      return (int) n;
    }

    boolean atEnd() {
      return pos >= bytes.length;
    }

    private void need(int n) {
      if (pos + n > bytes.length) {
        throw new CodecException("A " + what + " payload is truncated: needs " + n + " more byte(s) at byte " + pos
            + " of " + bytes.length);
      }
    }
  }
}
