package io.aitrader.runtime.demo;

import io.aitrader.api.market.BarView;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * A canonical byte encoding of a bar stream (one line per bar, every field, in emission order) and its SHA-256:
 * two runs produced the same bars in the same order exactly when the digests are equal.
 */
public final class BarStreamDigest {
  private final MessageDigest sha256;
  private final @Nullable ByteArrayOutputStream copy;
  private long bars;

  private BarStreamDigest(boolean keepBytes) {
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
    this.copy = keepBytes ? new ByteArrayOutputStream() : null;
  }

  /** Digest only. */
  public static BarStreamDigest create() {
    return new BarStreamDigest(false);
  }

  /** Digest, and keep the encoded bytes (for tests). */
  public static BarStreamDigest keepingBytes() {
    return new BarStreamDigest(true);
  }

  public void add(BarView b) {
    byte[] line = (b.instrument().id() + ',' + b.interval().label() + ',' + b.openTimeMillis() + ','
        + b.closeTimeMillis() + ',' + b.open() + ',' + b.high() + ',' + b.low() + ',' + b.close() + ','
        + b.volume() + ',' + b.turnover() + ',' + b.tradeCount() + ',' + b.complete() + '\n')
        .getBytes(StandardCharsets.UTF_8);
    sha256.update(line);
    if (copy != null) {
      copy.writeBytes(line);
    }
    bars++;
  }

  public long bars() {
    return bars;
  }

  /** The encoded stream; empty unless created with {@link #keepingBytes()}. */
  public byte[] bytes() {
    return copy == null ? new byte[0] : copy.toByteArray();
  }

  /** Hex SHA-256 of the stream so far (the digest is then reset: call once, at the end). */
  public String hex() {
    return HexFormat.of().formatHex(sha256.digest());
  }
}
