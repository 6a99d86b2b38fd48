package io.aitrader.groww.fake.wire;

import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.order.Product;
import java.util.Optional;

/**
 * The fields of Groww's F&amp;O position-update message ({@code PositionDetailProto}: {@code SymbolInfoProto} +
 * {@code PositionInfoProto}). Quantities and prices are the wire's doubles (prices in rupees unless the fake
 * chooses otherwise; the unit is UNCONFIRMED). Build with {@link #builder(String)}. Immutable.
 *
 * @param contractId          symbolData 4
 * @param trTimeStamp         symbolData 1
 * @param searchId            symbolData 2
 * @param product             symbolData 3; empty writes the wire's {@code _unknown} (7)
 * @param equityType          symbolData 5
 * @param displayName         symbolData 6
 * @param underlyingId        symbolData 7
 * @param nseMarketLot        symbolData 8
 * @param bseMarketLot        symbolData 9
 * @param underlyingAsset     symbolData 10
 * @param freezeQty           symbolData 11
 * @param exchange            symbolData 12
 * @param symbolIsin          positionInfo 1
 * @param bse                 positionInfo 2
 * @param nse                 positionInfo 3
 */
public record PositionUpdateMessage(
    String contractId,
    long trTimeStamp,
    String searchId,
    Optional<Product> product,
    EquityType equityType,
    String displayName,
    String underlyingId,
    long nseMarketLot,
    long bseMarketLot,
    UnderlyingAsset underlyingAsset,
    long freezeQty,
    Exchange exchange,
    String symbolIsin,
    Side bse,
    Side nse) {

  /** Validates every component. */
  public PositionUpdateMessage {
    required(contractId, "PositionUpdateMessage.contractId");
    required(searchId, "PositionUpdateMessage.searchId");
    required(product, "PositionUpdateMessage.product");
    required(equityType, "PositionUpdateMessage.equityType");
    required(displayName, "PositionUpdateMessage.displayName");
    required(underlyingId, "PositionUpdateMessage.underlyingId");
    required(underlyingAsset, "PositionUpdateMessage.underlyingAsset");
    required(exchange, "PositionUpdateMessage.exchange");
    required(symbolIsin, "PositionUpdateMessage.symbolIsin");
    required(bse, "PositionUpdateMessage.bse");
    required(nse, "PositionUpdateMessage.nse");
  }

  /** A builder for the contract {@code contractId}: NRML, FUTURE on an index, NSE, every number 0. */
  public static Builder builder(String contractId) {
    return new Builder(contractId);
  }

  /** The wire's {@code EquityType}, in wire order. */
  public enum EquityType { STOCKS, FUTURE, OPTION, ETF, INDEX, BONDS }

  /** The wire's {@code EquityAsset}, in wire order. */
  public enum UnderlyingAsset { STOCKS, INDICES }

  /**
   * One exchange's side ({@code BseProto}/{@code NseProto}): fields 1..4.
   *
   * @param creditQty   1
   * @param creditPrice 2
   * @param debitQty    3
   * @param debitPrice  4
   */
  public record Side(double creditQty, double creditPrice, double debitQty, double debitPrice) {
    /** No position on that exchange. */
    public static final Side NONE = new Side(0, 0, 0, 0);
  }

  /** Builds a {@link PositionUpdateMessage}. Not thread-safe. */
  public static final class Builder {
    private final String contractId;
    private long trTimeStamp;
    private String searchId = "";
    private Optional<Product> product = Optional.of(Product.NRML);
    private EquityType equityType = EquityType.FUTURE;
    private String displayName = "";
    private String underlyingId = "";
    private long nseMarketLot;
    private long bseMarketLot;
    private UnderlyingAsset underlyingAsset = UnderlyingAsset.INDICES;
    private long freezeQty;
    private Exchange exchange = Exchange.NSE;
    private String symbolIsin = "";
    private Side bse = Side.NONE;
    private Side nse = Side.NONE;

    private Builder(String contractId) {
      this.contractId = contractId;
    }

    public Builder trTimeStamp(long v) { this.trTimeStamp = v; return this; }

    public Builder searchId(String v) { this.searchId = v; return this; }

    /** The product; empty writes the wire's {@code _unknown}. */
    public Builder product(Optional<Product> v) { this.product = v; return this; }

    public Builder equityType(EquityType v) { this.equityType = v; return this; }

    public Builder displayName(String v) { this.displayName = v; return this; }

    public Builder underlyingId(String v) { this.underlyingId = v; return this; }

    public Builder nseMarketLot(long v) { this.nseMarketLot = v; return this; }

    public Builder bseMarketLot(long v) { this.bseMarketLot = v; return this; }

    public Builder underlyingAsset(UnderlyingAsset v) { this.underlyingAsset = v; return this; }

    public Builder freezeQty(long v) { this.freezeQty = v; return this; }

    public Builder exchange(Exchange v) { this.exchange = v; return this; }

    public Builder symbolIsin(String v) { this.symbolIsin = v; return this; }

    public Builder bse(Side v) { this.bse = v; return this; }

    public Builder nse(Side v) { this.nse = v; return this; }

    public PositionUpdateMessage build() {
      return new PositionUpdateMessage(contractId, trTimeStamp, searchId, product, equityType, displayName,
          underlyingId, nseMarketLot, bseMarketLot, underlyingAsset, freezeQty, exchange, symbolIsin, bse, nse);
    }
  }
}
