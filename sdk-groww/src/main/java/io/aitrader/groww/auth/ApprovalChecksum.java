package io.aitrader.groww.auth;

import io.aitrader.api.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The checksum of Groww's "approval" token flow (API key + secret): lower-case hex of
 * {@code SHA-256(secret + decimal(epochSeconds))}, UTF-8, secret first, no separator, no HMAC.
 *
 * <pre>{@code
 * long ts = clock.currentTimeMillis() / 1000;
 * String checksum = ApprovalChecksum.of(apiSecret, ts);   // sent with "timestamp": ts
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class ApprovalChecksum {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private ApprovalChecksum() {}

  /** The checksum of {@code secret} at {@code epochSeconds}. */
  public static String of(Secret secret, long epochSeconds) {
    final MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
    byte[] digest = sha.digest((secret.reveal() + epochSeconds).getBytes(StandardCharsets.UTF_8));
    char[] out = new char[digest.length * 2];
    for (int i = 0; i < digest.length; i++) {
      out[2 * i] = HEX[(digest[i] >> 4) & 0x0F];
      out[2 * i + 1] = HEX[digest[i] & 0x0F];
    }
    return new String(out);
  }
}
