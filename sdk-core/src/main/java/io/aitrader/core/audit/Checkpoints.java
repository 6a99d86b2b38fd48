package io.aitrader.core.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.aitrader.api.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The checkpoints file: one line per checkpoint, {@code {"seq":N,"hash":"…","ts":…,"mac":"…"}}, the {@code mac}
 * (HMAC-SHA256 of {@code "<seq>:<hash>"} with the log's key) only when a key is set. {@link #read} parses the file
 * as the verifier needs it; {@link #encode} writes a line. Immutable once read.
 */
final class Checkpoints {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final Pattern HEX_64 = Pattern.compile("[0-9a-f]{64}");
  private static final HexFormat HEX = HexFormat.of();

  /** No checkpoints. */
  static final Checkpoints NONE = new Checkpoints(List.of(), Optional.empty(), 0, null, 0, 0, false);

  /**
   * One checkpoint line.
   *
   * @param forged a key was given and the MAC is missing or does not match
   * @param signed a key was given and the MAC matches: the checkpoint itself cannot have been edited
   */
  record Checkpoint(long sequence, String hash, long timestampMillis, Optional<String> mac, long line,
      boolean forged, boolean signed) {}

  private final List<Checkpoint> all;
  private final Optional<String> tornTail;
  private final long goodLength;
  private final @Nullable String badLine;
  private final long badLineNumber;
  private final long sequenceBeforeBadLine;
  private final boolean unverifiedMacs;

  private Checkpoints(List<Checkpoint> all, Optional<String> tornTail, long goodLength, @Nullable String badLine,
      long badLineNumber, long sequenceBeforeBadLine, boolean unverifiedMacs) {
    this.all = all;
    this.tornTail = tornTail;
    this.goodLength = goodLength;
    this.badLine = badLine;
    this.badLineNumber = badLineNumber;
    this.sequenceBeforeBadLine = sequenceBeforeBadLine;
    this.unverifiedMacs = unverifiedMacs;
  }

  /** The checkpoint line for packet {@code seq} with hash {@code hash}, {@code \n}-terminated. */
  static byte[] encode(long seq, String hash, long timestampMillis, Optional<Secret> key) {
    StringBuilder b = new StringBuilder(220);
    b.append("{\"seq\":").append(seq).append(",\"hash\":\"").append(hash).append("\",\"ts\":").append(timestampMillis);
    key.ifPresent(k -> b.append(",\"mac\":\"").append(mac(k, seq, hash)).append('"'));
    return b.append("}\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  /** HMAC-SHA256 of {@code "<seq>:<hash>"} with {@code key}, lower-case hex. */
  static String mac(Secret key, long seq, String hash) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HEX.formatHex(mac.doFinal((seq + ":" + hash).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required of every Java platform but is not usable", e);
    }
  }

  /**
   * Reads the checkpoints file (up to {@code limit} bytes); a missing file has none. A last line cut short (or
   * unreadable) is a torn tail; an unreadable line before others is a bad line.
   */
  static Checkpoints read(Path file, long limit, Optional<Secret> key) throws IOException {
    if (!Files.isRegularFile(file)) {
      return NONE;
    }
    List<Checkpoint> all = new ArrayList<>();
    String pendingBad = null;
    long pendingBadLine = 0;
    long pendingBadStart = 0;
    String bad = null;
    long badLine = 0;
    long seqBeforeBad = 0;
    long goodLength = 0;
    long size = 0;
    boolean unverified = false;
    try (LineReader r = LineReader.open(file, limit)) {
      while (r.next()) {
        size = r.end();
        if (bad != null) {
          continue;
        }
        if (pendingBad != null) {
          bad = pendingBad;
          badLine = pendingBadLine;
          pendingBad = null;
          continue;
        }
        long before = all.isEmpty() ? 0 : all.get(all.size() - 1).sequence();
        if (!r.terminated()) {
          pendingBad = "cut short: no end of line";
          pendingBadLine = r.number();
          pendingBadStart = r.start();
          seqBeforeBad = before;
          continue;
        }
        try {
          Checkpoint c = decode(r.line(), r.length(), r.number(), key);
          if (c.sequence() <= before) {
            throw new PacketCodec.NotAPacketException("its #" + c.sequence() + " does not come after #" + before
                + " on the line before");
          }
          unverified |= key.isEmpty() && c.mac().isPresent();
          all.add(c);
          goodLength = r.end();
        } catch (PacketCodec.NotAPacketException e) {
          pendingBad = e.getMessage();
          pendingBadLine = r.number();
          pendingBadStart = r.start();
          seqBeforeBad = before;
        }
      }
    }
    Optional<String> torn = Optional.empty();
    if (bad == null && pendingBad != null) {
      goodLength = pendingBadStart;
      torn = Optional.of("torn tail of " + (size - pendingBadStart) + " bytes at the end of "
          + Segments.CHECKPOINTS_FILE + " (line " + pendingBadLine + ": " + pendingBad + "): a crash during a write;"
          + " it is cut when the log is next opened");
    }
    return new Checkpoints(List.copyOf(all), torn, goodLength, bad, badLine, seqBeforeBad, unverified);
  }

  private static Checkpoint decode(byte[] line, int length, long number, Optional<Secret> key)
      throws PacketCodec.NotAPacketException {
    long seq = -1;
    long ts = -1;
    String hash = null;
    String mac = null;
    try (JsonParser p = FACTORY.createParser(line, 0, length)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new PacketCodec.NotAPacketException("it is not a JSON object");
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        switch (name) {
          case "seq" -> seq = v == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : -1;
          case "ts" -> ts = v == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : -1;
          case "hash" -> hash = v == JsonToken.VALUE_STRING ? p.getText() : null;
          case "mac" -> mac = v == JsonToken.VALUE_STRING ? p.getText() : null;
          default -> throw new PacketCodec.NotAPacketException("unexpected field \"" + name + "\"");
        }
      }
      if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw new PacketCodec.NotAPacketException("not one JSON object");
      }
    } catch (JsonProcessingException e) {
      throw new PacketCodec.NotAPacketException("not valid JSON: "
          + PacketCodec.firstLine(String.valueOf(e.getOriginalMessage())));
    } catch (IOException e) {
      throw new PacketCodec.NotAPacketException("not valid JSON: "
          + PacketCodec.firstLine(String.valueOf(e.getMessage())));
    }
    if (seq < 1 || ts < 0 || hash == null || !HEX_64.matcher(hash).matches()) {
      throw new PacketCodec.NotAPacketException("a checkpoint has a seq >= 1, a ts and a 64-hex-digit hash");
    }
    if (mac != null && !HEX_64.matcher(mac).matches()) {
      throw new PacketCodec.NotAPacketException("its mac is not 64 hex digits");
    }
    boolean forged = false;
    if (key.isPresent()) {
      forged = mac == null || !MessageDigest.isEqual(mac.getBytes(StandardCharsets.US_ASCII),
          mac(key.get(), seq, hash).getBytes(StandardCharsets.US_ASCII));
    }
    return new Checkpoint(seq, hash, ts, Optional.ofNullable(mac), number, forged, key.isPresent() && !forged);
  }

  /** Every well-formed checkpoint, in file order (sequences strictly increase). */
  List<Checkpoint> all() {
    return all;
  }

  /** The last well-formed checkpoint's sequence, 0 without one. */
  long lastSequence() {
    return all.isEmpty() ? 0 : all.get(all.size() - 1).sequence();
  }

  /** What a crash left at the end of the file, if anything. */
  Optional<String> tornTail() {
    return tornTail;
  }

  /** The length of the file without its torn tail. */
  long goodLength() {
    return goodLength;
  }

  /** Why the first unreadable line before the end is not a checkpoint, if there is one. */
  Optional<String> badLine() {
    return Optional.ofNullable(badLine);
  }

  long badLineNumber() {
    return badLineNumber;
  }

  /** The sequence of the checkpoint before the bad line, 0 when none. */
  long sequenceBeforeBadLine() {
    return sequenceBeforeBadLine;
  }

  /** Whether some checkpoints carry a MAC that was not checked because no key was given. */
  boolean unverifiedMacs() {
    return unverifiedMacs;
  }
}
