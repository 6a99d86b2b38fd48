/**
 * The services of the seed design as units a runtime starts alone (one process each, connected through Kafka) or
 * together (one process, in-process bus), deciding the same either way: the market ingestor, bar aggregator, market
 * store, feature, signal, order, portfolio, audit and notification services.
 *
 * <p>Services that combine several streams (the order service sees bars, signals and ticks) put them in event-time
 * order with an {@link io.aitrader.core.services.EventTimeGate}, driven by the {@link io.aitrader.api.bus.Watermark}s
 * the ingestor publishes and every service forwards, so that how the streams interleave on the way does not change a
 * decision.
 */
@org.jspecify.annotations.NullMarked
package io.aitrader.core.services;
