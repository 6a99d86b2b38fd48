package io.aitrader.core.paper;

import io.aitrader.api.order.Side;

/** {@link Slippage#none()}. */
final class NoSlippage implements Slippage {
  static final NoSlippage INSTANCE = new NoSlippage();

  private NoSlippage() {}

  @Override
  public long executionPrice(Side side, long lastPrice, long bidPrice, long askPrice, long tickUnits) {
    return TickRounding.adverse(side, lastPrice, 1, tickUnits);
  }

  @Override
  public String toString() {
    return "Slippage.none()";
  }
}
