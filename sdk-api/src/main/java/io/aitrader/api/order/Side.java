package io.aitrader.api.order;

/** Whether an order buys or sells: Groww's {@code transaction_type}. Constant names are the wire values. */
public enum Side {
  BUY,
  SELL;

  /** {@code +1} for BUY, {@code -1} for SELL: the sign a fill's quantity has in a position. */
  public int sign() {
    return this == BUY ? 1 : -1;
  }

  /** The other side: the side that closes a position opened with this one. */
  public Side opposite() {
    return this == BUY ? SELL : BUY;
  }

  /** The side with this wire value (case-insensitive), or a message listing the valid ones. */
  public static Side parse(String wireValue) {
    return WireNames.parse(Side.class, wireValue, "side");
  }
}
