package io.aitrader.api;

/**
 * An order was refused before or by the broker: validation, a risk check, or the exchange. Not retryable as is;
 * {@link #reason()} says what to change. Cheap to create (no stack trace): rejections can be frequent.
 */
public class OrderRejectedException extends BrokerException {
  private static final long serialVersionUID = 1L;

  private final String reason;

  public OrderRejectedException(String reason) {
    super("Order rejected: " + reason, false, false);
    this.reason = reason;
  }

  /** The rejection reason, without the "Order rejected" prefix. */
  public String reason() {
    return reason;
  }
}
