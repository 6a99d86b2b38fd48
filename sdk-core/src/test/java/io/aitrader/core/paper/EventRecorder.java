package io.aitrader.core.paper;

import io.aitrader.api.order.Fill;
import io.aitrader.api.order.Order;
import io.aitrader.api.order.OrderListener;
import io.aitrader.core.orders.OrderTransitions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Records every event a broker emits and checks, as they arrive, that each order's updates follow
 * {@link OrderTransitions} and that each fill arrives before the update that reports it.
 */
final class EventRecorder implements OrderListener {
  final List<Object> events = new ArrayList<>();
  final List<String> violations = new ArrayList<>();
  private final Map<String, Order> last = new HashMap<>();
  private final Map<String, Long> filledByFills = new HashMap<>();

  @Override
  public void onOrderUpdate(Order order) {
    events.add(order);
    Order previous = last.put(order.referenceId(), order);
    if (previous != null) {
      OrderTransitions.check(previous, order).ifPresent(problem -> violations.add(order.referenceId() + ": " + problem));
    }
    long fromFills = filledByFills.getOrDefault(order.referenceId(), 0L);
    if (fromFills != order.filledQuantity()) {
      violations.add(order.referenceId() + ": update reports filled " + order.filledQuantity() + " but fills so far sum to "
          + fromFills);
    }
  }

  @Override
  public void onFill(Fill fill) {
    events.add(fill);
    filledByFills.merge(fill.referenceId(), fill.quantity(), Long::sum);
  }

  List<Order> updates() {
    List<Order> out = new ArrayList<>();
    for (Object e : events) {
      if (e instanceof Order o) {
        out.add(o);
      }
    }
    return out;
  }

  List<Fill> fills() {
    List<Fill> out = new ArrayList<>();
    for (Object e : events) {
      if (e instanceof Fill f) {
        out.add(f);
      }
    }
    return out;
  }

  /** The updates of one order, in order. */
  List<Order> updatesOf(String referenceId) {
    List<Order> out = new ArrayList<>();
    for (Order o : updates()) {
      if (o.referenceId().equals(referenceId)) {
        out.add(o);
      }
    }
    return out;
  }

  void clear() {
    events.clear();
  }
}
