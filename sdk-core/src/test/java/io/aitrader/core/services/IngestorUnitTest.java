package io.aitrader.core.services;

import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.bus.EventHandler;
import io.aitrader.api.bus.SubscriptionOptions;
import io.aitrader.api.bus.Topics;
import io.aitrader.api.bus.Watermark;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.market.MarketDataFeed;
import io.aitrader.api.market.Quote;
import io.aitrader.api.market.QuoteListener;
import io.aitrader.api.market.Tick;
import io.aitrader.core.bus.InProcessEventBus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ingestor's watermarks: one per second of event time, never beyond what the feed says is complete. */
class IngestorUnitTest {
  private final SessionPlan plan = TestSessions.plan(EnumSet.of(BarInterval.M5));
  private final Instrument reliance = plan.instruments().get(0);
  private final Instrument tcs = plan.instruments().get(1);
  private final long open = plan.session().openMillis();

  /** A feed of fixed quotes that says, before each, how far it is complete. */
  private static final class ScriptedFeed implements MarketDataFeed {
    final List<Quote> quotes = new ArrayList<>();
    final List<Long> completeBefore = new ArrayList<>();
    int next;

    void add(Quote q, long completeBeforeMillis) {
      quotes.add(q);
      completeBefore.add(completeBeforeMillis);
    }

    @Override
    public String name() {
      return "scripted";
    }

    @Override
    public void subscribe(Collection<Instrument> instruments) {
      // delivers what it holds
    }

    @Override
    public void run(QuoteListener listener) {
      for (next = 0; next < quotes.size(); next++) {
        listener.onQuote(quotes.get(next));
      }
    }

    @Override
    public long completeBeforeMillis() {
      return completeBefore.get(next);
    }

    @Override
    public void close() {
      // nothing held
    }
  }

  private List<Long> marks(ScriptedFeed feed) {
    List<Long> marks = new ArrayList<>();
    try (InProcessEventBus bus = InProcessEventBus.create()) {
      bus.subscribe(Topics.ticks(Exchange.NSE), new EventHandler<Tick>() {
        @Override
        public void onEvent(Tick event) {
          // the marks are what is tested
        }

        @Override
        public void onWatermark(Watermark watermark) {
          marks.add(watermark.millis());
        }
      }, SubscriptionOptions.SYNCHRONOUS);
      new IngestorUnit(bus, plan).run(feed);
    }
    return marks;
  }

  @Test
  void marksEachNewSecondOfAFeedThatHoldsNothingBack() {
    ScriptedFeed feed = new ScriptedFeed();
    feed.add(Quote.ltp(reliance, open + 200, 25_000_000, 10), Long.MAX_VALUE);
    feed.add(Quote.ltp(tcs, open + 1_500, 35_000_000, 10), Long.MAX_VALUE);
    feed.add(Quote.ltp(reliance, open + 2_100, 25_010_000, 20), Long.MAX_VALUE);

    assertThat(marks(feed)).containsExactly(open, open + 1_000, open + 2_000, plan.endMillis());
  }

  @Test
  void holdsTheWatermarkWhereTheFeedIsNotYetCompleteThenCatchesUp() {
    ScriptedFeed feed = new ScriptedFeed();
    feed.add(Quote.ltp(reliance, open + 200, 25_000_000, 10), Long.MAX_VALUE);
    // TCS fell silent at open + 1.2 s: its minutes will be rebuilt later, so nothing passes that point
    feed.add(Quote.ltp(reliance, open + 61_000, 25_010_000, 20), open + 1_200);
    feed.add(Quote.ltp(reliance, open + 62_000, 25_020_000, 30), open + 1_200);
    feed.add(Quote.ltp(tcs, open + 30_000, 35_000_000, 10), open + 1_200); // a rebuilt quote: not behind the mark
    feed.add(Quote.ltp(reliance, open + 63_000, 25_030_000, 40), open + 63_000); // rebuilt: complete again

    assertThat(marks(feed)).containsExactly(open, open + 1_000, open + 63_000, plan.endMillis());
  }
}
