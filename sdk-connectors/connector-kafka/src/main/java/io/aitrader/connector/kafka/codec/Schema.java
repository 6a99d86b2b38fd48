package io.aitrader.connector.kafka.codec;

/**
 * The schema ids and versions of the binary payloads, and the check every decoder makes first. A payload starts
 * with two bytes: the schema id and its version. A decoder accepts versions up to the one it was written for;
 * later versions may append fields but never change the meaning of earlier bytes.
 */
final class Schema {
  static final int TICK = 1;
  static final int BAR = 2;

  private Schema() {}

  static String name(int id) {
    switch (id) {
      case TICK:
        return "tick";
      case BAR:
        return "bar";
      default:
        return "unknown";
    }
  }

  /** Checks the two header bytes of {@code bytes} against {@code schema} and the newest {@code version} known. */
  static void check(byte[] bytes, int schema, int version) {
    if (bytes.length < 2) {
      throw new CodecException("A " + name(schema) + " payload must be at least 2 bytes (schema id and version), was "
          + bytes.length + " bytes");
    }
    int id = bytes[0] & 0xFF;
    int v = bytes[1] & 0xFF;
    if (id != schema) {
      throw new CodecException("Expected schema " + schema + " (" + name(schema) + ") but the payload carries schema "
          + id + " (" + name(id) + "): the topic holds events of another type");
    }
    if (v > version) {
      throw new CodecException("schema " + id + " v" + v + " is newer than this consumer understands (v" + version
          + "): upgrade the consumer (connector-kafka) before the producers");
    }
    if (v == 0) {
      throw new CodecException("schema " + id + " v0 is not a valid version");
    }
  }
}
