package io.aitrader.core.risk;

import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.ValidationException;
import io.aitrader.api.bus.EventBus;
import io.aitrader.api.bus.Topic;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.order.OrderRequest;
import io.aitrader.api.time.Ist;
import io.aitrader.api.time.TimeSource;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pre-trade risk checks for one account: every order is checked against the account's limits and, for a strategy
 * with its own limits, the strategy's ({@link RiskProfiles}); every result is published on {@link #TOPIC}.
 *
 * <pre>{@code
 * RiskEngine risk = RiskEngine.builder()
 *     .profiles(profiles).bus(bus).clock(clock).actions(killSwitchActions)
 *     .build();
 * RiskCheck c = risk.check(request, view);          // reference price: limit, else trigger, else last price
 * if (!c.passed()) { ... refuse, naming c.reason() ... }
 * risk.evaluate(view);                              // on each mark or fill: trips kill switches promptly
 * }</pre>
 *
 * <p><b>Order of the rules.</b> For each scope — the strategy's own (only when it has an override), then the
 * account — in this order: {@link RiskRule#KILL_SWITCH}, {@link RiskRule#DAILY_LOSS}, {@link RiskRule#MIS_CUTOFF},
 * {@link RiskRule#REFERENCE_PRICE}, {@link RiskRule#ORDER_VALUE}, {@link RiskRule#POSITION},
 * {@link RiskRule#GROSS_EXPOSURE}, {@link RiskRule#NET_EXPOSURE}, {@link RiskRule#OPEN_ORDERS}; then
 * {@link RiskRule#THROTTLE} for the strategy and the account. The first failure is the result.
 *
 * <p><b>Reducing orders.</b> An order reduces a scope's position when it trades against the scope's position in
 * the order's instrument and product without crossing zero. Such an order passes every rule of that scope except
 * the throttle — a risk system must always let you get smaller, even over a limit or with the kill switch tripped.
 * Exposure and position rules look at the position after the order; working orders' pending quantities are not
 * counted.
 *
 * <p><b>Kill switch.</b> Each scope with a maximum daily loss has one. It trips when the scope's day PnL after
 * charges is a loss of at least the maximum, noticed by {@link #check} or {@link #evaluate}, or by hand with
 * {@link #tripKillSwitch}. Tripping publishes a {@link KillSwitchEvent} on {@link #KILL_SWITCH_TOPIC}, calls
 * {@link RiskActions#cancelOpenOrders} and, when the scope's limits say so, {@link RiskActions#flatten}. It stays
 * tripped for the rest of the IST day — a later profit does not release it — and is released when the engine's
 * clock enters the next IST day, or by {@link #resetKillSwitch}.
 *
 * <p><b>Throttle.</b> A sliding one-second window in the clock's (event) time; an order refused by another rule
 * does not use a slot. A throttled check carries {@link RiskCheck#retryAfterMillis()}.
 *
 * <p><b>Cost and threading.</b> A check allocates only its {@link RiskCheck} (and the message of a failure): no
 * collections, streams or boxing. Methods are synchronized, so the order service may call from several threads;
 * time comes from the injected {@link TimeSource} only. The kill-switch actions run on the calling thread.
 */
public final class RiskEngine {
  /** Every check result, passed or failed. */
  public static final Topic<RiskCheck> TOPIC = Topic.of("risk.checks", RiskCheck.class);
  /** Kill switches tripping and being reset. */
  public static final Topic<KillSwitchEvent> KILL_SWITCH_TOPIC = Topic.of("risk.kill-switch", KillSwitchEvent.class);

  private static final Logger LOG = LoggerFactory.getLogger(RiskEngine.class);
  private static final String PASSED = "passed";
  private static final DateTimeFormatter HH_MM_SS = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final RiskProfiles profiles;
  private final EventBus bus;
  private final TimeSource clock;
  private final RiskActions actions;
  private final Scope account;
  private final Map<String, Scope> strategies = new HashMap<>();
  private final Scope[] strategyScopes;

  private RiskEngine(Builder b) {
    this.profiles = required(b.profiles, "RiskEngine.profiles");
    this.bus = required(b.bus, "RiskEngine.bus");
    this.clock = required(b.clock, "RiskEngine.clock");
    this.actions = b.actions;
    this.account = new Scope(RiskView.ACCOUNT, profiles.global());
    for (String id : profiles.strategyIds()) {
      strategies.put(id, new Scope(id, profiles.limitsFor(id)));
    }
    this.strategyScopes = strategies.values().toArray(new Scope[0]);
  }

  public static Builder builder() {
    return new Builder();
  }

  public RiskProfiles profiles() {
    return profiles;
  }

  /**
   * Checks {@code request}, valued at the reference price its limit price gives, else its trigger price, else
   * the instrument's last price in {@code view}.
   */
  public RiskCheck check(OrderRequest request, RiskView view) {
    long reference;
    if (request.limitPrice().isPresent()) {
      reference = request.limitPrice().get().units();
    } else if (request.triggerPrice().isPresent()) {
      reference = request.triggerPrice().get().units();
    } else {
      reference = view.lastPriceUnits(request.instrument());
    }
    return check(request, reference, view);
  }

  /**
   * Checks {@code request} valued at {@code referencePriceUnits} (₹0.0001 units; the price the wiring expects it
   * to trade at), publishes the result on {@link #TOPIC} and returns it. A passed check uses a throttle slot.
   */
  public synchronized RiskCheck check(OrderRequest request, long referencePriceUnits, RiskView view) {
    long t = clock.currentTimeMillis();
    Scope own = strategies.get(request.strategyId());
    RiskCheck result = own == null ? null : applyRules(own, request, referencePriceUnits, view, t);
    if (result == null) {
      result = applyRules(account, request, referencePriceUnits, view, t);
    }
    if (result == null) {
      result = throttle(own, request, t);
    }
    if (result == null) {
      result = new RiskCheck(t, request.strategyId(), request.referenceId(), request.instrument().id(), true,
          RiskRule.NONE, PASSED, 0);
    }
    bus.publish(TOPIC, result);
    return result;
  }

  /**
   * Trips the kill switch of every scope whose day loss has reached its maximum. Call on each mark or fill so a
   * loss stops trading even when no order is being checked. Allocation-free unless a switch trips.
   */
  public synchronized void evaluate(RiskView view) {
    long t = clock.currentTimeMillis();
    evaluateLoss(account, view, t);
    for (Scope s : strategyScopes) {
      evaluateLoss(s, view, t);
    }
  }

  /** Whether the kill switch of {@code scope} ({@link RiskView#ACCOUNT} or a strategy id) is tripped now. */
  public synchronized boolean isKillSwitchTripped(String scope) {
    return scope(scope).isTripped(clock.currentTimeMillis());
  }

  /** Trips the kill switch of {@code scope} by hand (an operator's stop); does nothing if it is tripped already. */
  public synchronized void tripKillSwitch(String scope, String reason) {
    required(reason, "RiskEngine.tripKillSwitch.reason");
    Scope s = scope(scope);
    long t = clock.currentTimeMillis();
    if (!s.isTripped(t)) {
      trip(s, t, "kill switch tripped by hand (" + s.label + "): " + reason);
    }
  }

  /** Releases the kill switch of {@code scope} before the day ends (an operator's decision); publishes it. */
  public synchronized void resetKillSwitch(String scope) {
    Scope s = scope(scope);
    long t = clock.currentTimeMillis();
    if (s.isTripped(t)) {
      s.reset();
      String reason = "kill switch reset by hand (" + s.label + ")";
      LOG.warn("{}", reason);
      bus.publish(KILL_SWITCH_TOPIC, new KillSwitchEvent(t, s.name, false, false, reason));
    }
  }

  private Scope scope(String name) {
    required(name, "RiskEngine.scope");
    if (RiskView.ACCOUNT.equals(name)) {
      return account;
    }
    Scope s = strategies.get(name);
    if (s == null) {
      throw new ValidationException("RiskEngine.scope", "RiskEngine.scope must be RiskView.ACCOUNT or a strategy "
          + "with its own limits " + profiles.strategyIds() + ", was '" + name + "'");
    }
    return s;
  }

  private @Nullable RiskCheck applyRules(Scope s, OrderRequest request, long ref, RiskView view, long t) {
    Instrument instrument = request.instrument();
    long before = view.netQuantity(s.name, instrument, request.product());
    long q = request.signedQuantity();
    long after = before + q;
    boolean reducing = before > 0 ? q < 0 && after >= 0 : before < 0 && q > 0 && after <= 0;
    long working = 0;
    if (reducing) { // ... and still reducing once the working orders have traded
      working = view.workingQuantity(s.name, instrument, request.product());
      long base = before + working;
      reducing = base > 0 ? q < 0 && base + q >= 0 : base < 0 && q > 0 && base + q <= 0;
    }

    if (s.isTripped(t)) {
      if (!reducing) {
        return fail(request, t, RiskRule.KILL_SWITCH, "kill switch tripped at " + time(s.trippedAtMillis())
            + " IST (" + s.label + "); only orders that reduce a position are allowed until the next trading day");
      }
    } else if (s.maxDailyLoss != Scope.UNLIMITED) {
      long pnl = view.dayPnlUnits(s.name);
      if (pnl <= -s.maxDailyLoss) {
        String reason = "day loss " + Rupees.format(-pnl) + " reached max daily loss " + Rupees.format(s.maxDailyLoss)
            + " (" + s.label + "); kill switch tripped";
        trip(s, t, reason);
        if (!reducing) {
          return fail(request, t, RiskRule.DAILY_LOSS, reason);
        }
      }
    }
    if (reducing) {
      return null;
    }
    if (request.product().isIntraday() && Scope.millisOfDay(t) >= s.cutoffMillisOfDay) {
      if (working != 0) {
        return fail(request, t, RiskRule.MIS_CUTOFF, request.product() + " order at " + time(t) + " IST (at or after"
            + " the intraday cut-off, " + s.label + ") would open a new position: the position of " + before + " is"
            + " already being closed by working orders (" + working + ")");
      }
      return fail(request, t, RiskRule.MIS_CUTOFF, "new " + request.product() + " entry at " + time(t)
          + " IST is at or after the intraday cut-off " + LocalTime.ofNanoOfDay(s.cutoffMillisOfDay * 1_000_000L)
          + " (" + s.label + ")");
    }
    if (s.needsPrice && ref <= 0) {
      return fail(request, t, RiskRule.REFERENCE_PRICE, "no reference price to value the order in " + instrument
          + " (" + s.label + " has value limits), was " + ref + " units");
    }
    long orderValue = Rupees.timesSaturated(request.quantity(), Math.max(ref, 0));
    if (orderValue > s.maxOrderValue) {
      return fail(request, t, RiskRule.ORDER_VALUE, "order value " + Rupees.format(orderValue) + " exceeds max "
          + Rupees.format(s.maxOrderValue) + " (" + s.label + ")");
    }
    long absAfter = Rupees.absSaturated(after);
    if (absAfter > s.maxPositionQuantity) {
      return fail(request, t, RiskRule.POSITION, "position " + after + " in " + instrument + " " + request.product()
          + " after the order exceeds max " + s.maxPositionQuantity + " units (" + s.label + ")");
    }
    long positionValue = Rupees.timesSaturated(absAfter, Math.max(ref, 0));
    if (positionValue > s.maxPositionValue) {
      return fail(request, t, RiskRule.POSITION, "position value " + Rupees.format(positionValue) + " in "
          + instrument + " " + request.product() + " after the order exceeds max " + Rupees.format(s.maxPositionValue)
          + " (" + s.label + ")");
    }
    if (s.maxGrossExposure != Scope.UNLIMITED) {
      long delta = Rupees.timesSaturated(absAfter, ref) - Rupees.timesSaturated(Rupees.absSaturated(before), ref);
      long gross = Rupees.plusSaturated(view.grossExposureUnits(s.name), delta);
      if (gross > s.maxGrossExposure) {
        return fail(request, t, RiskRule.GROSS_EXPOSURE, "gross exposure " + Rupees.format(gross)
            + " after the order exceeds max " + Rupees.format(s.maxGrossExposure) + " (" + s.label + ")");
      }
    }
    if (s.maxNetExposure != Scope.UNLIMITED) {
      long value = Rupees.timesSaturated(request.quantity(), ref);
      long net = Rupees.plusSaturated(view.netExposureUnits(s.name), q > 0 ? value : -value);
      if (Rupees.absSaturated(net) > s.maxNetExposure) {
        return fail(request, t, RiskRule.NET_EXPOSURE, "net exposure " + Rupees.format(net)
            + " after the order exceeds max " + Rupees.format(s.maxNetExposure) + " either way (" + s.label + ")");
      }
    }
    if (s.maxOpenOrders != Scope.UNLIMITED) {
      int open = view.openOrders(s.name);
      if (open >= s.maxOpenOrders) {
        return fail(request, t, RiskRule.OPEN_ORDERS, open + " open orders already, max " + s.maxOpenOrders + " ("
            + s.label + ")");
      }
    }
    return null;
  }

  private @Nullable RiskCheck throttle(@Nullable Scope own, OrderRequest request, long t) {
    Throttle ownThrottle = own == null ? null : own.throttle;
    Throttle accountThrottle = account.throttle;
    if (ownThrottle != null) {
      long wait = ownThrottle.retryAfter(t);
      if (wait > 0) {
        return throttled(own, ownThrottle, request, t, wait);
      }
    }
    if (accountThrottle != null) {
      long wait = accountThrottle.retryAfter(t);
      if (wait > 0) {
        return throttled(account, accountThrottle, request, t, wait);
      }
      accountThrottle.record(t);
    }
    if (ownThrottle != null) {
      ownThrottle.record(t);
    }
    return null;
  }

  private static RiskCheck throttled(Scope s, Throttle throttle, OrderRequest request, long t, long wait) {
    return new RiskCheck(t, request.strategyId(), request.referenceId(), request.instrument().id(), false,
        RiskRule.THROTTLE, "more than " + throttle.limit() + " orders within one second (" + s.label
            + "); retry in " + wait + " ms", wait);
  }

  private void evaluateLoss(Scope s, RiskView view, long t) {
    if (s.maxDailyLoss == Scope.UNLIMITED || s.isTripped(t)) {
      return;
    }
    long pnl = view.dayPnlUnits(s.name);
    if (pnl <= -s.maxDailyLoss) {
      trip(s, t, "day loss " + Rupees.format(-pnl) + " reached max daily loss " + Rupees.format(s.maxDailyLoss)
          + " (" + s.label + "); kill switch tripped");
    }
  }

  private void trip(Scope s, long t, String reason) {
    s.trip(t);
    LOG.warn("{}; cancelling open orders{}", reason, s.flattenOnKillSwitch ? " and flattening positions" : "");
    bus.publish(KILL_SWITCH_TOPIC, new KillSwitchEvent(t, s.name, true, s.flattenOnKillSwitch, reason));
    try {
      actions.cancelOpenOrders(s.name);
    } catch (RuntimeException e) {
      LOG.error("kill switch ({}): cancelling open orders failed; cancel them by hand", s.label, e);
    }
    if (s.flattenOnKillSwitch) {
      try {
        actions.flatten(s.name);
      } catch (RuntimeException e) {
        LOG.error("kill switch ({}): flattening positions failed; close them by hand", s.label, e);
      }
    }
  }

  private static RiskCheck fail(OrderRequest request, long t, RiskRule rule, String reason) {
    return new RiskCheck(t, request.strategyId(), request.referenceId(), request.instrument().id(), false, rule,
        reason, 0);
  }

  private static String time(long t) {
    return Ist.at(t).toLocalTime().format(HH_MM_SS);
  }

  /**
   * Builds a {@link RiskEngine}: profiles, bus and clock are required; actions default to
   * {@link RiskActions#NONE}. Not thread-safe.
   */
  public static final class Builder {
    private @Nullable RiskProfiles profiles;
    private @Nullable EventBus bus;
    private @Nullable TimeSource clock;
    private RiskActions actions = RiskActions.NONE;

    private Builder() {}

    public Builder profiles(RiskProfiles v) { this.profiles = required(v, "RiskEngine.profiles"); return this; }

    /** Where every {@link RiskCheck} and {@link KillSwitchEvent} is published. */
    public Builder bus(EventBus v) { this.bus = required(v, "RiskEngine.bus"); return this; }

    /** The event-time clock every check is stamped and throttled with. */
    public Builder clock(TimeSource v) { this.clock = required(v, "RiskEngine.clock"); return this; }

    /** What a tripped kill switch does; defaults to {@link RiskActions#NONE}. */
    public Builder actions(RiskActions v) { this.actions = required(v, "RiskEngine.actions"); return this; }

    public RiskEngine build() {
      return new RiskEngine(this);
    }
  }
}
