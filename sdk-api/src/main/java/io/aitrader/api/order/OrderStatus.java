package io.aitrader.api.order;

/**
 * The state of an order at the broker (Groww's {@code order_status}); constant names are the wire values.
 * {@code OPEN} is not in Groww's annexure but appears in its responses, so it is here too.
 *
 * <p>Every status is either {@linkplain #isActive() active} (the order may still trade, change or be cancelled)
 * or {@linkplain #isTerminal() terminal} (nothing more will happen to it).
 */
public enum OrderStatus {
  /** Created, not yet acknowledged by the exchange. */
  NEW,
  /** Acknowledged by the broker. */
  ACKED,
  /** A stop-loss order waiting for its trigger price. */
  TRIGGER_PENDING,
  /** Approved by the broker's checks, on its way to the exchange. */
  APPROVED,
  /** On the exchange's book, possibly partly filled. */
  OPEN,
  /** Refused by the broker or the exchange; see the order's remark. Terminal. */
  REJECTED,
  /** Could not be placed. Terminal. */
  FAILED,
  /** Fully filled. Terminal. */
  EXECUTED,
  /** Filled; the shares are awaited in the demat account (CNC). Terminal. */
  DELIVERY_AWAITED,
  /** Cancelled; any part filled before stays filled. Terminal. */
  CANCELLED,
  /** A cancellation was sent and is not yet confirmed; the order may still fill. */
  CANCELLATION_REQUESTED,
  /** A modification was sent and is not yet confirmed. */
  MODIFICATION_REQUESTED,
  /** Filled and settled. Terminal. */
  COMPLETED;

  /** Whether nothing more will happen to the order: no fill, change or cancellation. */
  public boolean isTerminal() {
    switch (this) {
      case REJECTED:
      case FAILED:
      case EXECUTED:
      case DELIVERY_AWAITED:
      case CANCELLED:
      case COMPLETED:
        return true;
      default:
        return false;
    }
  }

  /** Whether the order may still fill, be modified or be cancelled: the opposite of {@link #isTerminal()}. */
  public boolean isActive() {
    return !isTerminal();
  }

  /** Whether the whole quantity has filled (EXECUTED, DELIVERY_AWAITED, COMPLETED). */
  public boolean isFilled() {
    return this == EXECUTED || this == DELIVERY_AWAITED || this == COMPLETED;
  }

  /** The status with this wire value (case-insensitive), or a message listing the valid ones. */
  public static OrderStatus parse(String wireValue) {
    return WireNames.parse(OrderStatus.class, wireValue, "orderStatus");
  }
}
