package io.aitrader.core.orders;

import static io.aitrader.api.order.OrderStatus.ACKED;
import static io.aitrader.api.order.OrderStatus.APPROVED;
import static io.aitrader.api.order.OrderStatus.CANCELLATION_REQUESTED;
import static io.aitrader.api.order.OrderStatus.CANCELLED;
import static io.aitrader.api.order.OrderStatus.COMPLETED;
import static io.aitrader.api.order.OrderStatus.DELIVERY_AWAITED;
import static io.aitrader.api.order.OrderStatus.EXECUTED;
import static io.aitrader.api.order.OrderStatus.FAILED;
import static io.aitrader.api.order.OrderStatus.MODIFICATION_REQUESTED;
import static io.aitrader.api.order.OrderStatus.NEW;
import static io.aitrader.api.order.OrderStatus.OPEN;
import static io.aitrader.api.order.OrderStatus.REJECTED;
import static io.aitrader.api.order.OrderStatus.TRIGGER_PENDING;

import io.aitrader.api.order.Order;
import io.aitrader.api.order.OrderStatus;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The order lifecycle as a state machine over Groww's statuses: which status may follow which, and whether an
 * update reported by a broker may be applied to the order the service knows.
 *
 * <pre>
 * NEW ─► ACKED ─► APPROVED ─► (TRIGGER_PENDING) ─► OPEN (partly filled…) ─► EXECUTED ─► DELIVERY_AWAITED ─► COMPLETED
 *   └────────┴────────┴──────────────┴───────────────┴─► REJECTED / FAILED / CANCELLED
 * any active state ─► MODIFICATION_REQUESTED ─► back to OPEN / TRIGGER_PENDING (or filled, cancelled)
 * any active state ─► CANCELLATION_REQUESTED ─► CANCELLED (or filled first; or back if the cancel is refused)
 * </pre>
 *
 * <p>Steps may be skipped (a broker reports the latest state it has: NEW straight to EXECUTED is fine), but never
 * taken backwards: a terminal order never becomes active again, and EXECUTED only moves on to settlement
 * (DELIVERY_AWAITED, COMPLETED). The filled quantity never decreases. A repeat of the current state with nothing new
 * is a duplicate, not an error. Stateless and thread-safe.
 */
public final class OrderTransitions {
  private static final Map<OrderStatus, Set<OrderStatus>> NEXT = new EnumMap<>(OrderStatus.class);

  static {
    // settlement statuses may be reported straight from an active state (a poll after a gap in the update stream)
    Set<OrderStatus> live = EnumSet.of(OPEN, TRIGGER_PENDING, EXECUTED, DELIVERY_AWAITED, COMPLETED, CANCELLED,
        REJECTED, FAILED, MODIFICATION_REQUESTED, CANCELLATION_REQUESTED);
    NEXT.put(NEW, union(live, EnumSet.of(ACKED, APPROVED)));
    NEXT.put(ACKED, union(live, EnumSet.of(APPROVED)));
    NEXT.put(APPROVED, live);
    NEXT.put(TRIGGER_PENDING, live);
    NEXT.put(OPEN, live);
    NEXT.put(MODIFICATION_REQUESTED, live);
    NEXT.put(CANCELLATION_REQUESTED, live);
    NEXT.put(EXECUTED, EnumSet.of(DELIVERY_AWAITED, COMPLETED));
    NEXT.put(DELIVERY_AWAITED, EnumSet.of(COMPLETED));
    for (OrderStatus terminal : EnumSet.of(REJECTED, FAILED, CANCELLED, COMPLETED)) {
      NEXT.put(terminal, EnumSet.noneOf(OrderStatus.class));
    }
  }

  private OrderTransitions() {}

  private static Set<OrderStatus> union(Set<OrderStatus> a, Set<OrderStatus> b) {
    EnumSet<OrderStatus> u = EnumSet.copyOf(a);
    u.addAll(b);
    return u;
  }

  /** Whether an order in {@code from} may move to a different status {@code to}. */
  public static boolean isAllowed(OrderStatus from, OrderStatus to) {
    return NEXT.get(from).contains(to);
  }

  /** The statuses that may follow {@code from} (not including itself). */
  public static Set<OrderStatus> next(OrderStatus from) {
    return Collections.unmodifiableSet(NEXT.get(from));
  }

  /**
   * Why {@code update} may not replace {@code current} (same order), or empty when it may. Same status: allowed
   * only when it brings news on an active order (more filled, a changed request or remark); a terminal order
   * accepts no change at all.
   */
  public static Optional<String> check(Order current, Order update) {
    if (!current.referenceId().equals(update.referenceId())) {
      return Optional.of("update is for order " + update.referenceId() + ", not " + current.referenceId());
    }
    if (update.filledQuantity() < current.filledQuantity()) {
      return Optional.of("filled quantity would go back from " + current.filledQuantity() + " to "
          + update.filledQuantity());
    }
    OrderStatus from = current.status();
    OrderStatus to = update.status();
    if (from == to) {
      if (from.isTerminal() && !update.equals(current)) {
        return Optional.of("order is " + from + " (terminal): no change may follow");
      }
      return Optional.empty();
    }
    if (!isAllowed(from, to)) {
      return Optional.of(from + " → " + to + " is not a legal transition");
    }
    if (to.isFilled() && update.filledQuantity() != update.request().quantity()) {
      return Optional.of(to + " needs the whole quantity " + update.request().quantity() + " filled, has "
          + update.filledQuantity());
    }
    return Optional.empty();
  }

  /** Whether applying {@code update} over {@code current} would change nothing (a duplicate report). */
  public static boolean isDuplicate(Order current, Order update) {
    return current.status() == update.status() && current.filledQuantity() == update.filledQuantity()
        && current.request().equals(update.request()) && current.remark().equals(update.remark());
  }
}
