/**
 * The embedded Market Store: {@link io.aitrader.core.store.EmbeddedMarketStore} keeps bars (candles) and ticks in
 * memory or in append-only binary files, one per series, and answers range queries from cached primitive columns;
 * {@link io.aitrader.core.store.CandleImport} loads candle CSV files into any
 * {@link io.aitrader.api.market.MarketStore}.
 */
@NullMarked
package io.aitrader.core.store;

import org.jspecify.annotations.NullMarked;
