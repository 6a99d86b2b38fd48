package io.aitrader.core.risk;

import io.aitrader.api.money.Money;
import io.aitrader.api.time.Ist;
import org.jspecify.annotations.Nullable;

/**
 * One scope's limits as primitives ({@link #UNLIMITED} where a limit is not set) plus its mutable state: the
 * throttle window and the kill switch. Owned by one {@link RiskEngine}, which serializes access.
 */
final class Scope {
  static final long UNLIMITED = Long.MAX_VALUE;
  private static final long NOT_TRIPPED = Long.MIN_VALUE;

  final String name;
  /** How messages name the scope: "account" or "strategy ema-cross". */
  final String label;
  final long maxOrderValue;
  final long maxPositionQuantity;
  final long maxPositionValue;
  final long maxGrossExposure;
  final long maxNetExposure;
  final long maxOpenOrders;
  final long maxDailyLoss;
  final boolean flattenOnKillSwitch;
  final long cutoffMillisOfDay;
  /** Whether any limit needs a reference price to be checked. */
  final boolean needsPrice;
  final @Nullable Throttle throttle;

  private long trippedDay = NOT_TRIPPED;
  private long trippedAtMillis;

  Scope(String name, RiskLimits limits) {
    this.name = name;
    this.label = RiskView.ACCOUNT.equals(name) ? "account" : "strategy " + name;
    this.maxOrderValue = units(limits.maxOrderValue().orElse(null));
    this.maxPositionQuantity = limits.maxPositionQuantity().orElse(UNLIMITED);
    this.maxPositionValue = units(limits.maxPositionValue().orElse(null));
    this.maxGrossExposure = units(limits.maxGrossExposure().orElse(null));
    this.maxNetExposure = units(limits.maxNetExposure().orElse(null));
    this.maxOpenOrders = limits.maxOpenOrders().isPresent() ? limits.maxOpenOrders().getAsInt() : UNLIMITED;
    this.maxDailyLoss = units(limits.maxDailyLoss().orElse(null));
    this.flattenOnKillSwitch = limits.flattenOnKillSwitch();
    this.cutoffMillisOfDay = limits.misSquareOffTime().toNanoOfDay() / 1_000_000L;
    this.needsPrice = maxOrderValue != UNLIMITED || maxPositionValue != UNLIMITED
        || maxGrossExposure != UNLIMITED || maxNetExposure != UNLIMITED;
    this.throttle = limits.ordersPerSecond().isPresent() ? new Throttle(limits.ordersPerSecond().getAsInt()) : null;
  }

  private static long units(@Nullable Money limit) {
    return limit == null ? UNLIMITED : limit.units();
  }

  /** Whether the kill switch is tripped on the IST day of {@code t}; a trip lasts until the day ends. */
  boolean isTripped(long t) {
    return trippedDay == Ist.epochDayOf(t);
  }

  long trippedAtMillis() {
    return trippedAtMillis;
  }

  void trip(long t) {
    trippedDay = Ist.epochDayOf(t);
    trippedAtMillis = t;
  }

  void reset() {
    trippedDay = NOT_TRIPPED;
  }

  /** The IST time of day of {@code t} in milliseconds since midnight. */
  static long millisOfDay(long t) {
    return Ist.millisOfDay(t);
  }
}
