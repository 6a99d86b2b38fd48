package io.aitrader.groww.feed;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Test helper: encodes single protobuf fields ("chunks") so tests can reorder, repeat and interleave them. */
final class WireChunks {
  private WireChunks() {}

  static byte[] fixed64(int field, double value) {
    return write(out -> out.writeDouble(field, value));
  }

  static byte[] fixed64Raw(int field, long bits) {
    return write(out -> out.writeFixed64(field, bits));
  }

  static byte[] fixed32(int field, int bits) {
    return write(out -> out.writeFixed32(field, bits));
  }

  static byte[] varint(int field, long value) {
    return write(out -> out.writeUInt64(field, value));
  }

  static byte[] bytes(int field, byte[] value) {
    return write(out -> out.writeByteArray(field, value));
  }

  static byte[] string(int field, String value) {
    return write(out -> out.writeString(field, value));
  }

  /** A group (wire types 3 … 4) around {@code content}. */
  static byte[] group(int field, byte[] content) {
    return write(out -> {
      out.writeTag(field, 3);
      out.writeRawBytes(content);
      out.writeTag(field, 4);
    });
  }

  static byte[] concat(List<byte[]> chunks) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (byte[] c : chunks) {
      b.writeBytes(c);
    }
    return b.toByteArray();
  }

  private interface Write {
    void to(CodedOutputStream out) throws IOException;
  }

  private static byte[] write(Write w) {
    try {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      CodedOutputStream out = CodedOutputStream.newInstance(b);
      w.to(out);
      out.flush();
      return b.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
