package io.aitrader.core.paper;

/**
 * When a resting limit order (LIMIT, or SL once triggered) counts as filled by a trade at its limit.
 *
 * <p>{@link #THROUGH} is the default and the conservative choice: a print exactly at the limit does not prove that
 * the order, queued behind others at that price, was reached; a print beyond it does.
 */
public enum LimitFill {
  /** A BUY fills only on a trade strictly below its limit (a SELL strictly above). */
  THROUGH,
  /** A BUY fills on a trade at or below its limit (a SELL at or above). */
  TOUCH
}
