package io.aitrader.connector.postgres;

import io.aitrader.api.Registration;
import io.aitrader.api.order.Broker;
import io.aitrader.api.order.Fill;
import io.aitrader.api.order.Order;
import io.aitrader.api.order.OrderListener;
import io.aitrader.api.order.OrderModification;
import io.aitrader.api.order.OrderRequest;
import io.aitrader.api.order.OrderStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A broker that accepts every order and counts how many it was sent: the witness of "never sent twice". */
final class CountingBroker implements Broker {
  private final AtomicInteger placed = new AtomicInteger();
  private final Map<String, Order> orders = new ConcurrentHashMap<>();
  private final long atMillis;

  CountingBroker(long atMillis) {
    this.atMillis = atMillis;
  }

  int placed() {
    return placed.get();
  }

  @Override
  public String name() {
    return "counting";
  }

  @Override
  public Order place(OrderRequest request) {
    int n = placed.incrementAndGet();
    Order o = Order.accepted(request, "CB" + n, OrderStatus.OPEN, atMillis);
    orders.put(request.referenceId(), o);
    return o;
  }

  @Override
  public Order modify(Order order, OrderModification change) {
    throw new UnsupportedOperationException("modify");
  }

  @Override
  public Order cancel(Order order) {
    return order.withStatus(OrderStatus.CANCELLED, atMillis);
  }

  @Override
  public Optional<Order> order(String referenceId) {
    return Optional.ofNullable(orders.get(referenceId));
  }

  @Override
  public List<Order> orders() {
    return List.copyOf(orders.values());
  }

  @Override
  public List<Fill> trades(Order order) {
    return List.of();
  }

  @Override
  public Registration subscribe(OrderListener listener) {
    return () -> { };
  }

  @Override
  public void close() {
    orders.clear();
  }
}
