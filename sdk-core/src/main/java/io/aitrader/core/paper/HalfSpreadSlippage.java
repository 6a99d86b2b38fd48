package io.aitrader.core.paper;

import io.aitrader.api.order.Side;

/** {@link Slippage#halfSpread(int)}: the touch (ask for a BUY, bid for a SELL) when quoted, else the fallback. */
record HalfSpreadSlippage(FixedBpsSlippage fallback) implements Slippage {

  @Override
  public long executionPrice(Side side, long lastPrice, long bidPrice, long askPrice, long tickUnits) {
    if (bidPrice > 0 && askPrice >= bidPrice) {
      // mid ± (ask - bid) / 2 is exactly the ask (BUY) or the bid (SELL)
      return TickRounding.adverse(side, side == Side.BUY ? askPrice : bidPrice, 1, tickUnits);
    }
    return fallback.executionPrice(side, lastPrice, bidPrice, askPrice, tickUnits);
  }

  @Override
  public String toString() {
    return "Slippage.halfSpread(" + fallback.bps() + ")";
  }
}
