package io.aitrader.api.order;

/**
 * Receives order state changes and fills from a {@link Broker} or the {@link OrderService}.
 *
 * <p>Calls for one order arrive in the order they happened, on the notifier's thread (for the embedded broker
 * and backtests: the thread that drives the market data). A listener must return quickly and not block; an
 * exception it throws is logged and does not stop later calls. Arguments are never null.
 */
public interface OrderListener {

  /** The order changed state (accepted, partly filled, modified, cancelled, rejected…). */
  void onOrderUpdate(Order order);

  /** A fill was executed. Called before the {@link #onOrderUpdate} that reports the new filled quantity. */
  default void onFill(Fill fill) {}
}
