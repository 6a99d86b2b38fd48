package io.aitrader.api.order;

/**
 * How an order is priced (Groww's {@code order_type}); constant names are the wire values.
 *
 * <table>
 *   <caption>Prices each type needs</caption>
 *   <tr><th>type</th><th>limit price</th><th>trigger price</th></tr>
 *   <tr><td>MARKET</td><td>forbidden</td><td>forbidden</td></tr>
 *   <tr><td>LIMIT</td><td>required</td><td>forbidden</td></tr>
 *   <tr><td>SL</td><td>required</td><td>required</td></tr>
 *   <tr><td>SL_M</td><td>forbidden</td><td>required</td></tr>
 * </table>
 */
public enum OrderType {
  /** Executes at the best available price. */
  MARKET,
  /** Executes at the limit price or better. */
  LIMIT,
  /** Stop-loss limit: becomes a LIMIT order once the trigger price trades. */
  SL,
  /** Stop-loss market: becomes a MARKET order once the trigger price trades. */
  SL_M;

  /** Whether an order of this type must carry a limit price (LIMIT, SL); the others must not. */
  public boolean requiresLimitPrice() {
    return this == LIMIT || this == SL;
  }

  /** Whether an order of this type must carry a trigger price (SL, SL_M); the others must not. */
  public boolean requiresTriggerPrice() {
    return this == SL || this == SL_M;
  }

  /** The order type with this wire value (case-insensitive), or a message listing the valid ones. */
  public static OrderType parse(String wireValue) {
    return WireNames.parse(OrderType.class, wireValue, "orderType");
  }
}
