package io.aitrader.core.charges;

import io.aitrader.api.order.Side;

/** Which fills pay a charge. */
enum SideRule {
  BUY,
  SELL,
  BOTH;

  boolean appliesTo(Side side) {
    return this == BOTH || (this == BUY) == (side == Side.BUY);
  }
}
