/**
 * Hosting user strategies: {@link io.aitrader.core.strategy.StrategyHost} gives a {@code Strategy} its context and
 * delivers bars, ticks, signals and session events to it, on one thread, with event time as its clock.
 */
@NullMarked
package io.aitrader.core.strategy;

import org.jspecify.annotations.NullMarked;
