package io.aitrader.groww.feed;

import io.aitrader.api.market.MarketDepth;
import io.aitrader.api.market.Quote;

/**
 * Receives what {@link FeedDecoder} decodes, on the decoding thread. Every method has a no-op default, so a
 * listener overrides only what it consumes. Implementations should not throw: an exception propagates to the
 * caller of {@link FeedDecoder#decode}.
 *
 * <pre>{@code
 * FeedListener l = new FeedListener() {
 *   public void onQuote(Quote q) { ingestor.onQuote(q); }
 *   public void onOrderUpdate(GrowwOrderUpdate u) { orders.onUpdate(u); }
 * };
 * }</pre>
 */
public interface FeedListener {

  /** An LTP message, as a raw quote (the market ingestor turns quotes into ticks). */
  default void onQuote(Quote quote) {}

  /** An index value. */
  default void onIndexValue(IndexValue value) {}

  /** A market-depth snapshot. */
  default void onMarketDepth(MarketDepth depth) {}

  /** An order update. */
  default void onOrderUpdate(GrowwOrderUpdate update) {}

  /** An F&amp;O position update. */
  default void onPositionUpdate(GrowwPositionUpdate update) {}

  /** A message that was dropped, and why (already counted and, the first time per reason, logged). */
  default void onDropped(FeedDrop drop) {}
}
