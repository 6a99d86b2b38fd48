package io.aitrader.groww.fake.wire;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Writes one protobuf message field by field with proto3 rules: default values are not written. Not thread-safe. */
final class ProtoMessage {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
  private final CodedOutputStream out = CodedOutputStream.newInstance(bytes, 64);

  ProtoMessage string(int field, String value) {
    if (!value.isEmpty()) {
      write(() -> out.writeString(field, value));
    }
    return this;
  }

  /** An enum, int32 or int64 as a varint; 0 is not written. */
  ProtoMessage varint(int field, long value) {
    if (value != 0) {
      write(() -> out.writeInt64(field, value));
    }
    return this;
  }

  /** A double as fixed64; +0.0 is not written (-0.0 is, as protobuf does). */
  ProtoMessage fixed64(int field, double value) {
    if (Double.doubleToRawLongBits(value) != 0) {
      write(() -> out.writeDouble(field, value));
    }
    return this;
  }

  /** A nested message: always written (presence matters for messages). */
  ProtoMessage message(int field, ProtoMessage value) {
    byte[] nested = value.toByteArray();
    write(() -> out.writeByteArray(field, nested));
    return this;
  }

  byte[] toByteArray() {
    write(out::flush);
    return bytes.toByteArray();
  }

  private static void write(IoWrite w) {
    try {
      w.run();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
  }

  @FunctionalInterface
  private interface IoWrite {
    void run() throws IOException;
  }
}
