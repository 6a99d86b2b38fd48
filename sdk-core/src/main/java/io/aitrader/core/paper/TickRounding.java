package io.aitrader.core.paper;

import io.aitrader.api.order.Side;

/** Exact integer rounding of prices to a tick grid and of averages. Stateless. */
final class TickRounding {
  private TickRounding() {}

  /**
   * {@code numerator / denominator} (a price in ₹0.0001 units, both positive) rounded to a multiple of
   * {@code tickUnits} against the order: up for a BUY, down for a SELL but never below one tick.
   */
  static long adverse(Side side, long numerator, long denominator, long tickUnits) {
    long step = Math.multiplyExact(denominator, tickUnits);
    if (side == Side.BUY) {
      return -Math.floorDiv(-numerator, step) * tickUnits;
    }
    return Math.max(1, Math.floorDiv(numerator, step)) * tickUnits;
  }

  /** {@code value / count} rounded half-even; both positive. */
  static long halfEven(long value, long count) {
    long quotient = value / count;
    long twiceRemainder = 2 * (value % count);
    if (twiceRemainder > count || (twiceRemainder == count && (quotient & 1) == 1)) {
      return quotient + 1;
    }
    return quotient;
  }
}
