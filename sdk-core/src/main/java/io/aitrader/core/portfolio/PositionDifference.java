package io.aitrader.core.portfolio;

import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.Product;

/**
 * One way in which the broker's positions differ from the portfolio's, as found by
 * {@link DefaultPortfolioService#reconcile}. A side that has no position reports quantity 0 and average price 0.
 *
 * <pre>{@code
 * for (PositionDifference d : portfolio.reconcile(broker.positions())) {
 *   log.warn("position mismatch {}", d);   // e.g. QUANTITY NSE:RELIANCE/CNC here 10 @ 2534.05, broker 15 @ 2534.05
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param instrument         the instrument (as the portfolio knows it, or the broker's when missing here)
 * @param product            the product
 * @param ourQuantity        the portfolio's net quantity
 * @param brokerQuantity     the broker's net quantity
 * @param ourAveragePrice    the portfolio's average price
 * @param brokerAveragePrice the broker's average price
 * @param kind               what differs
 */
public record PositionDifference(
    Instrument instrument,
    Product product,
    long ourQuantity,
    long brokerQuantity,
    Price ourAveragePrice,
    Price brokerAveragePrice,
    Kind kind) {

  /** What differs between the two sides. */
  public enum Kind {
    /** The broker holds a position the portfolio does not have. */
    MISSING_HERE,
    /** The portfolio holds a position the broker does not report (or reports flat). */
    MISSING_AT_BROKER,
    /** Both hold the position with different net quantities. */
    QUANTITY,
    /** Same net quantity, different average prices (beyond the tolerance asked for). */
    PRICE
  }

  /** Validates every component; see the type's rules. */
  public PositionDifference {
    required(instrument, "PositionDifference.instrument");
    required(product, "PositionDifference.product");
    required(ourAveragePrice, "PositionDifference.ourAveragePrice");
    required(brokerAveragePrice, "PositionDifference.brokerAveragePrice");
    required(kind, "PositionDifference.kind");
  }

  @Override
  public String toString() {
    return kind + " " + instrument.id() + "/" + product + " here " + ourQuantity + " @ " + ourAveragePrice
        + ", broker " + brokerQuantity + " @ " + brokerAveragePrice;
  }
}
