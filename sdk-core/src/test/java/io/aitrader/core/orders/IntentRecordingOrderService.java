package io.aitrader.core.orders;

import io.aitrader.api.NotFoundException;
import io.aitrader.api.Registration;
import io.aitrader.api.order.Order;
import io.aitrader.api.order.OrderListener;
import io.aitrader.api.order.OrderModification;
import io.aitrader.api.order.OrderRequest;
import io.aitrader.api.order.OrderService;
import io.aitrader.api.order.OrderStatus;
import io.aitrader.api.time.TimeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test double: an {@link OrderService} that sends nothing. It records each submitted order as an <em>intent</em> (status
 * {@link OrderStatus#NEW}, never filled) so a strategy's decisions can be tested without a broker. Keeps
 * the SPI's idempotency rule: a reference id submitted again returns the recorded order; a different request under
 * a known id is refused.
 *
 * <p>Thread-safe (synchronized); time from the injected {@link TimeSource}.
 */
public final class IntentRecordingOrderService implements OrderService {
  private final TimeSource clock;
  private final Map<String, Order> orders = new LinkedHashMap<>();
  private final List<OrderListener> listeners = new CopyOnWriteArrayList<>();

  public IntentRecordingOrderService(TimeSource clock) {
    this.clock = clock;
  }

  @Override
  public synchronized Order submit(OrderRequest request) {
    Order known = orders.get(request.referenceId());
    if (known != null) {
      if (!known.request().equals(request)) {
        throw new IllegalArgumentException("reference id " + request.referenceId()
            + " was already used for a different order; use a new reference id");
      }
      return known;
    }
    Order order = Order.accepted(request, "intent-" + (orders.size() + 1), OrderStatus.NEW, clock.currentTimeMillis());
    orders.put(request.referenceId(), order);
    listeners.forEach(l -> l.onOrderUpdate(order));
    return order;
  }

  @Override
  public synchronized Order cancel(String referenceId) {
    Order order = require(referenceId);
    if (order.status().isTerminal()) {
      return order;
    }
    Order cancelled = order.withStatus(OrderStatus.CANCELLED, Math.max(order.updatedAtMillis(), clock.currentTimeMillis()));
    orders.put(referenceId, cancelled);
    listeners.forEach(l -> l.onOrderUpdate(cancelled));
    return cancelled;
  }

  @Override
  public synchronized Order modify(String referenceId, OrderModification change) {
    Order order = require(referenceId);
    Order modified = order.withRequest(change.applyTo(order.request()), order.status(),
        Math.max(order.updatedAtMillis(), clock.currentTimeMillis()));
    orders.put(referenceId, modified);
    listeners.forEach(l -> l.onOrderUpdate(modified));
    return modified;
  }

  @Override
  public synchronized Optional<Order> find(String referenceId) {
    return Optional.ofNullable(orders.get(referenceId));
  }

  @Override
  public synchronized List<Order> openOrders() {
    return orders.values().stream().filter(o -> !o.status().isTerminal()).toList();
  }

  /** Every recorded order, in submission order. */
  public synchronized List<Order> intents() {
    return new ArrayList<>(orders.values());
  }

  @Override
  public Registration subscribe(OrderListener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  private Order require(String referenceId) {
    Order order = orders.get(referenceId);
    if (order == null) {
      throw new NotFoundException("no order with reference id " + referenceId);
    }
    return order;
  }
}
