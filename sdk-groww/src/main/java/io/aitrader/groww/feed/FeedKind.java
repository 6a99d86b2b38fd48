package io.aitrader.groww.feed;

/**
 * The kinds of Groww live-feed subject, named as the official SDK's {@code feed_type} metadata
 * ({@link #feedType()}). Market-data kinds are keyed by (exchange, segment, exchange token), account kinds by the
 * {@code subscriptionId} the socket-token call returns.
 */
public enum FeedKind {
  /** Last traded price and day statistics of an instrument: {@code /ld/eq/nse/price.<token>}. */
  LTP("ltp", true),
  /** Five levels of bids and offers: {@code /ld/eq/nse/book.<token>}. */
  MARKET_DEPTH("market_depth", true),
  /** The value of an index: {@code /ld/indices/nse/price.<token>}. */
  INDEX_VALUE("index_value", true),
  /** The account's order updates, per segment: {@code stocks/order/updates.apex.<subscriptionId>}. */
  ORDER_UPDATES("order_updates", false),
  /** The account's F&amp;O position updates: {@code stocks_fo/position/updates.apex.<subscriptionId>}. */
  POSITION_UPDATES("position_updates", false);

  private final String feedType;
  private final boolean marketData;

  FeedKind(String feedType, boolean marketData) {
    this.feedType = feedType;
    this.marketData = marketData;
  }

  /** The official SDK's name for this kind, e.g. {@code ltp} or {@code order_updates}. */
  public String feedType() {
    return feedType;
  }

  /** Whether subjects of this kind are per instrument (true) or per account (false). */
  public boolean isMarketData() {
    return marketData;
  }
}
