package io.aitrader.groww.feed;

import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.order.Product;
import java.util.Optional;

/**
 * An F&amp;O position update from Groww's position subject ({@code PositionDetailProto}): the contract and the
 * day's credit (bought) and debit (sold) quantities and prices on each exchange. Prices are ₹0.0001 units,
 * converted from the wire's doubles with the decoder's position {@link PriceUnit} (rupees by default; the unit is
 * UNCONFIRMED). Immutable.
 *
 * @param timestamp           {@code trTimeStamp} as sent (its unit is not documented)
 * @param searchId            Groww's search id of the contract; may be empty
 * @param contractId          the contract symbol; may be empty
 * @param displayName         the display name; may be empty
 * @param underlyingId        the underlying's id; may be empty
 * @param symbolIsin          the ISIN; may be empty
 * @param product             the product; empty for the wire's {@code _unknown} or an unknown number
 * @param exchange            the exchange of the contract; empty for exchanges the SDK does not model
 * @param equityType          the kind of contract
 * @param underlyingAsset     whether the underlying is a stock or an index
 * @param nseMarketLot        lot size on NSE
 * @param bseMarketLot        lot size on BSE
 * @param freezeQuantity      freeze quantity
 * @param nse                 the NSE side of the position
 * @param bse                 the BSE side of the position
 */
public record GrowwPositionUpdate(
    long timestamp,
    String searchId,
    String contractId,
    String displayName,
    String underlyingId,
    String symbolIsin,
    Optional<Product> product,
    Optional<Exchange> exchange,
    EquityType equityType,
    UnderlyingAsset underlyingAsset,
    long nseMarketLot,
    long bseMarketLot,
    long freezeQuantity,
    ExchangePosition nse,
    ExchangePosition bse) {

  /** Validates every component. */
  public GrowwPositionUpdate {
    required(searchId, "GrowwPositionUpdate.searchId");
    required(contractId, "GrowwPositionUpdate.contractId");
    required(displayName, "GrowwPositionUpdate.displayName");
    required(underlyingId, "GrowwPositionUpdate.underlyingId");
    required(symbolIsin, "GrowwPositionUpdate.symbolIsin");
    required(product, "GrowwPositionUpdate.product");
    required(exchange, "GrowwPositionUpdate.exchange");
    required(equityType, "GrowwPositionUpdate.equityType");
    required(underlyingAsset, "GrowwPositionUpdate.underlyingAsset");
    required(nse, "GrowwPositionUpdate.nse");
    required(bse, "GrowwPositionUpdate.bse");
  }

  /** The wire's {@code EquityType}; the ordinal is the wire number. */
  public enum EquityType {
    STOCKS,
    FUTURE,
    OPTION,
    ETF,
    INDEX,
    BONDS
  }

  /** The wire's {@code EquityAsset}; the ordinal is the wire number. */
  public enum UnderlyingAsset {
    STOCKS,
    INDICES
  }

  /**
   * One exchange's side of a position ({@code NseProto} / {@code BseProto}).
   *
   * @param creditQuantity quantity bought (credited)
   * @param creditPrice    average buy price, ₹0.0001 units
   * @param debitQuantity  quantity sold (debited)
   * @param debitPrice     average sell price, ₹0.0001 units
   */
  public record ExchangePosition(long creditQuantity, long creditPrice, long debitQuantity, long debitPrice) {
    /** An exchange with no position: every value 0. */
    public static final ExchangePosition NONE = new ExchangePosition(0, 0, 0, 0);

    /** The net quantity: bought minus sold. */
    public long netQuantity() {
      return creditQuantity - debitQuantity;
    }
  }
}
