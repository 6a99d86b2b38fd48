package io.aitrader.api.market;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.instrument.Instrument;

/**
 * A raw market-data message as a feed delivers it (Groww's LTP/quote message, a replayed row, the simulator):
 * the last traded price and the <em>cumulative</em> day volume, not the size of the last trade. Quotes may
 * repeat and may arrive out of order; the Market Ingestor turns them into {@link Tick}s.
 *
 * @param instrument        what was quoted
 * @param timestampMillis   exchange time, epoch milliseconds
 * @param lastPrice         last traded price, ₹0.0001 units, > 0
 * @param dayVolume         cumulative quantity traded today, ≥ 0
 * @param bidPrice          best bid, 0 when absent
 * @param bidQuantity       quantity at the best bid
 * @param askPrice          best ask, 0 when absent
 * @param askQuantity       quantity at the best ask
 * @param openInterest      open interest (derivatives), 0 otherwise
 */
public record Quote(
    Instrument instrument,
    long timestampMillis,
    long lastPrice,
    long dayVolume,
    long bidPrice,
    long bidQuantity,
    long askPrice,
    long askQuantity,
    long openInterest) {

  public Quote {
    required(instrument, "Quote.instrument");
    // one branch on the valid path: messages are only built for a bad value (no allocation per quote)
    if (timestampMillis <= 0 || lastPrice <= 0 || dayVolume < 0 || bidPrice < 0 || bidQuantity < 0 || askPrice < 0
        || askQuantity < 0 || openInterest < 0) {
      check(timestampMillis > 0, "Quote.timestampMillis", "must be > 0", timestampMillis);
      check(lastPrice > 0, "Quote.lastPrice", "must be > 0 (₹0.0001 units)", lastPrice);
      check(dayVolume >= 0, "Quote.dayVolume", "must be >= 0", dayVolume);
      check(bidPrice >= 0 && bidQuantity >= 0, "Quote.bid", "must be >= 0", bidPrice + "x" + bidQuantity);
      check(askPrice >= 0 && askQuantity >= 0, "Quote.ask", "must be >= 0", askPrice + "x" + askQuantity);
      check(openInterest >= 0, "Quote.openInterest", "must be >= 0", openInterest);
    }
  }

  /** A quote with just a last price and the cumulative day volume (no book). */
  public static Quote ltp(Instrument instrument, long timestampMillis, long lastPrice, long dayVolume) {
    return new Quote(instrument, timestampMillis, lastPrice, dayVolume, 0, 0, 0, 0, 0);
  }
}
