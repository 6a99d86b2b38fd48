package io.aitrader.core.orders;

import io.aitrader.api.order.OrderRequest;

/**
 * Records an order's intent — the order exactly as it is about to be sent — before the broker hears of it: the
 * audit service plugs in here. {@link DefaultOrderService} calls it once per order (once per slice of a sliced
 * order) after every check has passed and before the write-ahead record; if it throws, the order is refused with
 * the exception's message and nothing is recorded or sent (fail-closed). A recorder that should let orders through
 * when it cannot record (fail-open) catches its own failures instead.
 */
@FunctionalInterface
public interface IntentRecorder {
  /** Records nothing. */
  IntentRecorder NONE = (order, parentReferenceId) -> {};

  /**
   * Records {@code order}; returns once it is recorded as durably as the recorder promises, or throws a
   * {@link RuntimeException} saying why it could not be. Called under the order service's lock.
   *
   * @param order             the order (or slice) about to be sent
   * @param parentReferenceId the reference id the strategy submitted: {@code order.referenceId()} itself unless the
   *                          order was sliced
   */
  void recordIntent(OrderRequest order, String parentReferenceId);
}
