package io.aitrader.core.risk;

/**
 * What the {@link RiskEngine} asks the wiring to do when a kill switch trips. Called on the thread that noticed
 * the loss (inside {@link RiskEngine#check} or {@link RiskEngine#evaluate}), once per trip; implementations should
 * hand the work to the order service and return quickly. Orders they submit to flatten a position reduce it, so
 * the kill switch lets them through (the throttle still applies).
 *
 * <pre>{@code
 * RiskActions actions = new RiskActions() {
 *   public void cancelOpenOrders(String scope) { ... cancel the scope's working orders ... }
 *   public void flatten(String scope) { ... submit MARKET orders closing the scope's positions ... }
 * };
 * }</pre>
 */
public interface RiskActions {

  /** Does nothing: for backtests and tests that only look at the published events. */
  RiskActions NONE = new RiskActions() {
    @Override
    public void cancelOpenOrders(String scope) {
      // nothing to cancel: this is the no-op default
    }

    @Override
    public void flatten(String scope) {
      // nothing to flatten: this is the no-op default
    }
  };

  /** Cancels every working order of {@code scope} ({@link RiskView#ACCOUNT} or a strategy id). */
  void cancelOpenOrders(String scope);

  /**
   * Closes every open position of {@code scope}; called after {@link #cancelOpenOrders} and only when the scope's
   * limits say {@link RiskLimits#flattenOnKillSwitch()}.
   */
  void flatten(String scope);
}
