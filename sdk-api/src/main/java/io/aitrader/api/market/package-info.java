/**
 * Market data: raw {@link io.aitrader.api.market.Quote}s from a feed, normalized {@link io.aitrader.api.market.Tick}s,
 * and {@link io.aitrader.api.market.Bar}s (candles) — with the services that move them: the feed, the bar
 * aggregator and the market store.
 *
 * <p>All prices are fixed-point {@code long}s in units of ₹0.0001 (see {@link io.aitrader.api.money}); all
 * timestamps are exchange time in epoch milliseconds (UTC-based; convert with
 * {@link io.aitrader.api.time.Ist#ZONE} for Indian wall time).
 */
@NullMarked
package io.aitrader.api.market;

import org.jspecify.annotations.NullMarked;
