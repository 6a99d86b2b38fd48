/**
 * A synthetic NSE-like market: {@link io.aitrader.core.market.synthetic.SyntheticMarket} generates deterministic,
 * realistic-looking quotes for demos, paper trading without a broker, tests and benchmarks;
 * {@link io.aitrader.core.market.synthetic.SyntheticBars} generates deterministic one-minute to daily bars
 * directly, fast enough for years of backtest data when no market store is configured.
 */
@NullMarked
package io.aitrader.core.market.synthetic;

import org.jspecify.annotations.NullMarked;
