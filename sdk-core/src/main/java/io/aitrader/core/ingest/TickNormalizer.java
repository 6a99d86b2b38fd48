package io.aitrader.core.ingest;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.Quote;
import io.aitrader.api.market.Tick;
import io.aitrader.api.market.TickListener;
import io.aitrader.api.time.Ist;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns raw {@link Quote}s into {@link Tick}s, per instrument, under this documented policy:
 *
 * <ul>
 *   <li><b>Quantity</b>: a tick's {@code lastQuantity} is the increase of the cumulative day volume since the
 *       previous accepted quote of the same instrument and IST trading day; the first quote of a day follows the
 *       {@link FirstQuotePolicy}. A new IST date restarts the volume count.
 *   <li><b>Duplicate</b>: a quote whose price, day volume, bid/ask (prices and sizes) and open interest all equal
 *       the previous accepted quote's is dropped and counted, whatever its timestamp (feeds repeat snapshots).
 *   <li><b>Out of order</b>: a quote older than the previous accepted quote of its instrument is dropped and
 *       counted: its information is stale.
 *   <li><b>Volume regression</b>: a quote of the same day whose day volume is lower than the previous one's is
 *       dropped and counted (a stale snapshot that overtook a newer one).
 * </ul>
 *
 * <p>Every other quote becomes exactly one tick, passed to the {@link TickListener}. Threading: single writer
 * (call {@link #onQuote} from one thread); {@link #stats()} read from another thread may be slightly stale. Per
 * quote it allocates only the {@code Tick} it emits and writes no volatile field.
 */
public final class TickNormalizer {

  private final TickListener listener;
  private final FirstQuotePolicy firstQuotePolicy;
  private final Map<Instrument, State> states = new HashMap<>();
  private long accepted;
  private long duplicates;
  private long outOfOrder;
  private long volumeRegressions;

  public TickNormalizer(TickListener listener, FirstQuotePolicy firstQuotePolicy) {
    this.listener = listener;
    this.firstQuotePolicy = firstQuotePolicy;
  }

  /** With {@link FirstQuotePolicy#BASELINE}. */
  public TickNormalizer(TickListener listener) {
    this(listener, FirstQuotePolicy.BASELINE);
  }

  /** Normalizes one quote; returns whether it became a tick. Never throws for bad market data. */
  public boolean onQuote(Quote q) {
    State s = states.get(q.instrument());
    if (s == null) {
      s = new State();
      states.put(q.instrument(), s);
    }
    long t = q.timestampMillis();
    long day = Ist.epochDayOf(t);
    long quantity;
    if (!s.seen || day != s.day) {
      if (s.seen && day < s.day) {
        outOfOrder++;
        return false;
      }
      quantity = firstQuotePolicy == FirstQuotePolicy.COUNT_AS_TRADE ? q.dayVolume() : 0;
    } else {
      if (t < s.timestamp) {
        outOfOrder++;
        return false;
      }
      if (q.dayVolume() < s.dayVolume) {
        volumeRegressions++;
        return false;
      }
      if (s.sameAs(q)) {
        duplicates++;
        return false;
      }
      quantity = q.dayVolume() - s.dayVolume;
    }
    s.update(q, day);
    accepted++;
    listener.onTick(new Tick(q.instrument(), t, q.lastPrice(), quantity, q.dayVolume(), q.bidPrice(),
        q.bidQuantity(), q.askPrice(), q.askQuantity(), q.openInterest()));
    return true;
  }

  /** Counters since creation. */
  public Stats stats() {
    return new Stats(accepted, duplicates, outOfOrder, volumeRegressions);
  }

  /**
   * Normalization counters.
   *
   * @param accepted          quotes that became ticks
   * @param duplicates        repeated quotes dropped
   * @param outOfOrder        quotes older than their instrument's last one, dropped
   * @param volumeRegressions same-day quotes whose day volume went down, dropped
   */
  public record Stats(long accepted, long duplicates, long outOfOrder, long volumeRegressions) {
    public long dropped() {
      return duplicates + outOfOrder + volumeRegressions;
    }
  }

  private static final class State {
    boolean seen;
    long day;
    long timestamp;
    long lastPrice;
    long dayVolume;
    long bidPrice;
    long bidQuantity;
    long askPrice;
    long askQuantity;
    long openInterest;

    boolean sameAs(Quote q) {
      return q.lastPrice() == lastPrice && q.dayVolume() == dayVolume && q.bidPrice() == bidPrice
          && q.bidQuantity() == bidQuantity && q.askPrice() == askPrice && q.askQuantity() == askQuantity
          && q.openInterest() == openInterest;
    }

    void update(Quote q, long day) {
      this.seen = true;
      this.day = day;
      this.timestamp = q.timestampMillis();
      this.lastPrice = q.lastPrice();
      this.dayVolume = q.dayVolume();
      this.bidPrice = q.bidPrice();
      this.bidQuantity = q.bidQuantity();
      this.askPrice = q.askPrice();
      this.askQuantity = q.askQuantity();
      this.openInterest = q.openInterest();
    }
  }
}
