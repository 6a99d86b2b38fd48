package io.aitrader.core.paper;

import static io.aitrader.api.ValidationException.check;

import io.aitrader.api.order.Side;

/** {@link Slippage#fixedBps(int)}: the reference price × (1 ± bps / 10 000), rounded adversely to the tick. */
record FixedBpsSlippage(int bps) implements Slippage {
  private static final long BPS_PER_UNIT = 10_000L;

  FixedBpsSlippage {
    check(bps >= 0 && bps < BPS_PER_UNIT, "Slippage.bps", "must be within [0, 10000)", bps);
  }

  @Override
  public long executionPrice(Side side, long lastPrice, long bidPrice, long askPrice, long tickUnits) {
    long factor = side == Side.BUY ? BPS_PER_UNIT + bps : BPS_PER_UNIT - bps;
    return TickRounding.adverse(side, Math.multiplyExact(lastPrice, factor), BPS_PER_UNIT, tickUnits);
  }

  @Override
  public String toString() {
    return "Slippage.fixedBps(" + bps + ")";
  }
}
