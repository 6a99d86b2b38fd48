package io.aitrader.core.ingest;

import io.aitrader.api.bus.EventBus;
import io.aitrader.api.bus.Topics;
import io.aitrader.api.market.Quote;
import io.aitrader.api.market.QuoteListener;

/**
 * The Market Ingestor service: receives a feed's quotes, normalizes them ({@link TickNormalizer}) and publishes
 * the ticks on {@code market.ticks.<exchange>}.
 *
 * <pre>{@code
 * MarketIngestor ingestor = new MarketIngestor(bus, FirstQuotePolicy.COUNT_AS_TRADE);
 * feed.run(ingestor);
 * }</pre>
 *
 * <p>Threading: single writer, like the feed that drives it.
 */
public final class MarketIngestor implements QuoteListener {
  private final TickNormalizer normalizer;

  public MarketIngestor(EventBus bus, FirstQuotePolicy firstQuotePolicy) {
    this.normalizer = new TickNormalizer(
        tick -> bus.publish(Topics.ticks(tick.instrument().exchange()), tick), firstQuotePolicy);
  }

  @Override
  public void onQuote(Quote quote) {
    normalizer.onQuote(quote);
  }

  public TickNormalizer.Stats stats() {
    return normalizer.stats();
  }
}
