package io.aitrader.core.orders;

import io.aitrader.api.BrokerException;
import io.aitrader.api.OrderRejectedException;
import io.aitrader.api.Registration;
import io.aitrader.api.order.Broker;
import io.aitrader.api.order.Fill;
import io.aitrader.api.order.Order;
import io.aitrader.api.order.OrderListener;
import io.aitrader.api.order.OrderModification;
import io.aitrader.api.order.OrderRequest;
import io.aitrader.api.order.OrderStatus;
import io.aitrader.api.order.OrderStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A broker double for order-service tests: accepts orders as OPEN, remembers them, lets the test push updates, and
 * can be told to refuse or to time out after (or before) placing. It also notes whether the intent of each order was
 * already in the store when {@link #place} was called (the write-ahead rule).
 */
public final class ScriptedBroker implements Broker {
  public enum Mode { ACCEPT, REFUSE, RATE_LIMITED, TIMEOUT_AFTER_PLACING, TIMEOUT_BEFORE_PLACING }

  final Map<String, Order> known = new LinkedHashMap<>();
  public final List<String> placed = new ArrayList<>();
  final List<String> cancelled = new ArrayList<>();
  final List<Boolean> intentStoredBeforePlace = new ArrayList<>();
  private final List<OrderListener> listeners = new CopyOnWriteArrayList<>();
  private OrderStore watchedStore = new InMemoryOrderStore();
  Mode mode = Mode.ACCEPT;
  /** From this many accepted orders on, {@link #mode} switches to REFUSE (to fail a later slice). */
  int refuseAfter = Integer.MAX_VALUE;
  /** When true, {@link #order} fails as an unreachable broker does. */
  boolean unreachable;
  long now = 1_736_135_100_000L;
  private int ids;

  void watch(OrderStore store) {
    this.watchedStore = store;
  }

  @Override
  public String name() {
    return "scripted";
  }

  @Override
  public Order place(OrderRequest request) {
    intentStoredBeforePlace.add(watchedStore.find(request.referenceId()).isPresent());
    if (known.containsKey(request.referenceId())) {
      throw new OrderRejectedException("GA007 reference id " + request.referenceId() + " reused");
    }
    if (placed.size() >= refuseAfter) {
      mode = Mode.REFUSE;
    }
    switch (mode) {
      case REFUSE:
        throw new OrderRejectedException("insufficient margin");
      case RATE_LIMITED:
        throw new io.aitrader.api.RateLimitedException("GA429 too many requests", 1_000);
      case TIMEOUT_BEFORE_PLACING:
        throw new BrokerException("read timed out", true);
      default:
        break;
    }
    Order o = Order.accepted(request, "GMK" + (++ids), OrderStatus.OPEN, now);
    known.put(request.referenceId(), o);
    placed.add(request.referenceId());
    if (mode == Mode.TIMEOUT_AFTER_PLACING) {
      throw new BrokerException("read timed out", true);
    }
    return o;
  }

  @Override
  public Order modify(Order order, OrderModification change) {
    Order m = order.withRequest(change.applyTo(order.request()), OrderStatus.OPEN, now);
    known.put(order.referenceId(), m);
    return m;
  }

  @Override
  public Order cancel(Order order) {
    cancelled.add(order.referenceId());
    Order c = known.get(order.referenceId()).withStatus(OrderStatus.CANCELLED, now);
    known.put(order.referenceId(), c);
    return c;
  }

  /** Pushes an update to subscribers, as a broker's order stream would. */
  void emit(Order update) {
    known.put(update.referenceId(), update);
    listeners.forEach(l -> l.onOrderUpdate(update));
  }

  public void emitFill(Fill fill) {
    listeners.forEach(l -> l.onFill(fill));
  }

  @Override
  public Optional<Order> order(String referenceId) {
    if (unreachable) {
      throw new BrokerException("connect timed out", true);
    }
    return Optional.ofNullable(known.get(referenceId));
  }

  @Override
  public List<Order> orders() {
    return List.copyOf(known.values());
  }

  @Override
  public List<Fill> trades(Order order) {
    return List.of();
  }

  @Override
  public Registration subscribe(OrderListener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  @Override
  public void close() {
    listeners.clear();
  }
}
