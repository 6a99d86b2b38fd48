package io.aitrader.groww.feed;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.instrument.Instrument;
import java.util.List;
import java.util.Optional;

/**
 * A market-depth snapshot from Groww's book subject ({@code /ld/eq/nse/book.<token>}): up to five levels of bids
 * and offers, best first. Immutable.
 *
 * @param instrument      what the book is of
 * @param timestampMillis exchange time, epoch milliseconds (the feed's value; when it looks like seconds — below
 *                        1e11 — the decoder has converted it, see {@link FeedDecoder})
 * @param bids            buy levels in the order of the wire's level keys (1 = best); possibly empty
 * @param asks            sell levels in the order of the wire's level keys (1 = best); possibly empty
 */
public record MarketDepth(Instrument instrument, long timestampMillis, List<Level> bids, List<Level> asks) {

  /** Validates every component and copies the lists. */
  public MarketDepth {
    required(instrument, "MarketDepth.instrument");
    check(timestampMillis > 0, "MarketDepth.timestampMillis", "must be > 0", timestampMillis);
    bids = List.copyOf(required(bids, "MarketDepth.bids"));
    asks = List.copyOf(required(asks, "MarketDepth.asks"));
  }

  /** The best bid, if any. */
  public Optional<Level> bestBid() {
    return bids.isEmpty() ? Optional.empty() : Optional.of(bids.get(0));
  }

  /** The best offer, if any. */
  public Optional<Level> bestAsk() {
    return asks.isEmpty() ? Optional.empty() : Optional.of(asks.get(0));
  }

  /**
   * One level of the book.
   *
   * @param level    the wire's level key (1..5 as documented)
   * @param price    ₹0.0001 units, ≥ 0
   * @param quantity ≥ 0
   */
  public record Level(int level, long price, long quantity) {
    /** Validates every component. */
    public Level {
      check(price >= 0, "MarketDepth.Level.price", "must be >= 0 (₹0.0001 units)", price);
      check(quantity >= 0, "MarketDepth.Level.quantity", "must be >= 0", quantity);
    }
  }
}
