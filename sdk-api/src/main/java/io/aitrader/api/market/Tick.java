package io.aitrader.api.market;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.money.Price;
import java.time.Instant;

/**
 * One normalized trade print: the event on {@code market.ticks.<exchange>}. Unlike a {@link Quote}, it carries
 * the quantity of this trade (derived from the change in cumulative day volume) and arrives in timestamp order
 * per instrument.
 *
 * <pre>{@code
 * Tick t = Tick.trade(reliance, 1_732_425_300_000L, Price.of("2534.05").units(), 10);
 * }</pre>
 *
 * @param instrument      what traded
 * @param timestampMillis exchange time, epoch milliseconds
 * @param lastPrice       traded price, ₹0.0001 units, > 0
 * @param lastQuantity    quantity of this print, ≥ 0 (0: a price update with no new volume)
 * @param dayVolume       cumulative quantity traded today after this print
 * @param bidPrice        best bid, 0 when absent
 * @param bidQuantity     quantity at the best bid
 * @param askPrice        best ask, 0 when absent
 * @param askQuantity     quantity at the best ask
 * @param openInterest    open interest (derivatives), 0 otherwise
 */
public record Tick(
    Instrument instrument,
    long timestampMillis,
    long lastPrice,
    long lastQuantity,
    long dayVolume,
    long bidPrice,
    long bidQuantity,
    long askPrice,
    long askQuantity,
    long openInterest) {

  public Tick {
    required(instrument, "Tick.instrument");
    // one branch on the valid path: messages are only built for a bad value (no allocation per tick)
    if (timestampMillis <= 0 || lastPrice <= 0 || lastQuantity < 0 || dayVolume < lastQuantity || bidPrice < 0
        || bidQuantity < 0 || askPrice < 0 || askQuantity < 0 || openInterest < 0) {
      check(timestampMillis > 0, "Tick.timestampMillis", "must be > 0", timestampMillis);
      check(lastPrice > 0, "Tick.lastPrice", "must be > 0 (₹0.0001 units)", lastPrice);
      check(lastQuantity >= 0, "Tick.lastQuantity", "must be >= 0", lastQuantity);
      check(dayVolume >= lastQuantity, "Tick.dayVolume", "must be >= lastQuantity " + lastQuantity, dayVolume);
      check(bidPrice >= 0 && bidQuantity >= 0, "Tick.bid", "must be >= 0", bidPrice + "x" + bidQuantity);
      check(askPrice >= 0 && askQuantity >= 0, "Tick.ask", "must be >= 0", askPrice + "x" + askQuantity);
      check(openInterest >= 0, "Tick.openInterest", "must be >= 0", openInterest);
    }
  }

  /** A trade print with no book: {@code dayVolume} is taken to be {@code quantity}. */
  public static Tick trade(Instrument instrument, long timestampMillis, long price, long quantity) {
    return new Tick(instrument, timestampMillis, price, quantity, quantity, 0, 0, 0, 0, 0);
  }

  /** The last price as a {@link Price}. */
  public Price price() {
    return Price.ofUnits(lastPrice);
  }

  public Instant timestamp() {
    return Instant.ofEpochMilli(timestampMillis);
  }
}
