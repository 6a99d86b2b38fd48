package io.aitrader.core.risk;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

/**
 * The result of one pre-trade check, published on {@link RiskEngine#TOPIC} whether it passed or not (the audit
 * service records them).
 *
 * <pre>{@code
 * RiskCheck c = engine.check(request, view);
 * if (!c.passed()) {
 *   throw c.rule() == RiskRule.THROTTLE
 *       ? new RateLimitedException(c.reason(), c.retryAfterMillis())
 *       : new OrderRejectedException(c.reason());
 * }
 * }</pre>
 *
 * <p>Rules: a passed check has rule {@link RiskRule#NONE}, a failed one any other rule; {@code retryAfterMillis}
 * is positive only for a {@link RiskRule#THROTTLE} failure. Immutable and thread-safe.
 *
 * @param timestampMillis  when the check ran (the engine's clock), epoch milliseconds
 * @param strategyId       the strategy of the order
 * @param referenceId      the order's reference id
 * @param instrumentId     the order's instrument id
 * @param passed           whether the order may go on
 * @param rule             the rule that refused it, {@link RiskRule#NONE} when it passed
 * @param reason           what was checked, naming the numbers and the scope when it failed
 * @param retryAfterMillis for a throttled order, how long until it would pass; otherwise 0
 */
public record RiskCheck(
    long timestampMillis,
    String strategyId,
    String referenceId,
    String instrumentId,
    boolean passed,
    RiskRule rule,
    String reason,
    long retryAfterMillis) {

  /** Validates every component; see the type's rules. */
  public RiskCheck {
    required(strategyId, "RiskCheck.strategyId");
    required(referenceId, "RiskCheck.referenceId");
    required(instrumentId, "RiskCheck.instrumentId");
    required(rule, "RiskCheck.rule");
    required(reason, "RiskCheck.reason");
    check(passed == (rule == RiskRule.NONE), "RiskCheck.rule", "must be NONE exactly when the check passed", rule);
    check(retryAfterMillis >= 0 && (retryAfterMillis == 0 || rule == RiskRule.THROTTLE), "RiskCheck.retryAfterMillis",
        "must be >= 0, and > 0 only for THROTTLE", retryAfterMillis);
  }
}
