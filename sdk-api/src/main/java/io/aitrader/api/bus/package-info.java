/**
 * The event bus: typed {@link io.aitrader.api.bus.Topic}s with the seed's names ({@code market.ticks.nse},
 * {@code market.candles.5m}, {@code signals.<strategy>}), publishers and subscribers. The embedded default runs
 * in process; the Kafka connector implements the same interface across processes.
 */
@NullMarked
package io.aitrader.api.bus;

import org.jspecify.annotations.NullMarked;
