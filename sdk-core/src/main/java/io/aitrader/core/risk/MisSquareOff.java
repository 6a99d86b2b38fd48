package io.aitrader.core.risk;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.Identifiers;
import io.aitrader.api.order.Order;
import io.aitrader.api.order.OrderRequest;
import io.aitrader.api.order.OrderType;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.api.portfolio.Position;
import io.aitrader.api.time.Ist;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Squares off MIS positions before the exchange's intraday cut-off, once per IST day: when the clock reaches the
 * cut-off (default 15:15 IST), it plans the cancellation of every working MIS order and one MARKET MIS order per
 * open MIS position that brings it to zero. BO and CO positions are left to the broker's own square-off.
 *
 * <pre>{@code
 * MisSquareOff squareOff = MisSquareOff.of(profiles);           // the global limits' misSquareOffTime
 * // on every tick or bar, with event time:
 * squareOff.onTime(tick.timestampMillis(), view).ifPresent(plan -> {
 *   plan.cancelReferenceIds().forEach(orders::cancel);
 *   plan.orders().forEach(orders::submit);                       // they reduce positions, so risk lets them pass
 * });
 * }</pre>
 *
 * <p>The orders carry the strategy id given here (default {@value #DEFAULT_STRATEGY_ID}), the tag
 * {@value #TAG} and reference ids {@code sqoff-yyMMdd-n} (n = 1, 2, … in position order), deterministic for a
 * day's positions. New MIS entries after the cut-off are refused by the {@link RiskEngine}
 * ({@link RiskRule#MIS_CUTOFF}).
 *
 * <p>Cost: {@link #onTime} is a comparison on every call; the view's lists are read, and the plan allocated, once a
 * day. Not thread-safe: call from one thread (the tick or bar path).
 */
public final class MisSquareOff {
  /** The strategy id square-off orders carry unless another is given. */
  public static final String DEFAULT_STRATEGY_ID = "risk-square-off";
  /** The tag square-off orders carry. */
  public static final String TAG = "mis-square-off";

  private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
  private static final long NONE = Long.MIN_VALUE;

  private final long cutoffMillisOfDay;
  private final LocalTime cutoff;
  private final String strategyId;
  private long doneDay = NONE;

  private MisSquareOff(LocalTime cutoff, String strategyId) {
    required(cutoff, "MisSquareOff.cutoff");
    check(!cutoff.equals(LocalTime.MIDNIGHT), "MisSquareOff.cutoff", "must be after 00:00 IST", cutoff);
    this.cutoff = cutoff;
    this.cutoffMillisOfDay = cutoff.toNanoOfDay() / 1_000_000L;
    this.strategyId = Identifiers.requireStrategyId(strategyId, "MisSquareOff.strategyId");
  }

  /** Squares off at {@code cutoff} (IST), with orders under {@value #DEFAULT_STRATEGY_ID}. */
  public static MisSquareOff at(LocalTime cutoff) {
    return new MisSquareOff(cutoff, DEFAULT_STRATEGY_ID);
  }

  /** Squares off at {@code cutoff} (IST), with orders under {@code strategyId}. */
  public static MisSquareOff at(LocalTime cutoff, String strategyId) {
    return new MisSquareOff(cutoff, strategyId);
  }

  /** Squares off at the global limits' {@link RiskLimits#misSquareOffTime()}. */
  public static MisSquareOff of(RiskProfiles profiles) {
    return at(required(profiles, "MisSquareOff.profiles").global().misSquareOffTime());
  }

  public LocalTime cutoff() {
    return cutoff;
  }

  /** Whether a call to {@link #onTime} at {@code t} would plan a square-off: at or after the cut-off, not yet today. */
  public boolean isDue(long t) {
    return Scope.millisOfDay(t) >= cutoffMillisOfDay && Ist.epochDayOf(t) != doneDay;
  }

  /**
   * At the first call on an IST day at or after the cut-off, marks the day done and returns the plan, or empty when
   * there is no open MIS position and no working MIS order; otherwise returns empty without reading the view.
   */
  public Optional<SquareOffPlan> onTime(long t, RiskView view) {
    if (!isDue(t)) {
      return Optional.empty();
    }
    long day = Ist.epochDayOf(t);
    doneDay = day;
    LocalDate date = LocalDate.ofEpochDay(day);
    List<String> cancels = new ArrayList<>();
    for (Order o : view.activeOrders()) {
      if (o.request().product() == Product.MIS && !o.isTerminal()) {
        cancels.add(o.referenceId());
      }
    }
    List<OrderRequest> orders = new ArrayList<>();
    String prefix = "sqoff-" + date.format(YYMMDD) + "-";
    for (Position p : view.positions()) {
      if (p.product() == Product.MIS && !p.isFlat()) {
        orders.add(OrderRequest.builder()
            .instrument(p.instrument())
            .side(p.isLong() ? Side.SELL : Side.BUY)
            .quantity(Math.abs(p.netQuantity()))
            .orderType(OrderType.MARKET)
            .product(Product.MIS)
            .referenceId(prefix + (orders.size() + 1))
            .strategyId(strategyId)
            .tag(TAG)
            .build());
      }
    }
    SquareOffPlan plan = new SquareOffPlan(t, date, cancels, orders);
    return plan.isEmpty() ? Optional.empty() : Optional.of(plan);
  }
}
