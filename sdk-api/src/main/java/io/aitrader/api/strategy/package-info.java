/**
 * The strategy API — what a user implements: a {@link io.aitrader.api.strategy.Strategy} receives bars (and
 * optionally ticks, fills and order updates) and acts through its {@link io.aitrader.api.strategy.StrategyContext}.
 * The same strategy code runs in backtests, paper trading and live trading; only the context's implementation
 * differs.
 */
@NullMarked
package io.aitrader.api.strategy;

import org.jspecify.annotations.NullMarked;
