package io.aitrader.groww.broker;

import io.aitrader.api.BrokerException;
import io.aitrader.api.OrderRejectedException;
import io.aitrader.api.Registration;
import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.InstrumentRepository;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.order.Broker;
import io.aitrader.api.order.Fill;
import io.aitrader.api.order.Order;
import io.aitrader.api.order.OrderListener;
import io.aitrader.api.order.OrderModification;
import io.aitrader.api.order.OrderRequest;
import io.aitrader.api.time.TimeSource;
import io.aitrader.groww.feed.GrowwOrderUpdate;
import io.aitrader.groww.rest.DuplicateReferenceException;
import io.aitrader.groww.rest.GrowwApiException;
import io.aitrader.groww.rest.GrowwClient;
import io.aitrader.groww.rest.GrowwOrder;
import io.aitrader.groww.rest.GrowwOrders;
import io.aitrader.groww.rest.GrowwTrade;
import io.aitrader.groww.rest.OrderAck;
import io.aitrader.groww.rest.OrderPlacement;
import io.aitrader.groww.rest.OrderStatusInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Broker} SPI over Groww's REST API: {@code broker: groww} in configuration.
 *
 * <pre>{@code
 * GrowwClient client = GrowwClient.create(GrowwClientConfig.builder().credentials(creds).build());
 * Broker broker = new GrowwBroker(client, GrowwInstruments.load(client));
 * Order o = broker.place(request);
 * }</pre>
 *
 * <p><b>Safe placement.</b> An order is never blindly resent. When the place call times out or gets a retryable
 * error (5xx, GA000, GA003), the broker looks the order up by its reference id: found ⇒ that order is returned;
 * not found ⇒ it was not placed and is sent once more with the <em>same</em> reference id (Groww refuses a reused
 * one with GA007, so a late duplicate cannot trade twice). GA007 ⇒ the order exists: it is fetched and returned.
 * When even the lookup fails, a retryable {@link BrokerException} says the outcome is unknown.
 *
 * <p><b>Updates.</b> {@link #subscribe} registers listeners; the order-update stream (or anything else) delivers
 * updates through {@link #onOrderUpdate(Order)} and {@link #onFill(Fill)}, and {@link #pollOpenOrders()} asks Groww
 * for the status of every active order and reports changes. Statuses map one to one (Groww's {@code OPEN}
 * included).
 *
 * <p>Thread-safe. Listeners are called on the thread that delivers the update; an exception a listener throws is
 * logged and does not stop the others.
 */
public final class GrowwBroker implements Broker {
  private static final Logger LOG = LoggerFactory.getLogger(GrowwBroker.class);

  private final GrowwOrders orders;
  private final InstrumentRepository instruments;
  private final TimeSource clock;
  private final Map<String, Order> byReference = new ConcurrentHashMap<>();
  private final List<OrderListener> listeners = new CopyOnWriteArrayList<>();
  /** Trade ids already reported as fills (by polling or the order-update stream): each fill is reported once. */
  private final Set<String> reportedTrades = ConcurrentHashMap.newKeySet();

  public GrowwBroker(GrowwClient client, InstrumentRepository instruments) {
    ValidationException.required(client, "GrowwBroker.client");
    this.orders = client.orders();
    this.instruments = ValidationException.required(instruments, "GrowwBroker.instruments");
    this.clock = client.config().clock();
  }

  @Override
  public String name() {
    return "groww";
  }

  @Override
  public Order place(OrderRequest request) {
    ValidationException.required(request, "GrowwBroker.request");
    OrderPlacement placement = OrderPlacement.of(request);
    try {
      return accepted(request, orders.place(placement));
    } catch (DuplicateReferenceException e) {
      return existing(request).orElseThrow(() -> e);
    } catch (GrowwApiException e) {
      if (!e.isRetryable()) {
        throw e;
      }
      LOG.warn("Placing order {} failed ({}); looking it up by its reference id before deciding",
          request.referenceId(), e.getClass().getSimpleName());
      Optional<Order> found = lookupAfterFailure(request, e);
      if (found.isPresent()) {
        return found.get();
      }
      LOG.info("Order {} was not placed; sending it once more with the same reference id", request.referenceId());
      try {
        return accepted(request, orders.place(placement));
      } catch (DuplicateReferenceException d) {
        return existing(request).orElseThrow(() -> d);
      } catch (GrowwApiException again) {
        if (!again.isRetryable()) {
          throw again;
        }
        return lookupAfterFailure(request, again).orElseThrow(() -> new BrokerException("Order "
            + request.referenceId() + " was not placed: Groww failed twice (" + again.getMessage() + "); retry later "
            + "with the same reference id", true, again));
      }
    }
  }

  private Optional<Order> lookupAfterFailure(OrderRequest request, GrowwApiException cause) {
    try {
      return existing(request);
    } catch (GrowwApiException lookupFailure) {
      throw new BrokerException("The outcome of order " + request.referenceId() + " is unknown: placing it failed ("
          + cause.getMessage() + ") and looking it up failed too (" + lookupFailure.getMessage() + "); call "
          + "order(\"" + request.referenceId() + "\") later before sending it again", true, cause);
    }
  }

  /** The order with this request's reference id at Groww, if any (its detail when anything has filled). */
  private Optional<Order> existing(OrderRequest request) {
    Optional<OrderStatusInfo> s = orders.statusByReference(request.referenceId(), request.instrument().segment());
    return s.map(info -> remember(fromStatus(request, info, Optional.ofNullable(byReference.get(request.referenceId())))));
  }

  private Order fromStatus(OrderRequest request, OrderStatusInfo info, Optional<Order> previous) {
    long now = clock.currentTimeMillis();
    if (info.filledQuantity() > 0) {
      GrowwOrder detail = orders.detail(info.growwOrderId(), request.instrument().segment());
      return OrderMapping.orderOf(OrderMapping.currentRequest(request, detail), detail, now);
    }
    long created = previous.map(Order::createdAtMillis).orElse(now);
    return new Order(request, info.growwOrderId(), info.status(), 0, Optional.empty(), info.remark(), created,
        Math.max(created, now));
  }

  private Order accepted(OrderRequest request, OrderAck ack) {
    long now = clock.currentTimeMillis();
    return remember(new Order(request, ack.growwOrderId(), ack.status(), 0, Optional.empty(), ack.remark(), now, now));
  }

  private Order remember(Order o) {
    byReference.put(o.referenceId(), o);
    return o;
  }

  @Override
  public Order modify(Order order, OrderModification change) {
    ValidationException.required(order, "GrowwBroker.order");
    ValidationException.required(change, "GrowwBroker.change");
    if (order.isTerminal()) {
      throw new OrderRejectedException("order " + order.referenceId() + " is " + order.status()
          + " and can no longer be modified");
    }
    OrderRequest changed = change.applyTo(order.request());
    OrderAck ack = orders.modify(order.brokerOrderId(), order.instrument().segment(), changed.quantity(),
        changed.orderType(), changed.limitPrice(), changed.triggerPrice());
    return remember(order.withRequest(changed, ack.status(), Math.max(order.createdAtMillis(),
        clock.currentTimeMillis())));
  }

  @Override
  public Order cancel(Order order) {
    ValidationException.required(order, "GrowwBroker.order");
    if (order.isTerminal()) {
      return order;
    }
    OrderAck ack = orders.cancel(order.brokerOrderId(), order.instrument().segment());
    return remember(order.withStatus(ack.status(), Math.max(order.updatedAtMillis(), clock.currentTimeMillis())));
  }

  /** The latest state at Groww of the order with this reference id (looked up in each segment if not known). */
  @Override
  public Optional<Order> order(String referenceId) {
    ValidationException.requireText(referenceId, "GrowwBroker.referenceId");
    Order known = byReference.get(referenceId);
    if (known != null) {
      return existing(known.request());
    }
    for (Segment segment : Segment.values()) {
      Optional<OrderStatusInfo> s = orders.statusByReference(referenceId, segment);
      if (s.isPresent()) {
        GrowwOrder detail = orders.detail(s.get().growwOrderId(), segment);
        return OrderMapping.requestOf(detail, instruments)
            .map(r -> remember(OrderMapping.orderOf(r, detail, clock.currentTimeMillis())));
      }
    }
    return Optional.empty();
  }

  /**
   * Every order of the day at Groww, oldest first. Orders whose instrument is not in the repository, or that the
   * SDK's order rules cannot express, are left out (counted in a warning).
   */
  @Override
  public List<Order> orders() {
    List<Order> out = new ArrayList<>();
    int skipped = 0;
    long now = clock.currentTimeMillis();
    for (GrowwOrder o : orders.listAll(Optional.empty())) {
      Order known = o.referenceId().map(byReference::get).orElse(null);
      Optional<OrderRequest> request = known != null
          ? Optional.of(OrderMapping.currentRequest(known.request(), o)) : OrderMapping.requestOf(o, instruments);
      if (request.isEmpty()) {
        skipped++;
        continue;
      }
      out.add(OrderMapping.orderOf(request.get(), o, now));
    }
    if (skipped > 0) {
      LOG.warn("{} Groww orders were left out: unknown instrument or not expressible as an SDK order", skipped);
    }
    out.sort(Comparator.comparingLong(Order::createdAtMillis));
    return List.copyOf(out);
  }

  @Override
  public List<Fill> trades(Order order) {
    ValidationException.required(order, "GrowwBroker.order");
    List<Fill> out = new ArrayList<>();
    for (GrowwTrade t : orders.allTrades(order.brokerOrderId(), order.instrument().segment())) {
      OrderMapping.fillOf(t, order).ifPresent(out::add);
    }
    out.sort(Comparator.comparingLong(Fill::timestampMillis));
    return List.copyOf(out);
  }

  @Override
  public Registration subscribe(OrderListener listener) {
    ValidationException.required(listener, "GrowwBroker.listener");
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** Delivers an order update (e.g. from the order-update stream) to every listener and remembers it. */
  public void onOrderUpdate(Order order) {
    ValidationException.required(order, "GrowwBroker.order");
    remember(order);
    for (OrderListener l : listeners) {
      try {
        l.onOrderUpdate(order);
      } catch (RuntimeException e) {
        LOG.warn("An order listener failed on {}: {}", order.referenceId(), e.toString());
      }
    }
  }

  /** Delivers a fill to every listener. */
  public void onFill(Fill fill) {
    ValidationException.required(fill, "GrowwBroker.fill");
    for (OrderListener l : listeners) {
      try {
        l.onFill(fill);
      } catch (RuntimeException e) {
        LOG.warn("An order listener failed on fill {}: {}", fill.tradeId(), e.toString());
      }
    }
  }

  /**
   * Asks Groww for the status of every active order this broker knows and reports each change (status or filled
   * quantity) through {@link #onOrderUpdate(Order)}, then — when more has filled — the order's new trades as fills
   * ({@link #onFill(Fill)}; each trade once). Returns the changed orders.
   */
  public List<Order> pollOpenOrders() {
    List<Order> changed = new ArrayList<>();
    for (Order o : List.copyOf(byReference.values())) {
      if (!o.isTerminal()) {
        refresh(o).ifPresent(changed::add);
      }
    }
    return changed;
  }

  /**
   * Takes an update from the feed's order-update stream ({@code stocks/order/updates.apex.<id>}): when it is about an
   * order of this broker whose status or filled quantity it changes, the order is read back over REST and reported
   * like a poll's change (the stream's int64 prices are in an unconfirmed unit, so the REST state is what counts).
   * Updates of orders this broker does not know (placed elsewhere) are ignored. Returns the reported order, if any.
   */
  public Optional<Order> onFeedUpdate(GrowwOrderUpdate update) {
    ValidationException.required(update, "GrowwBroker.update");
    for (Order o : byReference.values()) {
      if (o.brokerOrderId().equals(update.growwOrderId())) {
        if (o.isTerminal() || (update.orderStatus() == o.status() && update.filledQuantity() == o.filledQuantity())) {
          return Optional.empty();
        }
        return refresh(o);
      }
    }
    return Optional.empty();
  }

  /** Reads {@code o} back from Groww; reports it (and its new fills) when its status or filled quantity changed. */
  private Optional<Order> refresh(Order o) {
    Optional<Order> now = existing(o.request());
    if (now.isEmpty() || (now.get().status() == o.status() && now.get().filledQuantity() == o.filledQuantity())) {
      return Optional.empty();
    }
    onOrderUpdate(now.get());
    if (now.get().filledQuantity() > o.filledQuantity()) {
      for (Fill f : trades(now.get())) {
        if (reportedTrades.add(f.tradeId())) {
          onFill(f);
        }
      }
    }
    return now;
  }

  /** The latest state this broker knows of an order, without asking Groww. */
  public Optional<Order> known(String referenceId) {
    return Optional.ofNullable(byReference.get(referenceId));
  }

  @Override
  public void close() {
    listeners.clear();
  }

  @Override
  public String toString() {
    return "GrowwBroker[" + byReference.size() + " orders known]";
  }
}
