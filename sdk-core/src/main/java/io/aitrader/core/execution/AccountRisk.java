package io.aitrader.core.execution;

import io.aitrader.api.OrderRejectedException;
import io.aitrader.api.RateLimitedException;
import io.aitrader.api.bus.EventBus;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.order.Order;
import io.aitrader.api.order.OrderRequest;
import io.aitrader.api.order.OrderType;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.api.portfolio.Position;
import io.aitrader.api.time.Ist;
import io.aitrader.api.time.TimeSource;
import io.aitrader.core.orders.PreTradeCheck;
import io.aitrader.core.risk.MisSquareOff;
import io.aitrader.core.risk.RiskActions;
import io.aitrader.core.risk.RiskCheck;
import io.aitrader.core.risk.RiskEngine;
import io.aitrader.core.risk.RiskProfiles;
import io.aitrader.core.risk.RiskRule;
import io.aitrader.core.risk.RiskView;
import io.aitrader.core.risk.SquareOffPlan;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The risk tier of an {@link ExecutionTier}: the {@link RiskEngine} as the order service's pre-trade check, the
 * account as its {@link RiskView}, the kill switch's actions (cancel open orders, flatten), and the MIS square-off
 * before the cut-off. Closing orders it must send (square-off, flatten) go through the same order service; when the
 * throttle refuses some, they wait and are retried on the next ticks.
 *
 * <p>Per-strategy scopes are answered with the account's figures (one account, no per-strategy books): a
 * strategy's own limits then act on the whole account, which is stricter, never looser.
 */
final class AccountRisk implements RiskView, RiskActions, PreTradeCheck {
  private static final Logger LOG = LoggerFactory.getLogger(AccountRisk.class);
  private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
  private static final long EVALUATE_EVERY_MILLIS = 1_000;

  private final ExecutionTier tier;
  private final RiskEngine engine;
  private final MisSquareOff squareOff;
  private final Deque<OrderRequest> closing = new ArrayDeque<>();
  private final Map<String, String> activeOrders = new HashMap<>();
  private final Map<String, int[]> openByStrategy = new HashMap<>();
  private int openTotal;
  private int flattenCount;
  /** The strategy of the working order being modified while its modification is checked, else null. */
  private @Nullable String modifying;
  private long flattenedDay = Long.MIN_VALUE;
  private long lastEvaluated = Long.MIN_VALUE;

  AccountRisk(ExecutionTier tier, RiskProfiles profiles, EventBus bus, TimeSource clock) {
    this.tier = tier;
    this.engine = RiskEngine.builder().profiles(profiles).bus(bus).clock(clock).actions(this).build();
    this.squareOff = MisSquareOff.of(profiles);
  }

  RiskEngine engine() {
    return engine;
  }

  // ---- PreTradeCheck -----------------------------------------------------------------------------------------

  @Override
  public Verdict check(OrderRequest request) {
    RiskCheck c = engine.check(request, this);
    if (c.passed()) {
      return Verdict.PASS;
    }
    return c.rule() == RiskRule.THROTTLE ? Verdict.throttle(c.reason(), c.retryAfterMillis()) : Verdict.refuse(c.reason());
  }

  /**
   * A modification is checked as an order for the quantity still to fill (what has filled is in the position
   * already), with the order itself not counted among the working orders.
   */
  @Override
  public Verdict checkModification(Order current, OrderRequest changed) {
    long unfilled = changed.quantity() - current.filledQuantity();
    if (unfilled <= 0) {
      return Verdict.PASS;
    }
    modifying = activeOrders.containsKey(current.referenceId()) ? current.request().strategyId() : null;
    try {
      return check(changed.toBuilder().quantity(unfilled).build());
    } finally {
      modifying = null;
    }
  }

  // ---- events from the tier ----------------------------------------------------------------------------------

  void onOrderUpdate(Order order) {
    String ref = order.referenceId();
    if (!order.isTerminal()) {
      if (activeOrders.putIfAbsent(ref, order.request().strategyId()) == null) {
        openByStrategy.computeIfAbsent(order.request().strategyId(), s -> new int[1])[0]++;
        openTotal++;
      }
    } else {
      String strategy = activeOrders.remove(ref);
      if (strategy != null) {
        openByStrategy.get(strategy)[0]--;
        openTotal--;
      }
    }
  }

  void onFill() {
    engine.evaluate(this);
  }

  void afterTick(long t) {
    if (lastEvaluated == Long.MIN_VALUE || t - lastEvaluated >= EVALUATE_EVERY_MILLIS) {
      lastEvaluated = t;
      engine.evaluate(this);
    }
    if (squareOff.isDue(t)) {
      Optional<SquareOffPlan> plan = squareOff.onTime(t, this);
      if (plan.isPresent()) {
        SquareOffPlan p = plan.orElseThrow();
        LOG.info("MIS square-off at {}: cancelling {} orders, closing {} positions", Ist.at(t),
            p.cancelReferenceIds().size(), p.orders().size());
        closing.addAll(p.orders()); // queued first: a failing cancel must not cost the day's square-off
        for (String ref : p.cancelReferenceIds()) {
          try {
            tier.orderService().cancel(ref);
          } catch (RuntimeException e) {
            LOG.warn("square-off: cancelling {} failed: {}", ref, e.getMessage());
          }
        }
      }
    }
    sendClosingOrders();
  }

  private void sendClosingOrders() {
    while (!closing.isEmpty()) {
      OrderRequest next = closing.peekFirst();
      try {
        tier.orderService().submit(next);
        closing.pollFirst();
      } catch (RateLimitedException e) {
        return; // the throttle frees up within a second of event time: retried on a later tick
      } catch (RuntimeException e) { // refused, outcome unknown, id taken: never resent under this id
        LOG.warn("closing order {} not sent: {}", next.referenceId(), e.getMessage());
        closing.pollFirst();
      }
    }
  }

  // ---- RiskActions -------------------------------------------------------------------------------------------

  @Override
  public void cancelOpenOrders(String scope) {
    tier.orders().cancelAll(RiskView.ACCOUNT.equals(scope) ? Optional.empty() : Optional.of(scope));
  }

  /**
   * Closes the account's positions, once per IST day: the positions are the account's (there are no per-strategy
   * books), so a strategy's kill switch cancels that strategy's orders but only the account's switch flattens. What
   * closing orders already queued or working will close is netted out, so nothing is closed twice.
   */
  @Override
  public void flatten(String scope) {
    long t = tier.clock().currentTimeMillis();
    long day = Ist.epochDayOf(t);
    if (!RiskView.ACCOUNT.equals(scope) || flattenedDay == day) {
      return;
    }
    flattenedDay = day;
    String prefix = "kill-" + LocalDate.ofEpochDay(day).format(YYMMDD) + "-";
    for (Position p : positions()) {
      long toClose = -p.netQuantity() - closingInFlight(p);
      if (toClose == 0 || Long.signum(toClose) != -Long.signum(p.netQuantity())) {
        continue; // flat, or already being closed
      }
      String id;
      do {
        id = prefix + (++flattenCount);
      } while (tier.orderService().isKnown(id));
      closing.add(OrderRequest.builder().instrument(p.instrument()).side(toClose > 0 ? Side.BUY : Side.SELL)
          .quantity(Math.abs(toClose)).orderType(OrderType.MARKET).product(p.product())
          .referenceId(id).strategyId("risk-kill-switch").tag("kill-switch").build());
    }
  }

  /** Signed quantity that queued closing orders and working orders against {@code p} will still trade. */
  private long closingInFlight(Position p) {
    int closingSign = -Long.signum(p.netQuantity());
    long q = 0;
    for (OrderRequest r : closing) {
      if (r.side().sign() == closingSign && r.instrument().equals(p.instrument()) && r.product() == p.product()) {
        q += r.signedQuantity();
      }
    }
    for (Order o : tier.orders().openOrders()) {
      OrderRequest r = o.request();
      if (r.side().sign() == closingSign && r.instrument().equals(p.instrument()) && r.product() == p.product()) {
        q += closingSign * o.remainingQuantity();
      }
    }
    return q;
  }

  // ---- RiskView ----------------------------------------------------------------------------------------------

  @Override
  public long netQuantity(String scope, Instrument instrument, Product product) {
    return tier.netQuantity(instrument, product);
  }

  @Override
  public long workingQuantity(String scope, Instrument instrument, Product product) {
    long q = 0;
    for (Order o : tier.orders().openOrders()) {
      OrderRequest r = o.request();
      if (r.instrument().equals(instrument) && r.product() == product) {
        q += r.side().sign() * o.remainingQuantity();
      }
    }
    return q;
  }

  @Override
  public long lastPriceUnits(Instrument instrument) {
    return tier.lastPriceUnits(instrument);
  }

  @Override
  public long grossExposureUnits(String scope) {
    return tier.exposureUnits(true);
  }

  @Override
  public long netExposureUnits(String scope) {
    return tier.exposureUnits(false);
  }

  @Override
  public int openOrders(String scope) {
    String excluded = modifying;
    if (RiskView.ACCOUNT.equals(scope)) {
      return openTotal - (excluded == null ? 0 : 1);
    }
    int[] n = openByStrategy.get(scope);
    return (n == null ? 0 : n[0]) - (scope.equals(excluded) ? 1 : 0);
  }

  @Override
  public long dayPnlUnits(String scope) {
    return tier.portfolio().dayPnl().units();
  }

  @Override
  public List<Position> positions() {
    return tier.portfolio().snapshot().positions();
  }

  @Override
  public List<Order> activeOrders() {
    return tier.orders().openOrders();
  }
}
