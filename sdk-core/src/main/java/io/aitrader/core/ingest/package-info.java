/**
 * The Market Ingestor: turns raw feed {@link io.aitrader.api.market.Quote}s into normalized
 * {@link io.aitrader.api.market.Tick}s (per-trade quantity from cumulative volume, duplicates and out-of-order
 * quotes dropped and counted) and publishes them on {@code market.ticks.<exchange>}.
 */
@NullMarked
package io.aitrader.core.ingest;

import org.jspecify.annotations.NullMarked;
