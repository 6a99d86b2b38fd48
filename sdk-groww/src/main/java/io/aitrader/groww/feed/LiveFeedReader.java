package io.aitrader.groww.feed;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.jspecify.annotations.Nullable;

/**
 * A hand-rolled, allocation-free reader of the market-data envelope ({@code StocksSocketResponseProtoDto}) for the
 * hot path: it reads the LTP ({@code stockLivePrice}) and index ({@code stocksLiveIndices}) branches into reused
 * primitive fields, and validates the depth branch without building it.
 *
 * <p>It accepts exactly what the generated parser accepts (checked by property tests against the generated
 * classes): fields in any order, unknown fields of every wire type (groups included), known field numbers with
 * another wire type read as unknown, repeated occurrences of a sub-message merged, and, like protobuf-java's
 * generated builder, a oneof member that reappears after another member merged with its earlier occurrence. It
 * rejects what the generated parser rejects: truncated input, field number 0, wire types 6 and 7, unmatched
 * end-group tags, varints over 10 bytes, negative lengths, invalid UTF-8 in {@code symbol}, nesting deeper than
 * 100. Errors are reported by return value ({@link #failure()}), never by exception.
 *
 * <p>Not thread-safe: one reader per decoding thread.
 */
final class LiveFeedReader {
  static final int BRANCH_NONE = 0;
  static final int BRANCH_PRICE = 4;
  static final int BRANCH_DEPTH = 5;
  static final int BRANCH_INDEX = 6;

  /** Highest number of a field of {@code StocksLivePriceProto}. */
  static final int PRICE_FIELDS = 16;

  private static final int MAX_DEPTH = 100;
  private static final int WIRE_VARINT = 0;
  private static final int WIRE_FIXED64 = 1;
  private static final int WIRE_LENGTH = 2;
  private static final int WIRE_START_GROUP = 3;
  private static final int WIRE_END_GROUP = 4;
  private static final int WIRE_FIXED32 = 5;

  private static final int TAG_SYMBOL = 1 << 3 | WIRE_LENGTH;
  private static final int TAG_SEGMENT = 2 << 3 | WIRE_VARINT;
  private static final int TAG_EXCHANGE = 3 << 3 | WIRE_VARINT;
  private static final int TAG_PRICE = 4 << 3 | WIRE_LENGTH;
  private static final int TAG_DEPTH = 5 << 3 | WIRE_LENGTH;
  private static final int TAG_INDEX = 6 << 3 | WIRE_LENGTH;
  private static final int TAG_INDEX_TS = 1 << 3 | WIRE_FIXED64;
  private static final int TAG_INDEX_VALUE = 2 << 3 | WIRE_FIXED64;
  private static final int TAG_BUY_BOOK = 2 << 3 | WIRE_LENGTH;
  private static final int TAG_SELL_BOOK = 3 << 3 | WIRE_LENGTH;
  private static final int TAG_ENTRY_VALUE = 2 << 3 | WIRE_LENGTH;

  private static final int MSG_PRICE = 1;
  private static final int MSG_INDEX = 2;
  private static final int MSG_DEPTH = 3;
  private static final int MSG_DEPTH_ENTRY = 4;
  private static final int MSG_BOOK = 5;

  private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final byte[] NOTHING = new byte[0];

  /** {@code StocksLivePriceProto} fields by field number (index 0 unused); 0 when absent. */
  final double[] price = new double[PRICE_FIELDS + 1];
  /** {@code stocksLiveIndices.tsInMillis}. */
  double indexTimestamp;
  /** {@code stocksLiveIndices.value}. */
  double indexValue;
  /** The envelope's raw {@code segment} enum number. */
  int segment;
  /** The envelope's raw {@code exchange} enum number. */
  int exchange;
  /** Which oneof member was read last: {@link #BRANCH_NONE}, PRICE, DEPTH or INDEX. */
  int branch;

  private byte[] buf = NOTHING;
  private int pos;
  private int limit;
  private @Nullable String failure;

  /** Reads one envelope from {@code data[offset, offset+length)}; false when it is malformed (see {@link #failure()}). */
  boolean read(byte[] data, int offset, int length) {
    java.util.Arrays.fill(price, 0.0);
    indexTimestamp = 0;
    indexValue = 0;
    segment = 0;
    exchange = 0;
    branch = BRANCH_NONE;
    failure = null;
    buf = data;
    pos = offset;
    limit = offset + length;
    readEnvelope();
    buf = NOTHING;
    return failure == null;
  }

  /** Why the last {@link #read} failed, with the byte offset; null after a successful read. */
  @Nullable String failure() {
    return failure;
  }

  private void readEnvelope() {
    while (failure == null) {
      int tag = readTag();
      if (tag == 0) {
        return;
      }
      switch (tag) {
        case TAG_SYMBOL:
          readUtf8();
          break;
        case TAG_SEGMENT:
          segment = (int) readVarint();
          break;
        case TAG_EXCHANGE:
          exchange = (int) readVarint();
          break;
        case TAG_PRICE:
          readMessage(MSG_PRICE, 1);
          branch = BRANCH_PRICE;
          break;
        case TAG_DEPTH:
          readMessage(MSG_DEPTH, 1);
          branch = BRANCH_DEPTH;
          break;
        case TAG_INDEX:
          readMessage(MSG_INDEX, 1);
          branch = BRANCH_INDEX;
          break;
        default:
          skipField(tag, 0, true);
      }
    }
  }

  private void readMessage(int type, int depth) {
    int length = readLength();
    if (failure != null) {
      return;
    }
    if (depth > MAX_DEPTH) {
      fail("message nesting deeper than " + MAX_DEPTH);
      return;
    }
    int outer = limit;
    limit = pos + length;
    switch (type) {
      case MSG_PRICE:
        readPriceFields(depth);
        break;
      case MSG_INDEX:
        readIndexFields(depth);
        break;
      default:
        readNestedFields(type, depth);
    }
    if (failure == null) {
      limit = outer;
    }
  }

  private void readPriceFields(int depth) {
    double[] p = price;
    while (failure == null) {
      int tag = readTag();
      if (tag == 0) {
        return;
      }
      int field = tag >>> 3;
      if ((tag & 7) == WIRE_FIXED64 && field <= PRICE_FIELDS) {
        p[field] = readDouble();
      } else {
        skipField(tag, depth, true);
      }
    }
  }

  private void readIndexFields(int depth) {
    while (failure == null) {
      int tag = readTag();
      if (tag == 0) {
        return;
      }
      if (tag == TAG_INDEX_TS) {
        indexTimestamp = readDouble();
      } else if (tag == TAG_INDEX_VALUE) {
        indexValue = readDouble();
      } else {
        skipField(tag, depth, true);
      }
    }
  }

  /** Validates the depth branch (depth → map entries → BookProto) without keeping anything. */
  private void readNestedFields(int type, int depth) {
    while (failure == null) {
      int tag = readTag();
      if (tag == 0) {
        return;
      }
      if (type == MSG_DEPTH && (tag == TAG_BUY_BOOK || tag == TAG_SELL_BOOK)) {
        readMessage(MSG_DEPTH_ENTRY, depth + 1);
      } else if (type == MSG_DEPTH_ENTRY && tag == TAG_ENTRY_VALUE) {
        readMessage(MSG_BOOK, depth + 1);
      } else {
        // map entries skip unknown fields with CodedInputStream.skipField, messages with UnknownFieldSet
        skipField(tag, depth, type != MSG_DEPTH_ENTRY);
      }
    }
  }

  /**
   * Skips one field. {@code unknownFieldSet}: the generated parser keeps unknown fields in an
   * {@code UnknownFieldSet}, which reads varints with {@code readRawVarint64} (see {@link #skipVarint64}); map
   * entries skip them with {@code CodedInputStream.skipField} (standard 10-byte rule).
   */
  private void skipField(int tag, int depth, boolean unknownFieldSet) {
    switch (tag & 7) {
      case WIRE_VARINT:
        if (unknownFieldSet) {
          skipVarint64();
        } else {
          readVarint();
        }
        return;
      case WIRE_FIXED64:
        skip(8);
        return;
      case WIRE_LENGTH:
        int length = readLength();
        if (failure == null) {
          pos += length;
        }
        return;
      case WIRE_START_GROUP:
        skipGroup(tag >>> 3, depth + 1, unknownFieldSet);
        return;
      case WIRE_FIXED32:
        skip(4);
        return;
      case WIRE_END_GROUP:
        fail("end-group tag of field " + (tag >>> 3) + " without a matching start-group");
        return;
      default:
        fail("invalid wire type " + (tag & 7) + " of field " + (tag >>> 3));
    }
  }

  private void skipGroup(int field, int depth, boolean unknownFieldSet) {
    if (depth > MAX_DEPTH) {
      fail("group nesting deeper than " + MAX_DEPTH);
      return;
    }
    while (failure == null) {
      int tag = readTag();
      if (failure != null) {
        return;
      }
      if (tag == 0) {
        fail("group of field " + field + " is not terminated");
        return;
      }
      if ((tag & 7) == WIRE_END_GROUP) {
        if (tag >>> 3 != field) {
          fail("end-group tag of field " + (tag >>> 3) + " closes the group of field " + field);
        }
        return;
      }
      skipField(tag, depth, unknownFieldSet);
    }
  }

  /**
   * Skips a varint exactly as protobuf-java 4.x's {@code ArrayDecoder.readRawVarint64} accepts it: with at least
   * 10 bytes left, its fast path reads a 10th byte without checking its continuation bit, refusing it only when that
   * byte is even with the bit set (it then falls to the slow path, which refuses 10 continuation bytes); with
   * fewer bytes left, the standard rule.
   */
  private void skipVarint64() {
    if (limit - pos < 10) {
      readVarint();
      return;
    }
    byte[] b = buf;
    for (int i = 0; i < 9; i++) {
      if (b[pos++] >= 0) {
        return;
      }
    }
    int tenth = b[pos++] & 0xFF;
    if ((tenth & 0x80) != 0 && (tenth & 1) == 0) {
      fail("varint longer than 10 bytes");
    }
  }

  /** The next tag, or 0 at the end of the current message (or on failure). */
  private int readTag() {
    if (pos >= limit) {
      return 0;
    }
    int tag = (int) readVarint();
    if (failure == null && tag >>> 3 == 0) {
      fail("invalid tag " + tag + " (field number 0)");
      return 0;
    }
    return failure == null ? tag : 0;
  }

  private long readVarint() {
    byte[] b = buf;
    int p = pos;
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (p >= limit) {
        pos = p;
        fail("truncated varint");
        return 0;
      }
      byte x = b[p++];
      result |= (long) (x & 0x7F) << shift;
      if (x >= 0) {
        pos = p;
        return result;
      }
    }
    pos = p;
    fail("varint longer than 10 bytes");
    return 0;
  }

  private int readLength() {
    int length = (int) readVarint();
    if (failure != null) {
      return 0;
    }
    if (length < 0) {
      fail("negative length " + length);
      return 0;
    }
    if (length > limit - pos) {
      fail("length " + length + " runs past the end of the message (" + (limit - pos) + " bytes left)");
      return 0;
    }
    return length;
  }

  private double readDouble() {
    if (limit - pos < 8) {
      fail("truncated double");
      return 0;
    }
    double d = Double.longBitsToDouble((long) LONG_LE.get(buf, pos));
    pos += 8;
    return d;
  }

  private void skip(int n) {
    if (limit - pos < n) {
      fail("truncated fixed-width field");
      return;
    }
    pos += n;
  }

  /** Skips a proto3 string, failing on malformed UTF-8 as the generated parser does. */
  private void readUtf8() {
    int length = readLength();
    if (failure != null) {
      return;
    }
    int end = pos + length;
    if (!isValidUtf8(buf, pos, end)) {
      fail("field symbol is not valid UTF-8");
      return;
    }
    pos = end;
  }

  /** Well-formed UTF-8 (Unicode table 3-7): no overlongs, no surrogates, nothing above U+10FFFF. */
  static boolean isValidUtf8(byte[] b, int from, int to) {
    int i = from;
    while (i < to) {
      int c = b[i++] & 0xFF;
      if (c < 0x80) {
        continue;
      }
      int extra;
      int min = 0x80;
      int max = 0xBF;
      if (c >= 0xC2 && c <= 0xDF) {
        extra = 1;
      } else if (c >= 0xE0 && c <= 0xEF) {
        extra = 2;
        if (c == 0xE0) {
          min = 0xA0;
        } else if (c == 0xED) {
          max = 0x9F;
        }
      } else if (c >= 0xF0 && c <= 0xF4) {
        extra = 3;
        if (c == 0xF0) {
          min = 0x90;
        } else if (c == 0xF4) {
          max = 0x8F;
        }
      } else {
        return false;
      }
      if (to - i < extra) {
        return false;
      }
      int second = b[i++] & 0xFF;
      if (second < min || second > max) {
        return false;
      }
      for (int k = 1; k < extra; k++) {
        int next = b[i++] & 0xFF;
        if (next < 0x80 || next > 0xBF) {
          return false;
        }
      }
    }
    return true;
  }

  private void fail(String why) {
    if (failure == null) {
      failure = why + " at byte " + pos;
    }
  }
}
