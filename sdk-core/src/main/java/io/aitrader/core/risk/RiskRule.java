package io.aitrader.core.risk;

/**
 * The rules the {@link RiskEngine} applies, in the order it applies them to each scope (the strategy's own, when
 * it has an override, then the account's), followed by the throttle. {@link #NONE} names a check that passed.
 */
public enum RiskRule {
  /** The check passed: no rule refused the order. */
  NONE,
  /** The scope's kill switch is tripped: entries are refused for the rest of the IST day. */
  KILL_SWITCH,
  /** The day loss after charges reached the maximum: the kill switch trips now and the entry is refused. */
  DAILY_LOSS,
  /** A new intraday (MIS, BO, CO) entry at or after the intraday cut-off. */
  MIS_CUTOFF,
  /** No positive reference price to value the order by, while a value limit is set. */
  REFERENCE_PRICE,
  /** Quantity × reference price above the maximum order value. */
  ORDER_VALUE,
  /** The position in the instrument and product after the order above the maximum quantity or value. */
  POSITION,
  /** The scope's gross exposure after the order above the maximum. */
  GROSS_EXPOSURE,
  /** The scope's net exposure after the order above the maximum. */
  NET_EXPOSURE,
  /** The scope already has the maximum number of working orders. */
  OPEN_ORDERS,
  /** More orders in the last second than the orders-per-second limit allows. */
  THROTTLE
}
