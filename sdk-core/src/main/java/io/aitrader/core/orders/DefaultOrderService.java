package io.aitrader.core.orders;

import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.BrokerException;
import io.aitrader.api.NotFoundException;
import io.aitrader.api.OrderRejectedException;
import io.aitrader.api.RateLimitedException;
import io.aitrader.api.Registration;
import io.aitrader.api.ValidationException;
import io.aitrader.api.bus.EventBus;
import io.aitrader.api.bus.Topics;
import io.aitrader.api.market.PriceBand;
import io.aitrader.api.market.PriceBands;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.Broker;
import io.aitrader.api.order.Fill;
import io.aitrader.api.order.Order;
import io.aitrader.api.order.OrderListener;
import io.aitrader.api.order.OrderModification;
import io.aitrader.api.order.OrderRequest;
import io.aitrader.api.order.OrderService;
import io.aitrader.api.order.OrderStore;
import io.aitrader.api.order.StoredOrder;
import io.aitrader.api.time.TimeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Order Service: validates, checks, records and routes every order to one {@link Broker}, and keeps each order's
 * state machine honest.
 *
 * <p>For each {@link #submit}: (1) a known reference id returns the known order (same request) or is refused
 * (different request); (2) validation — product allowed for the segment, limit and trigger prices inside the day's
 * {@link PriceBands price band} (lot and tick rules are {@link OrderRequest}'s own), quantity above the freeze
 * quantity sliced where the product allows it; (3) the {@link PreTradeCheck} (risk); (4) the intent of every slice
 * is written to the {@link OrderStore} — durably, before any broker call; (5) each slice is placed and its state
 * recorded. A refusal at (2) or (3) throws {@link OrderRejectedException} (or {@link RateLimitedException}) and
 * records nothing; a broker refusal at (5) is recorded as the order's failure.
 *
 * <p>Broker updates pass through {@link OrderTransitions}: an illegal transition (e.g. CANCELLED → OPEN, or a
 * filled quantity going back) is logged, counted and dropped, never applied. Accepted updates are recorded, published
 * on {@link Topics#orderUpdates()} / {@link Topics#fills()} when a bus is given, and passed to listeners.
 *
 * <p>Restart: {@link #reconcile()} (run by {@link Builder#build()} unless turned off) asks the broker about every
 * stored order that was not terminal; an order whose outcome was unknown (recorded, then the process stopped) is
 * adopted when the broker knows it and otherwise marked failed — it is never sent again.
 *
 * <pre>{@code
 * DefaultOrderService orders = DefaultOrderService.builder().broker(paper).store(FileOrderStore.open(path, repo))
 *     .timeSource(clock).priceBands(bands).preTradeCheck(risk).eventBus(bus).build();
 * Order o = orders.submit(request);
 * }</pre>
 *
 * <p>Thread-safe: one lock around each call and each broker callback.
 */
public final class DefaultOrderService implements OrderService, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultOrderService.class);

  private final Broker broker;
  private final OrderStore store;
  private final TimeSource clock;
  private final PriceBands priceBands;
  private final PreTradeCheck check;
  private final IntentRecorder intents;
  private final @Nullable EventBus bus;
  private final Map<String, Order> orders = new LinkedHashMap<>();
  /** The orders not yet terminal, in submission order: what {@link #openOrders()} reads without scanning history. */
  private final Map<String, Order> open = new LinkedHashMap<>();
  private final Map<String, List<String>> slicesByParent = new LinkedHashMap<>();
  private static final OrderListener[] NO_LISTENERS = new OrderListener[0];
  /** Copy on write under {@link #listenersLock}; each update reads the array as it is (no iterator per update). */
  private volatile OrderListener[] listeners = NO_LISTENERS;
  private final Object listenersLock = new Object();
  private final Registration brokerSubscription;
  private long illegalUpdates;
  private long unknownUpdates;

  private DefaultOrderService(Builder b) {
    this.broker = required(b.broker, "DefaultOrderService.broker");
    this.store = b.store == null ? new InMemoryOrderStore() : b.store;
    this.clock = required(b.clock, "DefaultOrderService.timeSource");
    this.priceBands = b.priceBands;
    this.check = b.check;
    this.intents = b.intents;
    this.bus = b.bus;
    for (StoredOrder s : store.orders()) {
      s.state().ifPresent(this::remember);
      if (isSliceOf(s, 2)) { // a sliced submission: rebuild its slice list
        List<String> ids = new ArrayList<>(List.of(s.referenceId()));
        for (int k = 2; isSliceOf(s, k); k++) {
          ids.add(Slicing.childId(s.referenceId(), k));
        }
        slicesByParent.put(s.referenceId(), List.copyOf(ids));
      }
    }
    this.brokerSubscription = broker.subscribe(new OrderListener() {
      @Override
      public void onOrderUpdate(Order order) {
        applyUpdate(order);
      }

      @Override
      public void onFill(Fill fill) {
        applyFill(fill);
      }
    });
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Whether slice {@code k} of {@code parent} is stored: an intent under the derived id, recorded in the same call
   * (same time) for the same order apart from quantity and id — so another order's id that happens to derive the
   * same child id is not mistaken for a slice.
   */
  private boolean isSliceOf(StoredOrder parent, int k) {
    Optional<StoredOrder> child = store.find(Slicing.childId(parent.referenceId(), k));
    if (child.isEmpty() || child.orElseThrow().recordedAtMillis() != parent.recordedAtMillis()) {
      return false;
    }
    OrderRequest c = child.orElseThrow().request();
    return c.toBuilder().quantity(parent.request().quantity()).referenceId(parent.referenceId()).build()
        .equals(parent.request());
  }

  @Override
  public synchronized Order submit(OrderRequest request) {
    required(request, "request");
    Optional<StoredOrder> known = store.find(request.referenceId());
    if (known.isPresent()) {
      return existing(known.orElseThrow(), request);
    }
    validate(request);
    long maxPerOrder = Slicing.maxPerOrder(request.instrument());
    if (request.quantity() > maxPerOrder && !ProductRules.maySlice(request.product())) {
      throw new OrderRejectedException("quantity " + request.quantity() + " of " + request.instrument().id()
          + " is above the freeze limit of " + maxPerOrder + " per order, and " + request.product()
          + " orders cannot be sliced; send at most " + maxPerOrder);
    }
    verdict(request);
    List<OrderRequest> slices = Slicing.slices(request, maxPerOrder);
    long now = clock.currentTimeMillis();
    for (OrderRequest slice : slices) {
      if (store.find(slice.referenceId()).isPresent()) {
        throw new OrderRejectedException("slice reference id " + slice.referenceId() + " derived from "
            + request.referenceId() + " is already used; submit under another reference id");
      }
    }
    for (OrderRequest slice : slices) {
      try {
        intents.recordIntent(slice, request.referenceId());
      } catch (RuntimeException e) {
        throw new OrderRejectedException("order " + slice.referenceId() + " was not sent: its intent could not be "
            + "recorded (" + e.getMessage() + "); nothing is sent unrecorded — fix the audit log and resubmit");
      }
    }
    for (OrderRequest slice : slices) {
      store.recordIntent(slice, now); // write-ahead: durable before the broker hears of it
    }
    if (slices.size() > 1) {
      List<String> ids = new ArrayList<>();
      slices.forEach(s -> ids.add(s.referenceId()));
      slicesByParent.put(request.referenceId(), List.copyOf(ids));
    }
    Order first = null;
    for (int k = 0; k < slices.size(); k++) {
      try {
        Order placed = place(slices.get(k));
        if (first == null) {
          first = placed;
        }
      } catch (RuntimeException e) {
        for (int rest = k + 1; rest < slices.size(); rest++) { // never sent: say so, so nothing waits on them
          store.recordFailure(slices.get(rest).referenceId(), "not sent: slice " + (k + 1) + " of "
              + request.referenceId() + " failed before it (" + e.getMessage() + ")", clock.currentTimeMillis());
        }
        throw e;
      }
    }
    return required(first, "first slice");
  }

  private Order place(OrderRequest slice) {
    Order placed;
    try {
      placed = broker.place(slice);
    } catch (OrderRejectedException e) {
      store.recordFailure(slice.referenceId(), broker.name() + " refused it: " + e.getMessage(), clock.currentTimeMillis());
      throw e;
    } catch (RateLimitedException e) {
      // not placed, but the reference id is recorded: a retry must come under a new id
      store.recordFailure(slice.referenceId(), broker.name() + " rate limit: " + e.getMessage(), clock.currentTimeMillis());
      throw new OrderRejectedException(broker.name() + " rate limit refused order " + slice.referenceId() + " ("
          + e.getMessage() + "); its reference id is spent — resubmit under a new id after "
          + e.retryAfterMillis() + " ms");
    } catch (BrokerException e) {
      Optional<Order> there = safeLookup(slice.referenceId());
      if (there.isPresent()) {
        applyUpdate(there.orElseThrow());
        return orders.get(slice.referenceId());
      }
      throw new BrokerException("outcome of order " + slice.referenceId() + " is unknown after: " + e.getMessage()
          + "; it is recorded and will be reconciled (call reconcile()), never sent twice", true, e);
    }
    applyUpdate(placed);
    Order current = orders.get(slice.referenceId());
    return current == null ? placed : current;
  }

  private Order existing(StoredOrder stored, OrderRequest request) {
    List<String> slices = slicesByParent.get(request.referenceId());
    long storedQuantity = stored.request().quantity();
    if (slices != null) {
      storedQuantity = 0;
      for (String id : slices) {
        storedQuantity += store.find(id).orElseThrow().request().quantity();
      }
    }
    OrderRequest asStored = stored.request().toBuilder().quantity(storedQuantity).build();
    if (!asStored.equals(request)) {
      throw new ValidationException("OrderRequest.referenceId", "reference id " + request.referenceId()
          + " already names a different order; a reference id names one order forever — use a new one");
    }
    if (stored.failure().isPresent()) {
      throw new OrderRejectedException("order " + request.referenceId() + " was not sent: " + stored.failure().orElseThrow());
    }
    if (slices != null) {
      for (String id : slices) {
        Optional<String> failed = store.find(id).orElseThrow().failure();
        if (failed.isPresent()) {
          throw new OrderRejectedException("order " + request.referenceId() + " went out only in part: slice " + id
              + " was not sent (" + failed.orElseThrow() + "); see slices(" + request.referenceId() + ")");
        }
      }
    }
    Order current = orders.get(request.referenceId());
    if (current == null) {
      throw new BrokerException("order " + request.referenceId() + " was recorded but its outcome is still unknown; "
          + "call reconcile() — it is never sent twice", true);
    }
    return current;
  }

  private void validate(OrderRequest r) {
    Optional<String> product = ProductRules.refusal(r.instrument(), r.product());
    if (product.isPresent()) {
      throw new OrderRejectedException(product.orElseThrow());
    }
    Optional<PriceBand> band = priceBands.band(r.instrument());
    if (band.isPresent()) {
      PriceBand b = band.orElseThrow();
      checkBand("limit price", r.limitPrice(), b, r);
      checkBand("trigger price", r.triggerPrice(), b, r);
    }
  }

  private static void checkBand(String what, Optional<Price> price, PriceBand band, OrderRequest r) {
    if (price.isPresent() && !band.contains(price.orElseThrow())) {
      throw new OrderRejectedException(what + " " + price.orElseThrow() + " of " + r.instrument().id()
          + " is outside today's price band " + band + "; price it inside the band");
    }
  }

  private void verdict(OrderRequest r) {
    enforce(check.check(r));
  }

  private static void enforce(PreTradeCheck.Verdict v) {
    if (!v.passed()) {
      if (v.rateLimited()) {
        throw new RateLimitedException(v.reason(), v.retryAfterMillis());
      }
      throw new OrderRejectedException(v.reason());
    }
  }

  @Override
  public synchronized Order cancel(String referenceId) {
    Order first = require(referenceId);
    List<String> slices = slicesByParent.getOrDefault(referenceId, List.of(referenceId));
    for (String id : slices) {
      Order o = orders.get(id);
      if (o != null && !o.isTerminal()) {
        applyUpdate(broker.cancel(o));
      }
    }
    return orders.getOrDefault(referenceId, first);
  }

  @Override
  public synchronized Order modify(String referenceId, OrderModification change) {
    Order current = require(referenceId);
    if (current.isTerminal()) {
      throw new OrderRejectedException("order " + referenceId + " is " + current.status() + " and cannot be modified");
    }
    OrderRequest changed = change.applyTo(current.request());
    validate(changed);
    if (changed.quantity() > Slicing.maxPerOrder(changed.instrument())) {
      throw new OrderRejectedException("modified quantity " + changed.quantity() + " is above the freeze limit of "
          + Slicing.maxPerOrder(changed.instrument()) + " per order");
    }
    enforce(check.checkModification(current, changed));
    applyUpdate(broker.modify(current, change));
    return orders.get(referenceId);
  }

  @Override
  public synchronized Optional<Order> find(String referenceId) {
    return Optional.ofNullable(orders.get(referenceId));
  }

  @Override
  public synchronized List<Order> slices(String referenceId) {
    List<String> ids = slicesByParent.get(referenceId);
    if (ids == null) {
      return find(referenceId).map(List::of).orElse(List.of());
    }
    List<Order> out = new ArrayList<>();
    for (String id : ids) {
      Order o = orders.get(id);
      if (o != null) {
        out.add(o);
      }
    }
    return List.copyOf(out);
  }

  @Override
  public boolean isKnown(String referenceId) {
    return store.find(referenceId).isPresent();
  }

  @Override
  public synchronized List<Order> openOrders() {
    return List.copyOf(open.values());
  }

  private void remember(Order o) {
    orders.put(o.referenceId(), o);
    if (o.isTerminal()) {
      open.remove(o.referenceId());
    } else {
      open.put(o.referenceId(), o);
    }
  }

  /** Cancels every open order (of {@code strategyId} when present; all when empty). Returns how many it asked to cancel. */
  public synchronized int cancelAll(Optional<String> strategyId) {
    int n = 0;
    for (Order o : new ArrayList<>(open.values())) {
      if (!o.isTerminal() && (strategyId.isEmpty() || strategyId.orElseThrow().equals(o.request().strategyId()))) {
        applyUpdate(broker.cancel(o));
        n++;
      }
    }
    return n;
  }

  @Override
  public Registration subscribe(OrderListener listener) {
    required(listener, "listener");
    synchronized (listenersLock) {
      OrderListener[] grown = Arrays.copyOf(listeners, listeners.length + 1);
      grown[grown.length - 1] = listener;
      listeners = grown;
    }
    return () -> unsubscribe(listener);
  }

  /** Removes the first subscription of {@code listener} (by {@code equals}), if any. */
  private void unsubscribe(OrderListener listener) {
    synchronized (listenersLock) {
      OrderListener[] current = listeners;
      for (int i = 0; i < current.length; i++) {
        if (current[i].equals(listener)) {
          OrderListener[] shrunk = new OrderListener[current.length - 1];
          System.arraycopy(current, 0, shrunk, 0, i);
          System.arraycopy(current, i + 1, shrunk, i, current.length - i - 1);
          listeners = shrunk;
          return;
        }
      }
    }
  }

  /**
   * Settles every stored order whose outcome is unknown or that was still active: adopts the broker's state when it
   * knows the order, and marks an unknown, never-confirmed order failed (it is not sent again) — only when the broker
   * answered; an order it could not be asked about stays as it was ({@link ReconcileReport#pending()}). Safe to call at any
   * time; {@link Builder#build()} calls it once.
   */
  public synchronized ReconcileReport reconcile() {
    List<String> adopted = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    List<String> refreshed = new ArrayList<>();
    List<String> pending = new ArrayList<>();
    for (StoredOrder s : store.orders()) {
      if (!s.isUnresolved() && !s.isActive()) {
        continue;
      }
      Optional<Order> there;
      try {
        there = broker.order(s.referenceId());
      } catch (BrokerException e) { // the broker could not be asked: nothing is decided about this order
        LOG.warn("cannot ask {} about order {}: {}", broker.name(), s.referenceId(), e.getMessage());
        pending.add(s.referenceId());
        continue;
      }
      if (s.isUnresolved()) {
        if (there.isPresent()) {
          applyUpdate(there.orElseThrow());
          adopted.add(s.referenceId());
        } else {
          store.recordFailure(s.referenceId(), "outcome unknown at restart and " + broker.name()
              + " has no such order; not sent again", clock.currentTimeMillis());
          failed.add(s.referenceId());
        }
      } else if (there.isPresent() && applyUpdate(there.orElseThrow())) {
        refreshed.add(s.referenceId());
      }
    }
    ReconcileReport report = new ReconcileReport(adopted, failed, refreshed, pending);
    if (!report.isEmpty()) {
      LOG.info("order reconciliation with {}: {}", broker.name(), report);
    }
    return report;
  }

  private Optional<Order> safeLookup(String referenceId) {
    try {
      return broker.order(referenceId);
    } catch (BrokerException e) {
      LOG.warn("cannot ask {} about order {}: {}", broker.name(), referenceId, e.getMessage());
      return Optional.empty();
    }
  }

  /** Applies a broker update if it is legal and new; returns whether it was applied. */
  private synchronized boolean applyUpdate(Order update) {
    String id = update.referenceId();
    Order current = orders.get(id);
    if (current == null) {
      if (store.find(id).isEmpty()) {
        unknownUpdates++;
        LOG.warn("ignoring an update from {} for order {} this service did not send", broker.name(), id);
        return false;
      }
    } else {
      if (OrderTransitions.isDuplicate(current, update)) {
        return false;
      }
      Optional<String> illegal = OrderTransitions.check(current, update);
      if (illegal.isPresent()) {
        illegalUpdates++;
        LOG.warn("rejected an illegal update of order {} from {}: {}", id, broker.name(), illegal.orElseThrow());
        return false;
      }
    }
    store.recordState(update);
    remember(update);
    if (bus != null) {
      bus.publish(Topics.orderUpdates(), update);
    }
    for (OrderListener l : listeners) {
      try {
        l.onOrderUpdate(update);
      } catch (RuntimeException e) {
        LOG.error("order listener {} failed on order {}", l, id, e);
      }
    }
    return true;
  }

  private synchronized void applyFill(Fill fill) {
    if (store.find(fill.referenceId()).isEmpty()) {
      unknownUpdates++;
      LOG.warn("ignoring fill {} from {} for order {} this service did not send", fill.tradeId(), broker.name(),
          fill.referenceId());
      return;
    }
    if (bus != null) {
      bus.publish(Topics.fills(), fill);
    }
    for (OrderListener l : listeners) {
      try {
        l.onFill(fill);
      } catch (RuntimeException e) {
        LOG.error("order listener {} failed on fill {}", l, fill.tradeId(), e);
      }
    }
  }

  private Order require(String referenceId) {
    Order o = orders.get(referenceId);
    if (o == null) {
      throw new NotFoundException("no order with reference id " + referenceId
          + (store.find(referenceId).isPresent() ? " has a broker state yet (outcome unknown; call reconcile())" : ""));
    }
    return o;
  }

  /** Broker updates dropped because they broke the state machine. */
  public synchronized long illegalUpdates() {
    return illegalUpdates;
  }

  /** Broker updates and fills dropped because they were for orders this service never sent. */
  public synchronized long unknownUpdates() {
    return unknownUpdates;
  }

  /** Stops listening to the broker and closes the store. Does not close the broker. */
  @Override
  public void close() {
    brokerSubscription.close();
    store.close();
  }

  /**
   * What {@link #reconcile()} did.
   *
   * @param adopted   unresolved orders the broker knew: their broker state is now recorded
   * @param failed    unresolved orders the broker did not know: marked failed, not sent
   * @param refreshed active orders whose state had moved on at the broker
   * @param pending   orders the broker could not be asked about (it failed to answer): left as they were, for the
   *                  next reconciliation
   */
  public record ReconcileReport(List<String> adopted, List<String> failed, List<String> refreshed, List<String> pending) {
    public ReconcileReport {
      adopted = List.copyOf(adopted);
      failed = List.copyOf(failed);
      refreshed = List.copyOf(refreshed);
      pending = List.copyOf(pending);
    }

    public boolean isEmpty() {
      return adopted.isEmpty() && failed.isEmpty() && refreshed.isEmpty() && pending.isEmpty();
    }
  }

  /** Configures a {@link DefaultOrderService}; broker and time source are required. Not thread-safe. */
  public static final class Builder {
    private @Nullable Broker broker;
    private @Nullable OrderStore store;
    private @Nullable TimeSource clock;
    private PriceBands priceBands = PriceBands.NONE;
    private PreTradeCheck check = PreTradeCheck.NONE;
    private IntentRecorder intents = IntentRecorder.NONE;
    private @Nullable EventBus bus;
    private boolean reconcileOnStart = true;

    private Builder() {}

    public Builder broker(Broker v) { this.broker = required(v, "broker"); return this; }

    /** Defaults to an {@link InMemoryOrderStore} (nothing survives a restart). */
    public Builder store(OrderStore v) { this.store = required(v, "store"); return this; }

    public Builder timeSource(TimeSource v) { this.clock = required(v, "timeSource"); return this; }

    /** Defaults to {@link PriceBands#NONE}. */
    public Builder priceBands(PriceBands v) { this.priceBands = required(v, "priceBands"); return this; }

    /** Defaults to {@link PreTradeCheck#NONE}. */
    public Builder preTradeCheck(PreTradeCheck v) { this.check = required(v, "preTradeCheck"); return this; }

    /** Records each order's intent before it is sent (the audit log); refuses the order if it cannot. None by default. */
    public Builder intentRecorder(IntentRecorder v) { this.intents = required(v, "intentRecorder"); return this; }

    /** Where order updates and fills are published; none by default. */
    public Builder eventBus(EventBus v) { this.bus = required(v, "eventBus"); return this; }

    /** Whether {@link #build()} reconciles the store with the broker (default true). */
    public Builder reconcileOnStart(boolean v) { this.reconcileOnStart = v; return this; }

    public DefaultOrderService build() {
      DefaultOrderService service = new DefaultOrderService(this);
      if (reconcileOnStart) {
        service.reconcile();
      }
      return service;
    }
  }
}
