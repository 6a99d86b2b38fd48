package io.aitrader.api.order;

/**
 * The product (Groww's {@code product}) an order is placed under: it decides margin, settlement and whether an
 * open position is squared off at the end of the day. Constant names are the wire values.
 */
public enum Product {
  /** Cash and carry: delivery equity, settled into the demat account. */
  CNC,
  /** Margin intraday square-off: intraday, closed by the broker before the session ends. */
  MIS,
  /** Normal: F&amp;O (and commodity) positions carried overnight until expiry or exit. */
  NRML,
  /** Margin trading facility: delivery equity bought partly on borrowed funds. */
  MTF,
  /** Arbitrage product, as listed by Groww. */
  ARB,
  /** Bracket order: entry with target and stop-loss legs. */
  BO,
  /** Cover order: entry with a compulsory stop-loss leg. */
  CO;

  /** Whether positions under this product are squared off on the trading day (MIS, BO, CO). */
  public boolean isIntraday() {
    return this == MIS || this == BO || this == CO;
  }

  /** The product with this wire value (case-insensitive), or a message listing the valid ones. */
  public static Product parse(String wireValue) {
    return WireNames.parse(Product.class, wireValue, "product");
  }
}
