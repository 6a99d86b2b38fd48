package io.aitrader.api.market;

/** Receives raw quotes from a {@link MarketDataFeed}, on the feed's thread. */
@FunctionalInterface
public interface QuoteListener {
  void onQuote(Quote quote);
}
