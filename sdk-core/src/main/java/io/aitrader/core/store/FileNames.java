package io.aitrader.core.store;

import java.nio.charset.StandardCharsets;

/**
 * The file-safe form of an instrument id: {@code :} becomes {@code _}; {@code A-Z}, {@code 0-9}, {@code .} and
 * {@code -} stay; every other byte of the id's UTF-8 (lower-case letters included, so names differ on
 * case-insensitive file systems too) becomes {@code %XX}. {@code NSE:RELIANCE} → {@code NSE_RELIANCE},
 * {@code NSE:M&M} → {@code NSE_M%26M}. One-to-one, so two ids never share a file.
 */
final class FileNames {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private FileNames() {}

  static String of(String instrumentId) {
    byte[] utf8 = instrumentId.getBytes(StandardCharsets.UTF_8);
    StringBuilder name = new StringBuilder(utf8.length + 8);
    for (byte b : utf8) {
      int c = b & 0xFF;
      if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-') {
        name.append((char) c);
      } else if (c == ':') {
        name.append('_');
      } else {
        name.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return name.toString();
  }
}
