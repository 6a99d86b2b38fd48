package io.aitrader.core.risk;

import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.order.OrderRequest;
import java.time.LocalDate;
import java.util.List;

/**
 * What {@link MisSquareOff} asks the wiring to do at the intraday cut-off: cancel the working MIS orders first,
 * then submit the orders that flatten each open MIS position.
 *
 * @param timestampMillis    when the cut-off was noticed, epoch milliseconds
 * @param day                the IST trading day being squared off
 * @param cancelReferenceIds reference ids of the working MIS orders to cancel, oldest first
 * @param orders             one MARKET MIS order per open MIS position, on the opposite side for its full size
 */
public record SquareOffPlan(long timestampMillis, LocalDate day, List<String> cancelReferenceIds,
    List<OrderRequest> orders) {

  /** Validates and copies the lists. */
  public SquareOffPlan {
    required(day, "SquareOffPlan.day");
    cancelReferenceIds = List.copyOf(required(cancelReferenceIds, "SquareOffPlan.cancelReferenceIds"));
    orders = List.copyOf(required(orders, "SquareOffPlan.orders"));
  }

  /** Whether there is nothing to cancel and nothing to flatten. */
  public boolean isEmpty() {
    return cancelReferenceIds.isEmpty() && orders.isEmpty();
  }
}
