/**
 * Orders: the Groww order vocabulary ({@link io.aitrader.api.order.Product}, {@link io.aitrader.api.order.OrderType},
 * {@link io.aitrader.api.order.Validity}, {@link io.aitrader.api.order.Side}, {@link io.aitrader.api.order.OrderStatus}
 * — enum names are the wire values), the validated {@link io.aitrader.api.order.OrderRequest}, the broker-side
 * {@link io.aitrader.api.order.Order} and {@link io.aitrader.api.order.Fill}, and the two services that move
 * them: the {@link io.aitrader.api.order.OrderService} (idempotent submission, risk checks, rate limits) and the
 * {@link io.aitrader.api.order.Broker} it talks to (paper or Groww).
 *
 * <p>Orders are identified across the SDK by their {@code referenceId} (Groww's {@code order_reference_id}),
 * which the caller chooses, so a retried submission is recognised as the same order.
 */
@NullMarked
package io.aitrader.api.order;

import org.jspecify.annotations.NullMarked;
