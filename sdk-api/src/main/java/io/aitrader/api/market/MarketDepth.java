package io.aitrader.api.market;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.money.Price;
import java.util.List;
import java.util.Optional;

/**
 * A snapshot of an instrument's order book as a feed delivers it (e.g. Groww's five-level book subject): the best
 * bids and offers, each side best first. The event on {@code market.depth.<exchange>} ({@link
 * io.aitrader.api.bus.Topics#depth}). Broker-neutral and immutable; the lists are unmodifiable copies.
 *
 * <pre>{@code
 * MarketDepth d = new MarketDepth(reliance, 1_732_425_300_000L,
 *     List.of(new MarketDepth.Level(25_340_000L, 120), new MarketDepth.Level(25_339_500L, 40)),   // 2534.00, 2533.95
 *     List.of(new MarketDepth.Level(25_340_500L, 75)));                                        // 2534.05
 * long spread = d.bestAsk().orElseThrow().price() - d.bestBid().orElseThrow().price();
 * }</pre>
 *
 * <p>Each side is strictly ordered by price, best first: bids from the highest price down, asks from the lowest up
 * (a feed's levels with no price are left out by its adapter). The two sides are not checked against each other: a
 * snapshot may briefly show a crossed book. Depth is a snapshot, not a history: a feed that lost messages does not
 * repair depth.
 *
 * @param instrument      what the book is of
 * @param timestampMillis exchange time, epoch milliseconds, &gt; 0
 * @param bids            buy levels, best (highest price) first; possibly empty
 * @param asks            sell levels, best (lowest price) first; possibly empty
 */
public record MarketDepth(Instrument instrument, long timestampMillis, List<Level> bids, List<Level> asks) {

  /** Validates every component and copies the lists. */
  public MarketDepth {
    required(instrument, "MarketDepth.instrument");
    check(timestampMillis > 0, "MarketDepth.timestampMillis", "must be > 0", timestampMillis);
    bids = List.copyOf(required(bids, "MarketDepth.bids"));
    asks = List.copyOf(required(asks, "MarketDepth.asks"));
    for (int k = 1; k < bids.size(); k++) {
      if (bids.get(k).price() >= bids.get(k - 1).price()) { // the message is built only for a bad book
        check(false, "MarketDepth.bids", "must be best first (strictly falling prices)",
            "level " + k + " at " + bids.get(k).price() + " after " + bids.get(k - 1).price());
      }
    }
    for (int k = 1; k < asks.size(); k++) {
      if (asks.get(k).price() <= asks.get(k - 1).price()) {
        check(false, "MarketDepth.asks", "must be best first (strictly rising prices)",
            "level " + k + " at " + asks.get(k).price() + " after " + asks.get(k - 1).price());
      }
    }
  }

  /** The best (highest) bid; empty when the book has no bids. */
  public Optional<Level> bestBid() {
    return bids.isEmpty() ? Optional.empty() : Optional.of(bids.get(0));
  }

  /** The best (lowest) offer; empty when the book has no offers. */
  public Optional<Level> bestAsk() {
    return asks.isEmpty() ? Optional.empty() : Optional.of(asks.get(0));
  }

  /**
   * One price level of the book.
   *
   * @param price    ₹0.0001 units ({@link Price#SCALE}), &gt; 0
   * @param quantity the quantity bid or offered at that price, ≥ 0
   */
  public record Level(long price, long quantity) {
    /** Validates both components. */
    public Level {
      check(price > 0, "MarketDepth.Level.price", "must be > 0 (₹0.0001 units)", price);
      check(quantity >= 0, "MarketDepth.Level.quantity", "must be >= 0", quantity);
    }
  }
}
