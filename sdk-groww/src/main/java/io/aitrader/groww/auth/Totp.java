package io.aitrader.groww.auth;

import io.aitrader.api.Secret;
import io.aitrader.api.ValidationException;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 time-based one-time passwords with the authenticator-app defaults Groww's TOTP flow uses: HMAC-SHA1,
 * a 30-second step from the Unix epoch, 6 digits, the secret given as base32 text.
 *
 * <pre>{@code
 * String code = Totp.code(Secret.of("GROWW_TOTP_SECRET", base32), clock.currentTimeMillis());  // e.g. "287082"
 * }</pre>
 *
 * <p>The time comes from the caller (an injected clock), never from the wall clock. Stateless and thread-safe.
 */
public final class Totp {
  /** Seconds per time step. */
  public static final int STEP_SECONDS = 30;
  /** Digits of a code. */
  public static final int DIGITS = 6;

  private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

  private Totp() {}

  /** The 6-digit code for {@code base32Secret} at {@code epochMillis}. */
  public static String code(Secret base32Secret, long epochMillis) {
    byte[] key = Base32.decode(base32Secret.reveal());
    try {
      return code(key, Math.floorDiv(epochMillis, 1000L * STEP_SECONDS), DIGITS, "HmacSHA1");
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /**
   * The RFC 4226 HOTP value of {@code key} at {@code counter}, zero-padded to {@code digits} (1–8), with the HMAC
   * {@code algorithm} ({@code HmacSHA1}, {@code HmacSHA256}, {@code HmacSHA512}).
   */
  public static String code(byte[] key, long counter, int digits, String algorithm) {
    ValidationException.check(digits >= 1 && digits <= 8, "Totp.digits", "must be 1..8", digits);
    byte[] msg = new byte[8];
    long c = counter;
    for (int i = 7; i >= 0; i--) {
      msg[i] = (byte) (c & 0xFF);
      c >>>= 8;
    }
    final byte[] hash;
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key, "RAW"));
      hash = mac.doFinal(msg);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC " + algorithm + " is not available in this JVM", e);
    }
    int offset = hash[hash.length - 1] & 0x0F;
    int binary = ((hash[offset] & 0x7F) << 24) | ((hash[offset + 1] & 0xFF) << 16)
        | ((hash[offset + 2] & 0xFF) << 8) | (hash[offset + 3] & 0xFF);
    StringBuilder sb = new StringBuilder(Integer.toString(binary % POWERS[digits]));
    while (sb.length() < digits) {
      sb.insert(0, '0');
    }
    return sb.toString();
  }
}
