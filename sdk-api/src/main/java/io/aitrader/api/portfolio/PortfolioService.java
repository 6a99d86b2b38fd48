package io.aitrader.api.portfolio;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.Fill;
import io.aitrader.api.order.Product;
import java.util.Optional;

/**
 * The Portfolio Service: keeps cash, positions and PnL by applying fills with their charges and marking open
 * positions to the last traded prices. The embedded default is in memory; the Postgres connector persists it.
 *
 * <pre>{@code
 * portfolio.apply(fill, chargesModel.chargesFor(fill));
 * portfolio.mark(tick.instrument(), tick.lastPrice(), tick.timestampMillis());
 * Portfolio now = portfolio.snapshot();
 * }</pre>
 *
 * <p>Accounting: average-cost per {@code (instrument, product)}; a fill that reduces a position realizes
 * {@code (fill price − average price) × closed quantity} (sign-adjusted for shorts) exactly, and one that
 * crosses zero closes the old position and opens the rest at the fill price. Charges lower cash and add to
 * {@link Portfolio#chargesPaid()}; they do not change cost bases.
 *
 * <p>Threading: {@link #apply} and {@link #mark} are called by a single writer thread, in event order; {@code mark}
 * is on the tick path and allocates nothing. {@link #snapshot()} and {@link #position} may be called from any
 * thread and see a consistent state as of some completed call. A fill for a trade id already applied is ignored.
 */
public interface PortfolioService {

  /** Applies one fill and its charges to cash and the position of its instrument and product. */
  void apply(Fill fill, Charges charges);

  /**
   * Marks the open positions in {@code instrument} at {@code priceUnits} (₹0.0001 units, > 0) as of
   * {@code timestampMillis}; prices that are not positive are ignored and counted, not thrown.
   */
  void mark(Instrument instrument, long priceUnits, long timestampMillis);

  /** {@link #mark(Instrument, long, long)} with a {@link Price}. */
  default void mark(Instrument instrument, Price price, long timestampMillis) {
    mark(instrument, price.units(), timestampMillis);
  }

  /** An immutable snapshot of cash, positions and PnL. */
  Portfolio snapshot();

  /** The current position in {@code instrument} under {@code product}, if any trade has created one. */
  Optional<Position> position(Instrument instrument, Product product);
}
