package io.aitrader.api.order;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.requireText;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.money.Money;
import io.aitrader.api.money.Price;

/**
 * One execution (a trade) of an order at the exchange: Groww's trade object. An order fills in one or more fills;
 * the portfolio applies each with its charges.
 *
 * <pre>{@code
 * Fill f = new Fill("T-1", "GMK39038RDT490CCVRO", "mom5m-000042", reliance, Side.BUY, 10,
 *     Price.of("2534.05"), 1_732_425_300_000L, Product.MIS);
 * f.value();          // 25340.50
 * f.signedQuantity(); // 10
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param tradeId         the broker's trade id (Groww's {@code groww_trade_id}), unique per fill
 * @param brokerOrderId   the order this fill belongs to
 * @param referenceId     the order's reference id
 * @param instrument      what traded
 * @param side            BUY or SELL
 * @param quantity        units executed, > 0
 * @param price           execution price, > 0
 * @param timestampMillis exchange time of the trade, epoch milliseconds, > 0
 * @param product         the order's product
 */
public record Fill(
    String tradeId,
    String brokerOrderId,
    String referenceId,
    Instrument instrument,
    Side side,
    long quantity,
    Price price,
    long timestampMillis,
    Product product) {

  /** Validates every component; see the type's rules. */
  public Fill {
    requireText(tradeId, "Fill.tradeId");
    requireText(brokerOrderId, "Fill.brokerOrderId");
    requireText(referenceId, "Fill.referenceId");
    required(instrument, "Fill.instrument");
    required(side, "Fill.side");
    required(price, "Fill.price");
    required(product, "Fill.product");
    if (quantity <= 0 || !price.isPositive() || timestampMillis <= 0) { // messages only for a bad value
      check(quantity > 0, "Fill.quantity", "must be > 0 (trade " + tradeId + ")", quantity);
      check(price.isPositive(), "Fill.price", "must be > 0 (trade " + tradeId + ")", price);
      check(timestampMillis > 0, "Fill.timestampMillis", "must be > 0 (trade " + tradeId + ")", timestampMillis);
    }
  }

  /** Price × quantity, exact. */
  public Money value() {
    return price.times(quantity);
  }

  /** The quantity with its sign: positive for BUY, negative for SELL. */
  public long signedQuantity() {
    return side.sign() * quantity;
  }
}
