/**
 * The Bar Aggregator service: ticks to session-aligned time bars (candles), allocation-free on the hot path.
 */
@NullMarked
package io.aitrader.core.bars;

import org.jspecify.annotations.NullMarked;
