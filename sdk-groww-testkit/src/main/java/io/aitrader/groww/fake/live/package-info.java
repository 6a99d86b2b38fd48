/**
 * The fake Groww with its live feed: {@link io.aitrader.groww.fake.live.FakeLiveGroww} joins the REST fake
 * ({@code FakeGroww}) and the NATS feed ({@code FakeFeedServer}) so that the socket-token endpoint hands out JWTs
 * the feed server accepts and the synthetic market's ticks are published as LTP, market-depth and index-value messages
 * as the fake's clock moves, with order and F&amp;O position updates from the fake's order book.
 */
@org.jspecify.annotations.NullMarked
package io.aitrader.groww.fake.live;
