package io.aitrader.api.order;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import java.util.Optional;

/**
 * What an {@link OrderStore} holds for one reference id: the request as decided (written <em>before</em> it was sent
 * to a broker), then the latest state the broker reported, or why it never reached one.
 *
 * <p>An order with neither a state nor a failure is {@linkplain #isUnresolved() unresolved}: the process stopped
 * between deciding and learning the outcome, so on restart the order service asks the broker before doing anything
 * else — it never sends such an order again blindly.
 *
 * @param request          the order as decided
 * @param recordedAtMillis when the intent was recorded, epoch milliseconds, > 0
 * @param state            the latest broker state, if the broker answered
 * @param failure          why the order never reached the broker (and never will), if so
 */
public record StoredOrder(OrderRequest request, long recordedAtMillis, Optional<Order> state, Optional<String> failure) {
  /** Validates every component; see the type's rules. */
  public StoredOrder {
    required(request, "StoredOrder.request");
    required(state, "StoredOrder.state");
    required(failure, "StoredOrder.failure");
    // one branch on the valid path: messages are only built for a bad value (a record is made per order update)
    if (recordedAtMillis <= 0 || (state.isPresent() && failure.isPresent())
        || (state.isPresent() && !state.orElseThrow().referenceId().equals(request.referenceId()))) {
      check(recordedAtMillis > 0, "StoredOrder.recordedAtMillis", "must be > 0 (order " + request.referenceId() + ")",
          recordedAtMillis);
      check(state.isEmpty() || failure.isEmpty(), "StoredOrder.failure",
          "must be empty when the broker reported a state (order " + request.referenceId() + ")", failure.orElse(""));
      check(state.isEmpty() || state.orElseThrow().referenceId().equals(request.referenceId()), "StoredOrder.state",
          "must be of order " + request.referenceId(), state.map(Order::referenceId).orElse(""));
    }
  }

  public String referenceId() {
    return request.referenceId();
  }

  /** Neither a broker state nor a failure: the outcome of sending it is unknown. */
  public boolean isUnresolved() {
    return state.isEmpty() && failure.isEmpty();
  }

  /** Whether the order may still fill or change at the broker: it has a state and that state is active. */
  public boolean isActive() {
    return state.isPresent() && state.orElseThrow().status().isActive();
  }
}
