package io.aitrader.core.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.aitrader.api.ValidationException;
import io.aitrader.api.audit.AuditRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One packet as one line of JSON, written by hand (no reflection, fields in a fixed order) and read with Jackson's
 * streaming parser. {@link #encode} returns the line with its {@code \n}.
 *
 * <p>Writing reuses one buffer: call it under the writer's lock. Reading is stateless and thread-safe.
 */
final class PacketCodec {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final byte[] SEQ_PREFIX = "{\"seq\":".getBytes(StandardCharsets.US_ASCII);

  private final StringBuilder sb = new StringBuilder(512);

  /** The UTF-8 line for {@code r}, {@code \n}-terminated. */
  byte[] encode(AuditRecord r) {
    StringBuilder b = sb;
    b.setLength(0);
    b.append("{\"seq\":").append(r.sequence()).append(",\"ts\":").append(r.timestampMillis()).append(",\"corr\":");
    string(b, r.correlationId());
    b.append(",\"type\":");
    string(b, r.type());
    b.append(",\"payload\":{");
    boolean first = true;
    for (Map.Entry<String, String> e : r.payload().entrySet()) {
      if (!first) {
        b.append(',');
      }
      first = false;
      string(b, e.getKey());
      b.append(':');
      string(b, e.getValue());
    }
    b.append("},\"prev\":\"").append(r.previousHash()).append("\",\"hash\":\"").append(r.hash()).append("\"}\n");
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Appends {@code s} as a JSON string: quotes, backslashes, control characters and lone surrogates escaped. */
  static void string(StringBuilder b, String s) {
    b.append('"');
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c >= 0x20 && !Character.isSurrogate(c)) {
        b.append(c);
      } else if (c == '\n') {
        b.append("\\n");
      } else if (c == '\r') {
        b.append("\\r");
      } else if (c == '\t') {
        b.append("\\t");
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        b.append(c).append(s.charAt(++i)); // a valid pair: UTF-8 encodes it as one code point
      } else {
        b.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF])
            .append(HEX[c & 0xF]);
      }
    }
    b.append('"');
  }

  /**
   * The sequence of a packet line, read from its fixed {@code {"seq":} prefix without parsing the rest; -1 when the
   * line does not start that way (then parse it with {@link #decode}).
   */
  static long quickSequence(byte[] line, int length) {
    int p = SEQ_PREFIX.length;
    if (length <= p) {
      return -1;
    }
    for (int i = 0; i < p; i++) {
      if (line[i] != SEQ_PREFIX[i]) {
        return -1;
      }
    }
    long v = 0;
    int digits = 0;
    while (p < length && line[p] >= '0' && line[p] <= '9' && digits < 18) {
      v = v * 10 + (line[p] - '0');
      p++;
      digits++;
    }
    return digits == 0 || p >= length || line[p] != ',' ? -1 : v;
  }

  /** Parses one line (without its {@code \n}) into a record; the hash is not checked. */
  static AuditRecord decode(byte[] line, int length) throws NotAPacketException {
    long seq = -1;
    long ts = -1;
    String corr = null;
    String type = null;
    Map<String, String> payload = null;
    String prev = null;
    String hash = null;
    try (JsonParser p = FACTORY.createParser(line, 0, length)) {
      expect(p.nextToken(), JsonToken.START_OBJECT, "it is not a JSON object");
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        switch (name) {
          case "seq" -> seq = number(p, v, name);
          case "ts" -> ts = number(p, v, name);
          case "corr" -> corr = text(p, v, name);
          case "type" -> type = text(p, v, name);
          case "payload" -> payload = payload(p, v);
          case "prev" -> prev = text(p, v, name);
          case "hash" -> hash = text(p, v, name);
          default -> throw new NotAPacketException("unexpected field \"" + name + "\"");
        }
      }
      expect(t, JsonToken.END_OBJECT, "the object is not closed");
      if (p.nextToken() != null) {
        throw new NotAPacketException("text follows the object");
      }
    } catch (JsonProcessingException e) {
      throw new NotAPacketException("not valid JSON: " + firstLine(String.valueOf(e.getOriginalMessage())));
    } catch (IOException e) {
      throw new NotAPacketException("not valid JSON: " + firstLine(String.valueOf(e.getMessage())));
    }
    if (seq < 0 || ts < 0 || corr == null || type == null || payload == null || prev == null || hash == null) {
      throw new NotAPacketException("a field is missing (a packet has seq, ts, corr, type, payload, prev and hash)");
    }
    try {
      return new AuditRecord(seq, ts, corr, type, payload, prev, hash);
    } catch (ValidationException e) {
      throw new NotAPacketException(e.getMessage());
    }
  }

  private static Map<String, String> payload(JsonParser p, JsonToken v) throws IOException, NotAPacketException {
    expect(v, JsonToken.START_OBJECT, "\"payload\" is not an object");
    Map<String, String> m = new LinkedHashMap<>();
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      m.put(key, text(p, p.nextToken(), "payload." + key));
    }
    expect(t, JsonToken.END_OBJECT, "\"payload\" is not closed");
    return m;
  }

  private static long number(JsonParser p, JsonToken v, String name) throws IOException, NotAPacketException {
    if (v != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT
        && p.getNumberType() != JsonParser.NumberType.LONG) {
      throw new NotAPacketException("\"" + name + "\" is not a whole number");
    }
    long n = p.getLongValue();
    if (n < 0) {
      throw new NotAPacketException("\"" + name + "\" is negative");
    }
    return n;
  }

  private static String text(JsonParser p, JsonToken v, String name) throws IOException, NotAPacketException {
    if (v != JsonToken.VALUE_STRING) {
      throw new NotAPacketException("\"" + name + "\" is not a string");
    }
    return p.getText();
  }

  private static void expect(JsonToken actual, JsonToken expected, String otherwise) throws NotAPacketException {
    if (actual != expected) {
      throw new NotAPacketException(otherwise);
    }
  }

  static String firstLine(String message) {
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  /** A line that is not a well-formed packet; the message says why. */
  static final class NotAPacketException extends Exception {
    private static final long serialVersionUID = 1L;

    NotAPacketException(String reason) {
      super(reason, null, false, false);
    }
  }
}
