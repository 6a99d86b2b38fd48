package io.aitrader.core.paper;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.requireText;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.NotFoundException;
import io.aitrader.api.OrderRejectedException;
import io.aitrader.api.Registration;
import io.aitrader.api.ValidationException;
import io.aitrader.api.market.BarView;
import io.aitrader.api.market.PriceBand;
import io.aitrader.api.market.PriceBands;
import io.aitrader.api.market.Tick;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.Broker;
import io.aitrader.api.order.Fill;
import io.aitrader.api.order.Order;
import io.aitrader.api.order.OrderListener;
import io.aitrader.api.order.OrderModification;
import io.aitrader.api.order.OrderRequest;
import io.aitrader.api.order.OrderStatus;
import io.aitrader.api.order.OrderType;
import io.aitrader.api.order.Validity;
import io.aitrader.api.time.TimeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The simulated exchange: a {@link Broker} that fills orders from the market stream it is fed, for paper trading
 * and backtests. The same input (orders, market events, times) always gives the same orders, fills and ids.
 *
 * <pre>{@code
 * PaperBroker broker = PaperBroker.builder()
 *     .timeSource(clock)                    // stamps place/modify/cancel; fills take the market event's time
 *     .fillMode(FillMode.TICK)
 *     .slippage(Slippage.halfSpread(5))
 *     .maxVolumeShare(0.25)
 *     .fundsCheck((request, price) -> portfolio.refusal(request, price))
 *     .build();
 * broker.subscribe(listener);
 * Order o = broker.place(request);          // OPEN (TRIGGER_PENDING for SL/SL-M) or REJECTED with a remark
 * broker.onTick(tick);                      // fills, triggers, IOC expiry: listeners are called before it returns
 * broker.endOfDay(sessionCloseMillis);      // DAY orders still open are cancelled: "expired at end of day"
 * }</pre>
 *
 * <h2>Fill model</h2>
 * <ul>
 *   <li><b>Which events count.</b> An order placed (or last modified) at time {@code t} — from the
 *       {@link TimeSource} — is matched against market events of its instrument <em>processed after</em> the call
 *       returned and stamped at or after {@code t}: a tick with {@code timestampMillis >= t}, a bar with
 *       {@code openTimeMillis >= t}. A tick processed before the order was placed never fills it; an event stamped
 *       before {@code t} (late data) is ignored for that order. In {@link FillMode#BAR} only complete bars count.
 *       An order placed from a listener during a market event waits for the next event.</li>
 *   <li><b>MARKET</b> (and SL-M once triggered) fills at the event's price through the {@link Slippage} model: the
 *       tick's last price (with its bid/ask), or the bar's open.</li>
 *   <li><b>LIMIT</b> (and SL once triggered): an order marketable when it arrives fills at the arriving price
 *       (the first tick's price, or the bar's open, when better than the limit); a resting order fills at its limit
 *       when a trade goes through it ({@link LimitFill#THROUGH}, the default: a BUY needs a print strictly below
 *       the limit) or touches it ({@link LimitFill#TOUCH}). In bar mode a bar whose open is already better fills
 *       at the open, else a bar whose low (BUY) or high (SELL) goes through the limit fills at the limit. No
 *       slippage is applied to limit fills.</li>
 *   <li><b>SL / SL-M</b>: a BUY triggers when a trade is at or above its trigger price, a SELL at or below (in bar
 *       mode: the bar's high / low; at the open when the bar gaps through it). The order then reports
 *       {@code OPEN} and is matched against the same event: SL-M as a market order at the triggering price, SL as
 *       a limit order arriving at that price. A bar that triggers an SL mid-bar fills it only if the trigger price
 *       itself fills the limit (the rest of the bar's range may have traded before the trigger).</li>
 *   <li><b>Partial fills.</b> Each event lets an order take at most {@code maxVolumeShare} of the event's traded
 *       quantity ({@link Tick#lastQuantity()} or the bar's volume), rounded down to the lot size; the rest waits
 *       for later events. The cap is per order. {@code 1.0} (the default) means no cap: the whole remaining
 *       quantity fills on one event, whatever its volume. The average fill price is exact (Σ price × quantity ÷
 *       quantity, half-even to ₹0.0001).</li>
 *   <li><b>Validity.</b> IOC: whatever did not fill on the first event where the order was live (for a stop
 *       order: the event that triggered it) is cancelled with a remark. DAY (and EOS) orders still open at
 *       {@link #endOfDay(long)} are cancelled with remark {@value #EXPIRED_REMARK}; GTC and GTD orders stay.</li>
 *   <li><b>Times.</b> A fill, trigger or IOC cancellation carries the market event's time (tick time; bar open for
 *       what happens at the open, bar close for what happens within the bar); an order's update time never goes
 *       back.</li>
 * </ul>
 *
 * <h2>Order states and events</h2>
 * {@link #place} returns the order as {@code OPEN} ({@code TRIGGER_PENDING} for SL and SL-M), or {@code REJECTED}
 * with a remark when a limit or trigger price is outside the instrument's {@link PriceBands price band}, when no
 * price is known yet for a MARKET order's instrument, or when the {@link FundsCheck} refuses it. A reference id
 * used before throws {@link OrderRejectedException} (as Groww's GA007 does). Fills keep the order {@code OPEN}
 * with a growing filled quantity until it is {@code EXECUTED}. {@link #modify} reports
 * {@code MODIFICATION_REQUESTED} then the new {@code OPEN}/{@code TRIGGER_PENDING} state and returns the latter;
 * {@link #cancel} reports {@code CANCELLATION_REQUESTED} then {@code CANCELLED} and returns the latter. Every
 * sequence is legal per {@code io.aitrader.core.orders.OrderTransitions}. Broker order ids are
 * {@code PAPER-000001, …} and trade ids {@code PT-000001, …} in creation order.
 *
 * <p>Listeners get every update ({@link OrderListener#onOrderUpdate}) and fill ({@link OrderListener#onFill}, before
 * the update that reports it), synchronously on the thread calling {@code place}, {@code modify}, {@code cancel},
 * {@code onTick}, {@code onBar} or {@code endOfDay}, in order, before that call returns. A listener may call the
 * broker; what that causes is delivered after the event being delivered. A listener that throws is logged and the
 * others still run.
 *
 * <p>Thread-safe: one lock serializes every call, including the listener calls, so listeners must not block.
 * Processing a tick or bar of an instrument with no working order allocates nothing (after the instrument's first
 * event); nothing reads the wall clock; prices and amounts are exact. {@link #orders()} lists every order since the
 * broker was built.
 */
public final class PaperBroker implements Broker {
  /** The remark of a DAY order cancelled by {@link #endOfDay(long)}. */
  public static final String EXPIRED_REMARK = "expired at end of day";
  /** The remark of an order cancelled on request. */
  public static final String CANCELLED_REMARK = "cancelled on request";

  private final Object lock = new Object();
  private final String name;
  private final TimeSource clock;
  private final FillMode fillMode;
  private final PriceBands priceBands;
  private final FundsCheck fundsCheck;
  private final Dispatcher dispatcher = new Dispatcher();
  private final Ledger ledger = new Ledger(dispatcher);
  private final Matching matching;
  private boolean closed;

  private PaperBroker(Builder b) {
    this.name = b.name;
    this.clock = required(b.timeSource, "PaperBroker.timeSource");
    this.fillMode = b.fillMode;
    this.priceBands = b.priceBands;
    this.fundsCheck = b.fundsCheck;
    this.matching = new Matching(ledger, b.slippage, b.limitFill, Math.round(b.maxVolumeShare * 1_000_000));
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return name;
  }

  /**
   * Accepts or rejects a new order; see the type's doc. Throws {@link OrderRejectedException} when its reference id
   * was used before or the broker is closed.
   */
  @Override
  public Order place(OrderRequest request) {
    required(request, "request");
    synchronized (lock) {
      ensureOpen();
      WorkingOrder known = ledger.find(request.referenceId());
      if (known != null) {
        throw new OrderRejectedException("reference id " + request.referenceId() + " was already used by order "
            + known.order.brokerOrderId() + "; use a new reference id");
      }
      long now = clock.currentTimeMillis();
      Optional<String> refusal = refusal(request);
      String id = ledger.nextOrderId();
      Order order = refusal.isPresent()
          ? new Order(request, id, OrderStatus.REJECTED, 0, Optional.empty(), refusal, now, now)
          : Order.accepted(request, id, WorkingOrder.isStop(request.orderType()) ? OrderStatus.TRIGGER_PENDING
              : OrderStatus.OPEN, now);
      ledger.add(order);
      dispatcher.drain();
      return order;
    }
  }

  /**
   * Applies a change to a live order and returns its new state ({@code OPEN} or {@code TRIGGER_PENDING}); the order
   * then waits for market events stamped at or after the modification. Throws {@link OrderRejectedException} when
   * the order is terminal, the changed request is invalid, its quantity is not above the filled quantity, or a
   * price is outside the band; {@link NotFoundException} when this broker does not know the order. A triggered
   * stop order stays triggered unless its type or trigger price changes.
   */
  @Override
  public Order modify(Order order, OrderModification change) {
    required(order, "order");
    required(change, "change");
    synchronized (lock) {
      ensureOpen();
      WorkingOrder w = require(order.referenceId());
      Order current = w.order;
      if (current.isTerminal()) {
        throw new OrderRejectedException("order " + current.referenceId() + " is " + current.status()
            + " and can no longer be modified");
      }
      OrderRequest changed;
      try {
        changed = change.applyTo(current.request());
      } catch (ValidationException e) {
        throw new OrderRejectedException("modification of order " + current.referenceId() + " is invalid: "
            + e.getMessage());
      }
      if (changed.quantity() <= current.filledQuantity()) {
        throw new OrderRejectedException("modification of order " + current.referenceId() + " is invalid: quantity "
            + changed.quantity() + " must be above the filled quantity " + current.filledQuantity());
      }
      Optional<String> outside = bandViolation(changed);
      if (outside.isPresent()) {
        throw new OrderRejectedException("modification of order " + current.referenceId() + " is invalid: "
            + outside.orElseThrow());
      }
      long at = Ledger.later(current, clock.currentTimeMillis());
      ledger.update(w, current.withStatus(OrderStatus.MODIFICATION_REQUESTED, at));
      boolean stop = WorkingOrder.isStop(changed.orderType());
      w.triggered = w.triggered && stop && changed.orderType() == current.request().orderType()
          && changed.triggerPrice().equals(current.request().triggerPrice());
      w.eligibleFromMillis = at;
      w.arrived = false;
      ledger.update(w, w.order.withRequest(changed, stop && !w.triggered ? OrderStatus.TRIGGER_PENDING
          : OrderStatus.OPEN, at));
      Order result = w.order;
      dispatcher.drain();
      return result;
    }
  }

  /**
   * Cancels a live order: reports {@code CANCELLATION_REQUESTED} then {@code CANCELLED} (filled quantity kept) and
   * returns the latter; a terminal order is returned unchanged. {@link NotFoundException} when unknown.
   */
  @Override
  public Order cancel(Order order) {
    required(order, "order");
    synchronized (lock) {
      WorkingOrder w = require(order.referenceId());
      if (w.order.isTerminal()) {
        return w.order;
      }
      long at = Ledger.later(w.order, clock.currentTimeMillis());
      ledger.update(w, w.order.withStatus(OrderStatus.CANCELLATION_REQUESTED, at));
      ledger.finish(w, OrderStatus.CANCELLED, CANCELLED_REMARK, at);
      ledger.book(w.order.instrument()).working.remove(w);
      Order result = w.order;
      dispatcher.drain();
      return result;
    }
  }

  /**
   * A trade print: in {@link FillMode#TICK}, matches the instrument's working orders against it and records its
   * price; ignored in bar mode or once closed. Listeners are called before it returns.
   */
  public void onTick(Tick tick) {
    synchronized (lock) {
      if (closed || fillMode != FillMode.TICK) {
        return;
      }
      Book book = ledger.book(tick.instrument());
      book.lastPrice = tick.lastPrice();
      if (book.working.isEmpty()) {
        return;
      }
      matching.onTick(book, tick);
      dispatcher.drain();
    }
  }

  /**
   * A bar: in {@link FillMode#BAR}, matches the instrument's working orders against it (complete bars only) and
   * records its close; ignored in tick mode, for a running bar, or once closed. The view is not kept.
   */
  public void onBar(BarView bar) {
    synchronized (lock) {
      if (closed || fillMode != FillMode.BAR || !bar.complete()) {
        return;
      }
      Book book = ledger.book(bar.instrument());
      book.lastPrice = bar.close();
      if (book.working.isEmpty()) {
        return;
      }
      matching.onBar(book, bar);
      dispatcher.drain();
    }
  }

  /**
   * The trading day ended at {@code atMillis}: every DAY, EOS or IOC order still working is cancelled with remark
   * {@value #EXPIRED_REMARK}, oldest first. GTC and GTD orders stay.
   */
  public void endOfDay(long atMillis) {
    synchronized (lock) {
      for (WorkingOrder w : ledger.active()) {
        Validity validity = w.request().validity();
        if (w.order.status().isActive() && validity != Validity.GTC && validity != Validity.GTD) {
          ledger.finish(w, OrderStatus.CANCELLED, EXPIRED_REMARK, atMillis);
          ledger.book(w.order.instrument()).working.remove(w);
        }
      }
      dispatcher.drain();
    }
  }

  @Override
  public Optional<Order> order(String referenceId) {
    synchronized (lock) {
      WorkingOrder w = ledger.find(referenceId);
      return w == null ? Optional.empty() : Optional.of(w.order);
    }
  }

  @Override
  public List<Order> orders() {
    synchronized (lock) {
      List<WorkingOrder> all = ledger.all();
      List<Order> out = new ArrayList<>(all.size());
      for (WorkingOrder w : all) {
        out.add(w.order);
      }
      return List.copyOf(out);
    }
  }

  @Override
  public List<Fill> trades(Order order) {
    synchronized (lock) {
      WorkingOrder w = ledger.find(order.referenceId());
      return w == null ? List.of() : List.copyOf(w.fills);
    }
  }

  @Override
  public Registration subscribe(OrderListener listener) {
    return dispatcher.subscribe(required(listener, "listener"));
  }

  /** Stops accepting orders and market events and drops the listeners; orders and fills stay readable. */
  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      dispatcher.clear();
    }
  }

  @Override
  public String toString() {
    return "PaperBroker[" + name + ", " + fillMode + "]";
  }

  private void ensureOpen() {
    if (closed) {
      throw new OrderRejectedException("paper broker '" + name + "' is closed");
    }
  }

  private WorkingOrder require(String referenceId) {
    WorkingOrder w = ledger.find(referenceId);
    if (w == null) {
      throw new NotFoundException("paper broker '" + name + "' has no order with reference id " + referenceId);
    }
    return w;
  }

  /** Why a new order is rejected: price band, unknown market price, funds; empty when accepted. */
  private Optional<String> refusal(OrderRequest request) {
    Optional<String> outside = bandViolation(request);
    if (outside.isPresent()) {
      return outside;
    }
    long estimate;
    if (request.orderType() == OrderType.MARKET) {
      @Nullable Book book = ledger.existingBook(request.instrument());
      estimate = book == null ? 0 : book.lastPrice;
      if (estimate == 0) {
        return Optional.of("no market price known yet for " + request.instrument()
            + ": a MARKET order needs a " + (fillMode == FillMode.TICK ? "tick" : "bar") + " of it first");
      }
    } else if (request.orderType() == OrderType.SL_M) {
      estimate = request.triggerPrice().orElseThrow().units();
    } else {
      estimate = request.limitPrice().orElseThrow().units();
    }
    return fundsCheck.refuse(request, estimate);
  }

  private Optional<String> bandViolation(OrderRequest request) {
    Optional<PriceBand> band = priceBands.band(request.instrument());
    if (band.isEmpty()) {
      return Optional.empty();
    }
    PriceBand b = band.orElseThrow();
    Optional<String> limit = outside("limit", request.limitPrice(), b, request);
    return limit.isPresent() ? limit : outside("trigger", request.triggerPrice(), b, request);
  }

  private static Optional<String> outside(String what, Optional<Price> price, PriceBand band, OrderRequest request) {
    if (price.isPresent() && !band.contains(price.orElseThrow())) {
      return Optional.of(what + " price " + price.orElseThrow() + " is outside the price band " + band + " of "
          + request.instrument());
    }
    return Optional.empty();
  }

  /**
   * Configures a {@link PaperBroker}. {@link #timeSource} is required; everything else has a default: name
   * {@code paper}, {@link FillMode#TICK}, {@link Slippage#none()}, no volume cap ({@code 1.0}),
   * {@link PriceBands#NONE}, {@link FundsCheck#ACCEPT_ALL}, {@link LimitFill#THROUGH}. Not thread-safe.
   */
  public static final class Builder {
    private String name = "paper";
    private @Nullable TimeSource timeSource;
    private FillMode fillMode = FillMode.TICK;
    private Slippage slippage = Slippage.none();
    private double maxVolumeShare = 1.0;
    private PriceBands priceBands = PriceBands.NONE;
    private FundsCheck fundsCheck = FundsCheck.ACCEPT_ALL;
    private LimitFill limitFill = LimitFill.THROUGH;

    private Builder() {}

    /** The name configuration selects the broker by; defaults to {@code paper}. */
    public Builder name(String v) {
      this.name = requireText(v, "PaperBroker.name");
      return this;
    }

    /** Stamps place, modify and cancel (required). Fills take the market event's time. */
    public Builder timeSource(TimeSource v) {
      this.timeSource = required(v, "PaperBroker.timeSource");
      return this;
    }

    public Builder fillMode(FillMode v) {
      this.fillMode = required(v, "PaperBroker.fillMode");
      return this;
    }

    public Builder slippage(Slippage v) {
      this.slippage = required(v, "PaperBroker.slippage");
      return this;
    }

    /**
     * The share of each event's traded quantity one order may take, in {@code (0, 1]}, resolved to millionths;
     * {@code 1.0} means no cap.
     */
    public Builder maxVolumeShare(double v) {
      check(v > 0 && v <= 1 && Math.round(v * 1_000_000) > 0, "PaperBroker.maxVolumeShare",
          "must be within (0, 1] and at least 0.000001", v);
      this.maxVolumeShare = v;
      return this;
    }

    public Builder priceBands(PriceBands v) {
      this.priceBands = required(v, "PaperBroker.priceBands");
      return this;
    }

    public Builder fundsCheck(FundsCheck v) {
      this.fundsCheck = required(v, "PaperBroker.fundsCheck");
      return this;
    }

    public Builder limitFill(LimitFill v) {
      this.limitFill = required(v, "PaperBroker.limitFill");
      return this;
    }

    /** Builds the broker; fails when no time source was given. */
    public PaperBroker build() {
      return new PaperBroker(this);
    }
  }
}
