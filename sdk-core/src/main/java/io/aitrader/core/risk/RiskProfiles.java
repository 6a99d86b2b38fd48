package io.aitrader.core.risk;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.Identifiers;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The account's risk limits and the strategies that override them: a registry with a base configuration that
 * named instances override, as Resilience4j's registries do.
 *
 * <pre>{@code
 * RiskProfiles profiles = RiskProfiles.builder()
 *     .global(RiskLimits.builder().maxOrderValue(Money.ofRupees(100_000)).maxDailyLoss(Money.ofRupees(20_000)).build())
 *     .strategy("ema-cross", limits -> limits.maxOrderValue(Money.ofRupees(25_000)))   // inherits the daily loss
 *     .build();
 * profiles.limitsFor("ema-cross").maxDailyLoss();    // ₹20,000 from the global limits
 * profiles.limitsFor("other");                       // the global limits
 * }</pre>
 *
 * <p>How the {@link RiskEngine} applies them: the global limits bound the whole account (its positions, exposure,
 * open orders and day PnL, every strategy's orders together). A strategy with an override is additionally bounded
 * by its own limits — the override applied on top of the global ones, so anything it does not set is inherited —
 * measured on the strategy's own book. A strategy without an override is bounded by the account limits only.
 *
 * <p>An override is applied to the global limits when {@link Builder#build()} runs, whatever order the builder
 * calls came in. Immutable and thread-safe.
 */
public final class RiskProfiles {
  private final RiskLimits global;
  private final Map<String, RiskLimits> strategies;

  private RiskProfiles(RiskLimits global, Map<String, RiskLimits> strategies) {
    this.global = global;
    this.strategies = strategies;
  }

  /** Only account-wide limits, no strategy overrides. */
  public static RiskProfiles of(RiskLimits global) {
    return builder().global(global).build();
  }

  /** {@link RiskLimits#defaults()} for the account, no overrides. */
  public static RiskProfiles defaults() {
    return of(RiskLimits.defaults());
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The account-wide limits. */
  public RiskLimits global() {
    return global;
  }

  /** The limits of {@code strategyId}: its override over the global limits, or the global limits. */
  public RiskLimits limitsFor(String strategyId) {
    RiskLimits own = strategies.get(strategyId);
    return own != null ? own : global;
  }

  /** Whether {@code strategyId} has limits of its own (and so is also checked on its own book). */
  public boolean hasOverride(String strategyId) {
    return strategies.containsKey(strategyId);
  }

  /** The strategies with an override, in the order they were added. */
  public Set<String> strategyIds() {
    return strategies.keySet();
  }

  @Override
  public String toString() {
    return "RiskProfiles[global=" + global + ", strategies=" + strategies + "]";
  }

  /** Builds {@link RiskProfiles}. The global limits default to {@link RiskLimits#defaults()}. Not thread-safe. */
  public static final class Builder {
    private RiskLimits global = RiskLimits.defaults();
    private final Map<String, Consumer<RiskLimits.Builder>> overrides = new LinkedHashMap<>();

    private Builder() {}

    /** The account-wide limits, which overrides start from. */
    public Builder global(RiskLimits limits) {
      this.global = required(limits, "RiskProfiles.global");
      return this;
    }

    /**
     * Gives {@code strategyId} its own limits: {@code override} receives a builder holding the global limits and
     * changes what differs. A strategy may be overridden once.
     */
    public Builder strategy(String strategyId, Consumer<RiskLimits.Builder> override) {
      Identifiers.requireStrategyId(strategyId, "RiskProfiles.strategy");
      required(override, "RiskProfiles.strategy.override");
      check(!overrides.containsKey(strategyId), "RiskProfiles.strategy", "must be overridden at most once",
          "'" + strategyId + "'");
      overrides.put(strategyId, override);
      return this;
    }

    /** Applies each override to the global limits and validates the results. */
    public RiskProfiles build() {
      Map<String, RiskLimits> resolved = new LinkedHashMap<>();
      for (Map.Entry<String, Consumer<RiskLimits.Builder>> e : overrides.entrySet()) {
        RiskLimits.Builder b = RiskLimits.from(global);
        e.getValue().accept(b);
        resolved.put(e.getKey(), b.build());
      }
      return new RiskProfiles(global, Collections.unmodifiableMap(resolved));
    }
  }
}
