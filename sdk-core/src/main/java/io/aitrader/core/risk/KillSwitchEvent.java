package io.aitrader.core.risk;

import static io.aitrader.api.ValidationException.required;

/**
 * A kill switch changed state: published on {@link RiskEngine#KILL_SWITCH_TOPIC} when one trips (on a day loss
 * or by hand) and when one is reset by hand.
 *
 * @param timestampMillis when it happened (the engine's clock), epoch milliseconds
 * @param scope           {@link RiskView#ACCOUNT} or the strategy id whose switch it is
 * @param tripped         true when it tripped, false when it was reset
 * @param flatten         whether positions are being flattened too (always false for a reset)
 * @param reason          why, naming the numbers
 */
public record KillSwitchEvent(long timestampMillis, String scope, boolean tripped, boolean flatten, String reason) {

  /** Validates every component. */
  public KillSwitchEvent {
    required(scope, "KillSwitchEvent.scope");
    required(reason, "KillSwitchEvent.reason");
  }
}
