package io.aitrader.core.risk;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.money.Money;
import java.time.LocalTime;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * The limits one scope (the account, or one strategy) trades under. Every limit is optional: an empty one is
 * unlimited. Amounts are exact {@link Money}.
 *
 * <pre>{@code
 * RiskLimits account = RiskLimits.builder()
 *     .maxOrderValue(Money.ofRupees(100_000))
 *     .maxPositionQuantity(500)
 *     .maxGrossExposure(Money.ofRupees(1_000_000))
 *     .maxDailyLoss(Money.ofRupees(20_000))      // trips the kill switch
 *     .flattenOnKillSwitch(true)
 *     .build();                                   // 10 orders/s, MIS cut-off 15:15 IST by default
 * RiskLimits tighter = RiskLimits.from(account).maxOrderValue(Money.ofRupees(25_000)).build();
 * }</pre>
 *
 * <p>Meaning of each limit, as the {@link RiskEngine} applies it to an order that does not reduce the scope's
 * position:
 * <ul>
 *   <li>{@code maxOrderValue}: quantity × reference price;</li>
 *   <li>{@code maxPositionQuantity}, {@code maxPositionValue}: the absolute net quantity (and its value at the
 *       reference price) in the order's instrument and product after the order;</li>
 *   <li>{@code maxGrossExposure}, {@code maxNetExposure}: Σ|position value| and |Σ signed position value| of the
 *       scope after the order;</li>
 *   <li>{@code maxOpenOrders}: orders of the scope still working at the broker, before this one;</li>
 *   <li>{@code maxDailyLoss}: realized + unrealized PnL after charges for the IST day; a loss of at least this
 *       much trips the scope's kill switch;</li>
 *   <li>{@code ordersPerSecond}: orders (reducing ones too) in any sliding second, default 10 — SEBI's threshold
 *       for retail API orders; empty means no throttle;</li>
 *   <li>{@code flattenOnKillSwitch}: whether a tripped kill switch also flattens the scope's positions (it always
 *       cancels its open orders), default false;</li>
 *   <li>{@code misSquareOffTime}: the IST time from which new intraday (MIS, BO, CO) entries are refused and
 *       {@link MisSquareOff} flattens intraday positions, default 15:15.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxOrderValue       the most one order may be worth, > 0
 * @param maxPositionQuantity the most units that may be held in one instrument and product, > 0
 * @param maxPositionValue    the most one position may be worth, > 0
 * @param maxGrossExposure    the most all positions together may be worth in absolute terms, > 0
 * @param maxNetExposure      the most the long-minus-short value may be in absolute terms, > 0
 * @param maxOpenOrders       the most orders that may be working at once, > 0
 * @param maxDailyLoss        the day loss (after charges) that trips the kill switch, > 0
 * @param ordersPerSecond     the most orders in any sliding second, 1..{@value #MAX_ORDERS_PER_SECOND}
 * @param flattenOnKillSwitch whether the kill switch also flattens positions
 * @param misSquareOffTime    the IST intraday cut-off, after 00:00
 */
public record RiskLimits(
    Optional<Money> maxOrderValue,
    OptionalLong maxPositionQuantity,
    Optional<Money> maxPositionValue,
    Optional<Money> maxGrossExposure,
    Optional<Money> maxNetExposure,
    OptionalInt maxOpenOrders,
    Optional<Money> maxDailyLoss,
    OptionalInt ordersPerSecond,
    boolean flattenOnKillSwitch,
    LocalTime misSquareOffTime) {

  /** SEBI's orders-per-second threshold for retail API trading: the default throttle. */
  public static final int SEBI_RETAIL_ORDERS_PER_SECOND = 10;
  /** The highest throttle this engine accepts (its ring holds one timestamp per permitted order). */
  public static final int MAX_ORDERS_PER_SECOND = 10_000;
  /** The default intraday cut-off: 15:15 IST. */
  public static final LocalTime DEFAULT_MIS_SQUARE_OFF_TIME = LocalTime.of(15, 15);

  private static final RiskLimits DEFAULTS = new Builder().build();

  /** Validates every component; see the type's rules. */
  public RiskLimits {
    required(maxOrderValue, "RiskLimits.maxOrderValue");
    required(maxPositionQuantity, "RiskLimits.maxPositionQuantity");
    required(maxPositionValue, "RiskLimits.maxPositionValue");
    required(maxGrossExposure, "RiskLimits.maxGrossExposure");
    required(maxNetExposure, "RiskLimits.maxNetExposure");
    required(maxOpenOrders, "RiskLimits.maxOpenOrders");
    required(maxDailyLoss, "RiskLimits.maxDailyLoss");
    required(ordersPerSecond, "RiskLimits.ordersPerSecond");
    required(misSquareOffTime, "RiskLimits.misSquareOffTime");
    checkPositive("RiskLimits.maxOrderValue", maxOrderValue);
    maxPositionQuantity.ifPresent(q -> check(q > 0, "RiskLimits.maxPositionQuantity", "must be > 0 when set", q));
    checkPositive("RiskLimits.maxPositionValue", maxPositionValue);
    checkPositive("RiskLimits.maxGrossExposure", maxGrossExposure);
    checkPositive("RiskLimits.maxNetExposure", maxNetExposure);
    maxOpenOrders.ifPresent(n -> check(n > 0, "RiskLimits.maxOpenOrders", "must be > 0 when set", n));
    checkPositive("RiskLimits.maxDailyLoss", maxDailyLoss);
    ordersPerSecond.ifPresent(n -> check(n > 0 && n <= MAX_ORDERS_PER_SECOND, "RiskLimits.ordersPerSecond",
        "must be within [1, " + MAX_ORDERS_PER_SECOND + "] when set", n));
    check(!misSquareOffTime.equals(LocalTime.MIDNIGHT), "RiskLimits.misSquareOffTime",
        "must be after 00:00 IST", misSquareOffTime);
  }

  /** No limits except the defaults: 10 orders per second, no flattening, MIS cut-off 15:15 IST. */
  public static RiskLimits defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding {@code base}'s values, to derive limits that differ in a few (Resilience4j's {@code from}). */
  public static Builder from(RiskLimits base) {
    required(base, "RiskLimits.base");
    Builder b = new Builder();
    b.maxOrderValue = base.maxOrderValue.orElse(null);
    b.maxPositionQuantity = base.maxPositionQuantity;
    b.maxPositionValue = base.maxPositionValue.orElse(null);
    b.maxGrossExposure = base.maxGrossExposure.orElse(null);
    b.maxNetExposure = base.maxNetExposure.orElse(null);
    b.maxOpenOrders = base.maxOpenOrders;
    b.maxDailyLoss = base.maxDailyLoss.orElse(null);
    b.ordersPerSecond = base.ordersPerSecond;
    b.flattenOnKillSwitch = base.flattenOnKillSwitch;
    b.misSquareOffTime = base.misSquareOffTime;
    return b;
  }

  /** A builder holding this value's limits. */
  public Builder toBuilder() {
    return from(this);
  }

  private static void checkPositive(String field, Optional<Money> limit) {
    limit.ifPresent(m -> check(m.units() > 0, field, "must be > 0 when set", m));
  }

  /**
   * Builds {@link RiskLimits}; {@link #build()} validates. Setting a limit bounds it; the {@code noX()} methods
   * remove one (useful when deriving from a base). Not thread-safe.
   */
  public static final class Builder {
    private @Nullable Money maxOrderValue;
    private OptionalLong maxPositionQuantity = OptionalLong.empty();
    private @Nullable Money maxPositionValue;
    private @Nullable Money maxGrossExposure;
    private @Nullable Money maxNetExposure;
    private OptionalInt maxOpenOrders = OptionalInt.empty();
    private @Nullable Money maxDailyLoss;
    private OptionalInt ordersPerSecond = OptionalInt.of(SEBI_RETAIL_ORDERS_PER_SECOND);
    private boolean flattenOnKillSwitch;
    private LocalTime misSquareOffTime = DEFAULT_MIS_SQUARE_OFF_TIME;

    private Builder() {}

    public Builder maxOrderValue(Money v) { this.maxOrderValue = required(v, "RiskLimits.maxOrderValue"); return this; }

    public Builder noMaxOrderValue() { this.maxOrderValue = null; return this; }

    public Builder maxPositionQuantity(long v) { this.maxPositionQuantity = OptionalLong.of(v); return this; }

    public Builder noMaxPositionQuantity() { this.maxPositionQuantity = OptionalLong.empty(); return this; }

    public Builder maxPositionValue(Money v) { this.maxPositionValue = required(v, "RiskLimits.maxPositionValue"); return this; }

    public Builder noMaxPositionValue() { this.maxPositionValue = null; return this; }

    public Builder maxGrossExposure(Money v) { this.maxGrossExposure = required(v, "RiskLimits.maxGrossExposure"); return this; }

    public Builder noMaxGrossExposure() { this.maxGrossExposure = null; return this; }

    public Builder maxNetExposure(Money v) { this.maxNetExposure = required(v, "RiskLimits.maxNetExposure"); return this; }

    public Builder noMaxNetExposure() { this.maxNetExposure = null; return this; }

    public Builder maxOpenOrders(int v) { this.maxOpenOrders = OptionalInt.of(v); return this; }

    public Builder noMaxOpenOrders() { this.maxOpenOrders = OptionalInt.empty(); return this; }

    /** The day loss (a positive amount) that trips the kill switch. */
    public Builder maxDailyLoss(Money v) { this.maxDailyLoss = required(v, "RiskLimits.maxDailyLoss"); return this; }

    public Builder noMaxDailyLoss() { this.maxDailyLoss = null; return this; }

    /** Defaults to {@value RiskLimits#SEBI_RETAIL_ORDERS_PER_SECOND}. */
    public Builder ordersPerSecond(int v) { this.ordersPerSecond = OptionalInt.of(v); return this; }

    /** Removes the throttle (for backtests that do not model it). */
    public Builder noOrdersPerSecondLimit() { this.ordersPerSecond = OptionalInt.empty(); return this; }

    /** Defaults to false: a tripped kill switch cancels open orders but leaves positions alone. */
    public Builder flattenOnKillSwitch(boolean v) { this.flattenOnKillSwitch = v; return this; }

    /** Defaults to 15:15 IST. */
    public Builder misSquareOffTime(LocalTime v) { this.misSquareOffTime = required(v, "RiskLimits.misSquareOffTime"); return this; }

    /** Validates and builds; throws {@link io.aitrader.api.ValidationException} naming the first bad limit. */
    public RiskLimits build() {
      return new RiskLimits(Optional.ofNullable(maxOrderValue), maxPositionQuantity, Optional.ofNullable(maxPositionValue),
          Optional.ofNullable(maxGrossExposure), Optional.ofNullable(maxNetExposure), maxOpenOrders,
          Optional.ofNullable(maxDailyLoss), ordersPerSecond, flattenOnKillSwitch, misSquareOffTime);
    }
  }
}
