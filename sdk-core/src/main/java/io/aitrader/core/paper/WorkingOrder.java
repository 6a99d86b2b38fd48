package io.aitrader.core.paper;

import io.aitrader.api.order.Fill;
import io.aitrader.api.order.Order;
import io.aitrader.api.order.OrderRequest;
import io.aitrader.api.order.OrderType;
import java.util.ArrayList;
import java.util.List;

/** One order the paper broker knows, with the matching state behind its latest {@link Order}. Guarded by the broker's lock. */
final class WorkingOrder {
  /** The latest state, as last emitted. */
  Order order;
  /** Σ price × quantity of the fills so far, ₹0.0001 units: the exact numerator of the average fill price. */
  long filledValueUnits;
  /** Whether a stop order's trigger price has traded. */
  boolean triggered;
  /** Market events stamped before this (placement or last modification) are not for this order. */
  long eligibleFromMillis;
  /** Whether the order has seen a market event since it was placed or last modified. */
  boolean arrived;
  final List<Fill> fills = new ArrayList<>(1);

  WorkingOrder(Order order) {
    this.order = order;
    this.eligibleFromMillis = order.createdAtMillis();
  }

  OrderRequest request() {
    return order.request();
  }

  boolean isStop() {
    return isStop(order.request().orderType());
  }

  /** Whether the (triggered) order executes as a market order: MARKET or SL_M. */
  boolean isMarketLeg() {
    OrderType type = order.request().orderType();
    return type == OrderType.MARKET || type == OrderType.SL_M;
  }

  long limitUnits() {
    return order.request().limitPrice().orElseThrow().units();
  }

  long triggerUnits() {
    return order.request().triggerPrice().orElseThrow().units();
  }

  static boolean isStop(OrderType type) {
    return type == OrderType.SL || type == OrderType.SL_M;
  }
}
