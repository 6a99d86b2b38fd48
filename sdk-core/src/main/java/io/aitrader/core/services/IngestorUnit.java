package io.aitrader.core.services;

import io.aitrader.api.bus.EventBus;
import io.aitrader.api.bus.Topics;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.market.MarketDataFeed;
import io.aitrader.api.market.Quote;
import io.aitrader.api.market.QuoteListener;
import io.aitrader.core.ingest.FirstQuotePolicy;
import io.aitrader.core.ingest.MarketIngestor;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The market ingestor as a service: runs a feed through the {@link MarketIngestor} onto {@code market.ticks.*},
 * and is where event time enters the system: before the first tick of each new second it publishes that second as
 * the watermark of every tick topic of the session — but never beyond the feed's
 * {@link MarketDataFeed#completeBeforeMillis()}, so quotes a live feed rebuilds late still make their bars — and after
 * the feed ends it publishes {@link SessionPlan#endMillis}. One ingestor publishes a session's ticks (it must see them
 * in time order).
 */
public final class IngestorUnit implements ServiceUnit, QuoteListener {
  /** Watermark step: one second of event time. */
  public static final long MARK_STEP_MILLIS = 1000;

  private final EventBus bus;
  private final SessionPlan plan;
  private final MarketIngestor ingestor;
  private final Set<Exchange> exchanges;
  private long lastMark = Long.MIN_VALUE;
  private @Nullable MarketDataFeed feed;
  private long quotes;
  private boolean done;

  public IngestorUnit(EventBus bus, SessionPlan plan) {
    this.bus = bus;
    this.plan = plan;
    this.ingestor = new MarketIngestor(bus, FirstQuotePolicy.COUNT_AS_TRADE);
    this.exchanges = plan.exchanges();
  }

  @Override
  public String name() {
    return "ingestor";
  }

  /** Subscribes the feed to the plan's instruments, runs it to its end, then marks the session complete. */
  public void run(MarketDataFeed feed) {
    this.feed = feed;
    feed.subscribe(plan.instruments());
    feed.run(this);
    mark(plan.endMillis());
    done = true;
  }

  @Override
  public void onQuote(Quote quote) {
    long second = Math.floorDiv(quote.timestampMillis(), MARK_STEP_MILLIS) * MARK_STEP_MILLIS;
    if (second > lastMark) {
      MarketDataFeed f = feed;
      long mark = f == null ? second
          : Math.min(second, Math.floorDiv(f.completeBeforeMillis(), MARK_STEP_MILLIS) * MARK_STEP_MILLIS);
      if (mark > lastMark) {
        mark(mark);
      }
    }
    quotes++;
    ingestor.onQuote(quote);
  }

  private void mark(long millis) {
    lastMark = millis;
    for (Exchange e : exchanges) {
      bus.publishWatermark(Topics.ticks(e), millis);
    }
  }

  @Override
  public boolean sessionDone() {
    return done;
  }

  @Override
  public String report() {
    return "ingestor: " + quotes + " quotes, " + ingestor.stats();
  }

  @Override
  public void close() {
    // nothing subscribed; the caller owns the feed and the bus
  }
}
