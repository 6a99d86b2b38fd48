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
        for (String ref : p.cancelReferenceIds()) {
          tier.orderService().cancel(ref);
        }
        closing.addAll(p.orders());
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
      } catch (OrderRejectedException e) {
        LOG.warn("closing order {} refused: {}", next.referenceId(), e.reason());
        closing.pollFirst();
      }
    }
  }

  // ---- RiskActions -------------------------------------------------------------------------------------------

  @Override
  public void cancelOpenOrders(String scope) {
    tier.orders().cancelAll(RiskView.ACCOUNT.equals(scope) ? Optional.empty() : Optional.of(scope));
  }

  @Override
  public void flatten(String scope) {
    long t = tier.clock().currentTimeMillis();
    String prefix = "kill-" + LocalDate.ofEpochDay(Ist.epochDayOf(t)).format(YYMMDD) + "-";
    for (Position p : positions()) {
      if (!p.isFlat()) {
        closing.add(OrderRequest.builder().instrument(p.instrument()).side(p.isLong() ? Side.SELL : Side.BUY)
            .quantity(Math.abs(p.netQuantity())).orderType(OrderType.MARKET).product(p.product())
            .referenceId(prefix + (++flattenCount)).strategyId("risk-kill-switch").tag("kill-switch").build());
      }
    }
  }

  // ---- RiskView ----------------------------------------------------------------------------------------------

  @Override
  public long netQuantity(String scope, Instrument instrument, Product product) {
    return tier.netQuantity(instrument, product);
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
    if (RiskView.ACCOUNT.equals(scope)) {
      return openTotal;
    }
    int[] n = openByStrategy.get(scope);
    return n == null ? 0 : n[0];
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
