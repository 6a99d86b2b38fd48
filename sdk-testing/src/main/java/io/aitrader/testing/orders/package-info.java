/** The compatibility kit for {@link io.aitrader.api.order.OrderStore}: {@link io.aitrader.testing.orders.OrderStoreContract}. */
@NullMarked
package io.aitrader.testing.orders;

import org.jspecify.annotations.NullMarked;
