/**
 * Groww's live-feed messages: the NATS subjects ({@link io.aitrader.groww.feed.FeedSubjects}), and the decoding
 * and normalization of their protobuf payloads ({@link io.aitrader.groww.feed.FeedDecoder}) into SDK values: an
 * LTP message becomes a {@link io.aitrader.api.market.Quote}, a depth message the SDK's
 * {@link io.aitrader.api.market.MarketDepth}, the others the records of this package
 * ({@link io.aitrader.groww.feed.IndexValue}, {@link io.aitrader.groww.feed.GrowwOrderUpdate},
 * {@link io.aitrader.groww.feed.GrowwPositionUpdate}).
 * The transport (NATS connection, subscriptions) lives in {@code io.aitrader.groww.feed.nats}.
 */
@NullMarked
package io.aitrader.groww.feed;

import org.jspecify.annotations.NullMarked;
