/**
 * The Order Service: {@link io.aitrader.core.orders.DefaultOrderService} (idempotency by reference id, validation,
 * freeze-quantity slicing, the pre-trade check, write-ahead to an {@link io.aitrader.api.order.OrderStore}, restart
 * reconciliation), the order lifecycle {@link io.aitrader.core.orders.OrderTransitions}, the embedded stores
 * ({@link io.aitrader.core.orders.InMemoryOrderStore}, {@link io.aitrader.core.orders.FileOrderStore}) and the day's
 * {@link io.aitrader.core.orders.DailyPriceBands}.
 */
@NullMarked
package io.aitrader.core.orders;

import org.jspecify.annotations.NullMarked;
