package io.aitrader.groww.auth;

import io.aitrader.api.ValidationException;
import java.io.ByteArrayOutputStream;
import java.util.Locale;

/** RFC 4648 base32 decoding, as authenticator apps read TOTP secrets (padding, blanks and case ignored). */
final class Base32 {
  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  private Base32() {}

  /** The bytes of {@code text}; the failure message never quotes the text (it is a secret). */
  static byte[] decode(String text) {
    String s = text.replace(" ", "").replace("-", "").replace("=", "").toUpperCase(Locale.ROOT);
    if (s.isEmpty()) {
      throw new ValidationException("Totp.secret", "Totp.secret must be base32 text (A-Z, 2-7), was empty");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() * 5 / 8);
    int buffer = 0;
    int bits = 0;
    for (int i = 0; i < s.length(); i++) {
      int v = ALPHABET.indexOf(s.charAt(i));
      if (v < 0) {
        throw new ValidationException("Totp.secret",
            "Totp.secret must be base32 text (A-Z, 2-7), had an invalid character at position " + i);
      }
      buffer = (buffer << 5) | v;
      bits += 5;
      if (bits >= 8) {
        out.write((buffer >> (bits - 8)) & 0xFF);
        bits -= 8;
      }
    }
    return out.toByteArray();
  }
}
