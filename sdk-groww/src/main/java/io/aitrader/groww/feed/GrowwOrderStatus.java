package io.aitrader.groww.feed;

import io.aitrader.api.order.OrderStatus;

/**
 * Groww's order status as numbered in the order-update protobuf ({@code StocksOrderStatus}; the ordinal is the
 * wire number). Every value has an SDK {@link OrderStatus} of the same name.
 */
public enum GrowwOrderStatus {
  NEW,
  ACKED,
  TRIGGER_PENDING,
  APPROVED,
  REJECTED,
  FAILED,
  EXECUTED,
  DELIVERY_AWAITED,
  CANCELLED,
  CANCELLATION_REQUESTED,
  MODIFICATION_REQUESTED,
  COMPLETED;

  private static final GrowwOrderStatus[] BY_WIRE = values();
  private static final OrderStatus[] SDK = new OrderStatus[BY_WIRE.length];

  static {
    for (GrowwOrderStatus s : BY_WIRE) {
      SDK[s.ordinal()] = OrderStatus.valueOf(s.name());
    }
  }

  /** The protobuf enum number. */
  public int wireNumber() {
    return ordinal();
  }

  /** The SDK status of the same name. */
  public OrderStatus toOrderStatus() {
    return SDK[ordinal()];
  }

  /** Whether {@code number} is a known wire number. */
  static boolean isKnown(int number) {
    return number >= 0 && number < BY_WIRE.length;
  }

  /** The status of a known wire number (see {@link #isKnown}). */
  static GrowwOrderStatus ofWire(int number) {
    return BY_WIRE[number];
  }
}
