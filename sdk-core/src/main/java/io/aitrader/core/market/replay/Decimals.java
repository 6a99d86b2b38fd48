package io.aitrader.core.market.replay;

import io.aitrader.api.money.Price;

/**
 * Allocation-free conversions between ₹0.0001 units and decimal text, and whole numbers, on char ranges. Parse
 * methods return {@link #INVALID} for malformed input so callers can report the line and column.
 */
final class Decimals {
  /** Returned by the parsers for malformed or out-of-range input. */
  static final long INVALID = Long.MIN_VALUE;

  private Decimals() {}

  /** Parses a non-negative whole number in {@code s[from, to)}. */
  static long parseLong(CharSequence s, int from, int to) {
    if (from >= to || to - from > 18) {
      return INVALID;
    }
    long v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return INVALID;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /** Parses non-negative rupees with at most 4 decimals in {@code s[from, to)} into ₹0.0001 units. */
  static long parseUnits(CharSequence s, int from, int to) {
    int dot = -1;
    for (int i = from; i < to; i++) {
      if (s.charAt(i) == '.') {
        dot = i;
        break;
      }
    }
    int intEnd = dot < 0 ? to : dot;
    long whole = intEnd == from && dot >= 0 ? 0 : parseLong(s, from, intEnd);
    if (whole == INVALID || whole > Long.MAX_VALUE / Price.UNITS_PER_RUPEE - 1) {
      return INVALID;
    }
    long frac = 0;
    if (dot >= 0) {
      int digits = to - dot - 1;
      if (digits > Price.SCALE || (digits == 0 && intEnd == from)) {
        return INVALID;
      }
      for (int i = dot + 1; i < to; i++) {
        char c = s.charAt(i);
        if (c < '0' || c > '9') {
          return INVALID;
        }
        frac = frac * 10 + (c - '0');
      }
      for (int k = digits; k < Price.SCALE; k++) {
        frac *= 10;
      }
    }
    return whole * Price.UNITS_PER_RUPEE + frac;
  }

  /** Writes non-negative {@code v} at {@code buf[pos]}; returns the new position. */
  static int writeLong(char[] buf, int pos, long v) {
    if (v == 0) {
      buf[pos] = '0';
      return pos + 1;
    }
    int digits = 0;
    for (long x = v; x != 0; x /= 10) {
      digits++;
    }
    int end = pos + digits;
    for (int i = end - 1; i >= pos; i--) {
      buf[i] = (char) ('0' + v % 10);
      v /= 10;
    }
    return end;
  }

  /** Writes non-negative units as rupees like {@link Price#format}: at least 2 decimals, at most 4. */
  static int writeUnits(char[] buf, int pos, long units) {
    pos = writeLong(buf, pos, units / Price.UNITS_PER_RUPEE);
    int frac = (int) (units % Price.UNITS_PER_RUPEE);
    buf[pos++] = '.';
    buf[pos++] = (char) ('0' + frac / 1000);
    buf[pos++] = (char) ('0' + frac / 100 % 10);
    if (frac % 100 != 0) {
      buf[pos++] = (char) ('0' + frac / 10 % 10);
      if (frac % 10 != 0) {
        buf[pos++] = (char) ('0' + frac % 10);
      }
    }
    return pos;
  }
}
