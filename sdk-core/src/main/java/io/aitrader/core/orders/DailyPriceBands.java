package io.aitrader.core.orders;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.PriceBand;
import io.aitrader.api.market.PriceBands;
import io.aitrader.api.money.Price;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded {@link PriceBands}: a table of the day's bands, set from the exchange's circuit limits when known or
 * derived from the previous close with the stock's band percentage (NSE uses 2, 5, 10 or 20 %): lower =
 * close × (1 − p), rounded up to the tick; upper = close × (1 + p), rounded down to the tick — so both limits are
 * valid prices inside the band. Exact (integer arithmetic). Thread-safe.
 *
 * <pre>{@code
 * DailyPriceBands bands = new DailyPriceBands();
 * bands.setFromPreviousClose(reliance, Price.of("2500.00"), 20);   // [2000.00, 3000.00]
 * }</pre>
 */
public final class DailyPriceBands implements PriceBands {
  private final Map<Instrument, Optional<PriceBand>> bands = new ConcurrentHashMap<>();

  @Override
  public Optional<PriceBand> band(Instrument instrument) {
    return bands.getOrDefault(instrument, Optional.empty());
  }

  /** Sets {@code instrument}'s band for the day (e.g. from the exchange's circuit limits). */
  public void set(Instrument instrument, PriceBand band) {
    bands.put(required(instrument, "instrument"), Optional.of(required(band, "band")));
  }

  /** Sets {@code instrument}'s band to ±{@code percent} % of its previous close, on its tick grid. */
  public PriceBand setFromPreviousClose(Instrument instrument, Price previousClose, int percent) {
    required(instrument, "instrument");
    check(previousClose.isPositive(), "previousClose", "must be > 0", previousClose);
    check(percent > 0 && percent < 100, "percent", "must be within 1..99", percent);
    long tick = instrument.tickSize().units();
    long close = previousClose.units();
    long lowerExact = Math.multiplyExact(close, 100 - percent); // × 1/100 below
    long upperExact = Math.multiplyExact(close, 100 + percent);
    long lower = ceilDiv(lowerExact, 100 * tick) * tick;
    long upper = Math.floorDiv(upperExact, 100 * tick) * tick;
    PriceBand band = new PriceBand(Price.ofUnits(Math.max(tick, lower)), Price.ofUnits(upper));
    set(instrument, band);
    return band;
  }

  /** Forgets every band (a new day). */
  public void clear() {
    bands.clear();
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }
}
