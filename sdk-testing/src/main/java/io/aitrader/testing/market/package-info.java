/**
 * The compatibility kit for {@link io.aitrader.api.market.MarketStore}:
 * {@link io.aitrader.testing.market.MarketStoreContract}.
 */
@NullMarked
package io.aitrader.testing.market;

import org.jspecify.annotations.NullMarked;
