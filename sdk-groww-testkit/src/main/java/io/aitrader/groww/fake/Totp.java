package io.aitrader.groww.fake;

import io.aitrader.api.ValidationException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 TOTP codes as Groww's API-key + TOTP flow uses them (the authenticator defaults: HMAC-SHA1, 6 digits,
 * 30-second steps, a base32 secret). The fake verifies codes with it; tests use it to make the code a client
 * would send.
 *
 * <pre>{@code
 * String code = Totp.code(FakeGroww.DEFAULT_TOTP_SECRET, clock.currentTimeMillis());   // e.g. "492039"
 * }</pre>
 *
 * <p>Stateless and thread-safe. The secret is never included in an exception message.
 */
public final class Totp {
  /** Seconds per step. */
  public static final int STEP_SECONDS = 30;
  /** Digits per code. */
  public static final int DIGITS = 6;

  private Totp() {}

  /** The code for the step containing {@code epochMillis}. */
  public static String code(String base32Secret, long epochMillis) {
    return codeAt(decodeBase32(base32Secret), Math.floorDiv(epochMillis, STEP_SECONDS * 1000L));
  }

  /**
   * Whether {@code code} is the code of the step containing {@code epochMillis} or of one of the {@code
   * windowSteps} steps before or after it (constant-time comparison per step).
   */
  public static boolean verify(String base32Secret, String code, long epochMillis, int windowSteps) {
    byte[] key = decodeBase32(base32Secret);
    long step = Math.floorDiv(epochMillis, STEP_SECONDS * 1000L);
    byte[] given = code.trim().getBytes(StandardCharsets.US_ASCII);
    boolean ok = false;
    for (long s = step - windowSteps; s <= step + windowSteps; s++) {
      ok |= MessageDigest.isEqual(given, codeAt(key, s).getBytes(StandardCharsets.US_ASCII));
    }
    return ok;
  }

  static String codeAt(byte[] key, long step) {
    byte[] counter = new byte[8];
    for (int i = 7; i >= 0; i--) {
      counter[i] = (byte) (step >>> (8 * (7 - i)));
    }
    byte[] h;
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      h = mac.doFinal(counter);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is not available in this JVM", e);
    }
    int offset = h[h.length - 1] & 0x0f;
    int binary = ((h[offset] & 0x7f) << 24) | ((h[offset + 1] & 0xff) << 16) | ((h[offset + 2] & 0xff) << 8)
        | (h[offset + 3] & 0xff);
    int otp = binary % 1_000_000;
    return String.format(Locale.ROOT, "%06d", otp);
  }

  /** RFC 4648 base32 (case-insensitive; spaces, dashes and '=' padding ignored). */
  static byte[] decodeBase32(String secret) {
    String s = secret.replace(" ", "").replace("-", "").replace("=", "").toUpperCase(Locale.ROOT);
    if (s.isEmpty()) {
      throw new ValidationException("Totp.secret", "Totp.secret must be a non-empty base32 string");
    }
    byte[] out = new byte[s.length() * 5 / 8];
    int buffer = 0;
    int bits = 0;
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int v;
      if (c >= 'A' && c <= 'Z') {
        v = c - 'A';
      } else if (c >= '2' && c <= '7') {
        v = c - '2' + 26;
      } else {
        throw new ValidationException("Totp.secret", "Totp.secret must be base32 (A-Z, 2-7): it has an invalid "
            + "character at position " + i);
      }
      buffer = (buffer << 5) | v;
      bits += 5;
      if (bits >= 8) {
        out[n++] = (byte) (buffer >>> (bits - 8));
        bits -= 8;
      }
    }
    return out;
  }
}
