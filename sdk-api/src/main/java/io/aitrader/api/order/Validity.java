package io.aitrader.api.order;

/** How long an order stays on the book (Groww's {@code validity}); constant names are the wire values. */
public enum Validity {
  /** Until the end of the trading day. */
  DAY,
  /** Immediate or cancel: what does not execute at once is cancelled. */
  IOC,
  /** Good till cancelled. */
  GTC,
  /** Good till a date. */
  GTD,
  /** Until the end of the session, as listed by Groww. */
  EOS;

  /** The validity with this wire value (case-insensitive), or a message listing the valid ones. */
  public static Validity parse(String wireValue) {
    return WireNames.parse(Validity.class, wireValue, "validity");
  }
}
