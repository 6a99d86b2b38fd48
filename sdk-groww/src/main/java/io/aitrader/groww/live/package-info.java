/**
 * The Groww live feed as a {@link io.aitrader.api.market.MarketDataFeed}: the NATS connection
 * ({@code io.aitrader.groww.feed.nats}) and the protobuf decoder ({@code io.aitrader.groww.feed}) put together, with
 * the minutes a feed outage cut open repaired from Groww's one-minute candles so that bars built from the quotes stay
 * complete.
 */
@org.jspecify.annotations.NullMarked
package io.aitrader.groww.live;
