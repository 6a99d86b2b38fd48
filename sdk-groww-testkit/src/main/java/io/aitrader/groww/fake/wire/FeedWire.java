package io.aitrader.groww.fake.wire;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.market.Quote;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.OrderStatus;
import io.aitrader.api.order.OrderType;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.api.order.Validity;
import java.util.Comparator;
import java.util.List;

/**
 * Writes Groww's live-feed protobuf messages byte for byte from the documented field numbers (protocol reference
 * §5.3), with {@code com.google.protobuf.CodedOutputStream} and no generated code, for the fake's NATS publisher
 * and for tests. proto3 rules: fields holding their default value are not written; a oneof/sub-message branch is
 * always written.
 *
 * <table>
 *   <caption>Messages per subject</caption>
 *   <tr><th>subject</th><th>method</th></tr>
 *   <tr><td>{@code /ld/eq/nse/price.<token>} (LTP)</td><td>{@link #livePrice}, {@link #ltp(Quote)}</td></tr>
 *   <tr><td>{@code /ld/eq/nse/book.<token>}</td><td>{@link #marketDepth}</td></tr>
 *   <tr><td>{@code /ld/indices/nse/price.<token>}</td><td>{@link #indexValue}</td></tr>
 *   <tr><td>{@code stocks/order/updates.apex.<sid>}</td><td>{@link #orderUpdate}</td></tr>
 *   <tr><td>{@code stocks_fo/position/updates.apex.<sid>}</td><td>{@link #positionUpdate}</td></tr>
 * </table>
 *
 * <pre>{@code
 * byte[] ltp = FeedWire.ltp(quote);                                        // envelope + stockLivePrice
 * connection.publish("/ld/eq/nse/price." + quote.instrument().exchangeToken(), ltp);
 * }</pre>
 *
 * <p>Stateless and thread-safe. The envelope's {@code symbol} is written as the instrument's trading symbol (what
 * the real feed puts there is not documented; the adapter ignores it).
 */
public final class FeedWire {
  // envelope StocksSocketResponseProtoDto
  private static final int ENVELOPE_SYMBOL = 1;
  private static final int ENVELOPE_SEGMENT = 2;
  private static final int ENVELOPE_EXCHANGE = 3;
  private static final int ENVELOPE_LIVE_PRICE = 4;
  private static final int ENVELOPE_DEPTH = 5;
  private static final int ENVELOPE_INDEX = 6;

  private FeedWire() {}

  // ---------------------------------------------------------------- market data

  /** An LTP message for {@code instrument} (symbol = its trading symbol). */
  public static byte[] livePrice(Instrument instrument, LivePriceMessage price) {
    return livePrice(instrument.tradingSymbol(), instrument.exchange(), instrument.segment(), price);
  }

  /** An envelope with the {@code stockLivePrice} branch (field 4). */
  public static byte[] livePrice(String symbol, Exchange exchange, Segment segment, LivePriceMessage price) {
    required(price, "FeedWire.price");
    ProtoMessage body = new ProtoMessage();
    double[] f = price.byFieldNumber();
    for (int n = 1; n <= 16; n++) {
      body.fixed64(n, f[n]);
    }
    return envelope(symbol, exchange, segment).message(ENVELOPE_LIVE_PRICE, body).toByteArray();
  }

  /**
   * The LTP message a real feed would send for {@code quote}: time, last price, day volume, bid/offer quantities
   * and open interest (the LTP message has no bid/ask <em>prices</em>: those of the quote are not written).
   */
  public static byte[] ltp(Quote quote) {
    return livePrice(quote.instrument(), LivePriceMessage.builder()
        .tsInMillis(quote.timestampMillis())
        .ltp(rupees(quote.lastPrice()))
        .volume(quote.dayVolume())
        .bidQty(quote.bidQuantity())
        .offerQty(quote.askQuantity())
        .openInterest(quote.openInterest())
        .build());
  }

  /** An index-value message for {@code index} (segment CASH). */
  public static byte[] indexValue(Instrument index, double tsInMillis, double value) {
    return indexValue(index.tradingSymbol(), index.exchange(), tsInMillis, value);
  }

  /** An envelope with the {@code stocksLiveIndices} branch (field 6): 1 tsInMillis, 2 value. */
  public static byte[] indexValue(String symbol, Exchange exchange, double tsInMillis, double value) {
    ProtoMessage body = new ProtoMessage().fixed64(1, tsInMillis).fixed64(2, value);
    return envelope(symbol, exchange, Segment.CASH).message(ENVELOPE_INDEX, body).toByteArray();
  }

  /** A market-depth message for {@code instrument}. */
  public static byte[] marketDepth(Instrument instrument, double tsInMillis, List<DepthLevel> buy,
      List<DepthLevel> sell) {
    return marketDepth(instrument.tradingSymbol(), instrument.exchange(), instrument.segment(), tsInMillis, buy,
        sell);
  }

  /**
   * An envelope with the {@code stocksMarketDepth} branch (field 5): 1 tsInMillis, 2 buyBook, 3 sellBook, each
   * book a {@code map<int32, BookProto>} written as entries {1: level, 2: {1: price, 2: qty}}, in level order.
   */
  public static byte[] marketDepth(String symbol, Exchange exchange, Segment segment, double tsInMillis,
      List<DepthLevel> buy, List<DepthLevel> sell) {
    ProtoMessage body = new ProtoMessage().fixed64(1, tsInMillis);
    book(body, 2, buy);
    book(body, 3, sell);
    return envelope(symbol, exchange, segment).message(ENVELOPE_DEPTH, body).toByteArray();
  }

  private static void book(ProtoMessage body, int field, List<DepthLevel> levels) {
    List<DepthLevel> sorted = levels.stream().sorted(Comparator.comparingInt(DepthLevel::level)).toList();
    for (int i = 1; i < sorted.size(); i++) {
      check(sorted.get(i).level() != sorted.get(i - 1).level(), "FeedWire.depth", "levels must be distinct",
          sorted.get(i).level());
    }
    for (DepthLevel l : sorted) {
      // map entries: key and value are always written
      ProtoMessage value = new ProtoMessage().fixed64(1, l.price()).fixed64(2, l.quantity());
      ProtoMessage entry = new ProtoMessage().varint(1, l.level()).message(2, value);
      body.message(field, entry);
    }
  }

  private static ProtoMessage envelope(String symbol, Exchange exchange, Segment segment) {
    required(symbol, "FeedWire.symbol");
    return new ProtoMessage()
        .string(ENVELOPE_SYMBOL, symbol)
        .varint(ENVELOPE_SEGMENT, segmentNumber(segment))
        .varint(ENVELOPE_EXCHANGE, exchangeNumber(exchange));
  }

  // ---------------------------------------------------------------- account streams

  /**
   * An {@code OrderDetailsBroadCastDto}: 1 stageAndTimeStamp (repeated), 2 orderDetailUpdateDto with fields 1..16,
   * 22, 23 as documented.
   */
  public static byte[] orderUpdate(OrderUpdateMessage m) {
    required(m, "FeedWire.orderUpdate");
    ProtoMessage dto = new ProtoMessage()
        .varint(1, m.quantity())
        .varint(2, m.price())
        .varint(3, m.triggerPrice())
        .varint(4, m.filledQuantity())
        .varint(5, m.remainingQuantity())
        .varint(6, m.avgFillPrice())
        .string(7, m.growwOrderId())
        .string(8, m.exchangeOrderId())
        .varint(9, statusNumber(m.status()))
        .varint(10, durationNumber(m.validity()))
        .varint(11, exchangeNumber(m.exchange()))
        .varint(12, segmentNumber(m.segment()))
        .varint(13, productNumber(m.product()))
        .varint(14, orderTypeNumber(m.orderType()))
        .varint(15, m.side() == Side.BUY ? 0 : 1)
        .string(16, m.remark())
        .string(22, m.contractId())
        .string(23, m.guiOrderId());
    ProtoMessage broadcast = new ProtoMessage();
    for (OrderUpdateMessage.Stage s : m.stages()) {
      broadcast.message(1, new ProtoMessage().fixed64(1, s.timeStampFromMidNight()).string(2, s.stageName()));
    }
    return broadcast.message(2, dto).toByteArray();
  }

  /** A {@code PositionDetailProto}: 1 symbolData (fields 1..12), 2 positionInfo (1 symbolIsin, 2 BSE, 3 NSE). */
  public static byte[] positionUpdate(PositionUpdateMessage m) {
    required(m, "FeedWire.positionUpdate");
    ProtoMessage symbol = new ProtoMessage()
        .varint(1, m.trTimeStamp())
        .string(2, m.searchId())
        .varint(3, m.product().map(FeedWire::productNumber).orElse(7))
        .string(4, m.contractId())
        .varint(5, m.equityType().ordinal())
        .string(6, m.displayName())
        .string(7, m.underlyingId())
        .varint(8, m.nseMarketLot())
        .varint(9, m.bseMarketLot())
        .varint(10, m.underlyingAsset().ordinal())
        .varint(11, m.freezeQty())
        .varint(12, exchangeNumber(m.exchange()));
    ProtoMessage info = new ProtoMessage()
        .string(1, m.symbolIsin())
        .message(2, side(m.bse()))
        .message(3, side(m.nse()));
    return new ProtoMessage().message(1, symbol).message(2, info).toByteArray();
  }

  private static ProtoMessage side(PositionUpdateMessage.Side s) {
    return new ProtoMessage().fixed64(1, s.creditQty()).fixed64(2, s.creditPrice()).fixed64(3, s.debitQty())
        .fixed64(4, s.debitPrice());
  }

  // ---------------------------------------------------------------- units and enum numbers

  /** ₹0.0001 units as the rupee double the market-data messages carry. */
  public static double rupees(long units) {
    return units / (double) Price.UNITS_PER_RUPEE;
  }

  /** ₹0.0001 units as whole paise (the adapter's default order-update unit); refuses fractions of a paisa. */
  public static long paise(long units) {
    check(units % 100 == 0, "FeedWire.paise", "must be a whole number of paise (a multiple of 100 units)", units);
    return units / 100;
  }

  /** The exchange number shared by all three files for NSE/BSE/MCX: BSE=0, NSE=1, MCX=2. */
  static int exchangeNumber(Exchange exchange) {
    switch (exchange) {
      case BSE:
        return 0;
      case NSE:
        return 1;
      default:
        return 2;
    }
  }

  /** CASH=0, FNO=1, COMMODITY=3 (2 is CURRENCY, which the SDK does not model). */
  static int segmentNumber(Segment segment) {
    switch (segment) {
      case CASH:
        return 0;
      case FNO:
        return 1;
      default:
        return 3;
    }
  }

  /** StocksOrderStatus: NEW=0 … COMPLETED=11; OPEN has no number (refused by {@link OrderUpdateMessage}). */
  static int statusNumber(OrderStatus status) {
    switch (status) {
      case NEW:
        return 0;
      case ACKED:
        return 1;
      case TRIGGER_PENDING:
        return 2;
      case APPROVED:
        return 3;
      case REJECTED:
        return 4;
      case FAILED:
        return 5;
      case EXECUTED:
        return 6;
      case DELIVERY_AWAITED:
        return 7;
      case CANCELLED:
        return 8;
      case CANCELLATION_REQUESTED:
        return 9;
      case MODIFICATION_REQUESTED:
        return 10;
      case COMPLETED:
        return 11;
      default:
        throw new IllegalArgumentException("order status " + status + " has no order-update wire number");
    }
  }

  /** StocksOrderDuration: IOC=0, DAY=1, GTD=2, GTC=3, EOS=4. */
  static int durationNumber(Validity validity) {
    switch (validity) {
      case IOC:
        return 0;
      case DAY:
        return 1;
      case GTD:
        return 2;
      case GTC:
        return 3;
      default:
        return 4;
    }
  }

  /** StocksProduct: CNC=0, MIS=1, CO=2, BO=3, NRML=4, ARB=5, MTF=6. */
  static int productNumber(Product product) {
    switch (product) {
      case CNC:
        return 0;
      case MIS:
        return 1;
      case CO:
        return 2;
      case BO:
        return 3;
      case NRML:
        return 4;
      case ARB:
        return 5;
      default:
        return 6;
    }
  }

  /** StocksOrderType: MKT=0, L=1, SL=2, SL_M=3. */
  static int orderTypeNumber(OrderType type) {
    switch (type) {
      case MARKET:
        return 0;
      case LIMIT:
        return 1;
      case SL:
        return 2;
      default:
        return 3;
    }
  }
}
