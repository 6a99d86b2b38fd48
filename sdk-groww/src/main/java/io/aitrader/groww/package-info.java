/**
 * The Groww adapter: the REST client ({@code rest}, {@code auth}), the SDK's broker, instrument and history
 * interfaces over it ({@code broker}), the live feed's messages ({@code feed}) and connection ({@code feed.nats}), and
 * the feed as a market-data source ({@code live}). This package holds what they share.
 */
@org.jspecify.annotations.NullMarked
package io.aitrader.groww;
