package io.aitrader.groww.feed;

import static io.aitrader.api.ValidationException.required;

import com.google.protobuf.InvalidProtocolBufferException;
import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.market.MarketDepth;
import io.aitrader.api.market.Quote;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.OrderType;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.api.order.Validity;
import io.aitrader.groww.feed.proto.BookProto;
import io.aitrader.groww.feed.proto.OrderDetailUpdateDto;
import io.aitrader.groww.feed.proto.OrderDetailsBroadCastDto;
import io.aitrader.groww.feed.proto.PositionDetailProto;
import io.aitrader.groww.feed.proto.StocksMarketDepthProto;
import io.aitrader.groww.feed.proto.StocksSocketResponseProtoDto;
import io.aitrader.groww.feed.proto.SymbolInfoProto;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes Groww live-feed messages (subject + protobuf bytes) and normalizes them into SDK values, delivered to a
 * {@link FeedListener}: an LTP message becomes a raw {@link Quote} (the market ingestor turns quotes into ticks),
 * the others an {@link IndexValue}, a {@link MarketDepth} (the SDK's broker-neutral book snapshot: levels in the
 * order of the wire's level keys, 1 = best; empty slots without a price left out), a {@link GrowwOrderUpdate} or a
 * {@link GrowwPositionUpdate}.
 *
 * <pre>{@code
 * FeedDecoder decoder = FeedDecoder.builder()
 *     .instruments(InstrumentLookup.of(repository))
 *     .listener(new FeedListener() {
 *       public void onQuote(Quote q) { ingestor.onQuote(q); }
 *     })
 *     .build();
 * decoder.decode(msg.getSubject(), msg.getData());   // on the NATS dispatcher thread
 * }</pre>
 *
 * <p><b>Bad input is counted and dropped, never thrown.</b> An unmapped subject, a token the
 * {@link InstrumentLookup} does not know, malformed protobuf (truncated, bad tag, invalid UTF-8 …), a valid
 * message of the wrong kind for its subject, a value that cannot be normalized (price ≤ 0, NaN, negative
 * quantity, blank order id, depth levels that are not best first) or an enum number the SDK cannot map: {@link #decode} returns {@code false}, counts the
 * drop by {@link FeedDrop.Reason} ({@link #stats()}), logs the first drop of each reason (WARN, once) and reports
 * it to {@link FeedListener#onDropped}. Only a bad call (offset/length outside the array) throws.
 *
 * <p><b>Normalization.</b> Feed prices (rupee doubles) become ₹0.0001 units rounded half-even; quantities
 * (doubles) are rounded half-even to whole numbers; an LTP's {@code volume} is the quote's day volume and its
 * {@code bidQty}/{@code offerQty} the quote's bid/ask quantities (the LTP message carries no bid/ask prices: 0).
 * The envelope's own {@code symbol}, {@code exchange} and {@code segment} are ignored: the subject says what the
 * message is about.
 *
 * <p><b>UNCONFIRMED points</b> (protocol reference §5.3): a market-data {@code tsInMillis} below 1e11 is taken to
 * be epoch <em>seconds</em> (the docs' depth example looks like seconds) and multiplied by 1000 — logged once per
 * kind; order-update {@code int64} prices are read in {@link Builder#orderPriceUnit} (default
 * {@link PriceUnit#PAISE}), logged once with the first raw values seen ({@link PriceUnit#guess} tells which unit
 * matches a price known from the REST API); position doubles in {@link Builder#positionPriceUnit} (default
 * {@link PriceUnit#RUPEES}).
 *
 * <p><b>Hot path.</b> LTP and index messages are read by a hand-rolled reader (no protobuf objects): per LTP
 * message the decoder allocates only the {@code Quote}. Depth, order and position messages go through the
 * generated classes. The route of a subject (kind, instrument) is resolved once and cached.
 *
 * <p>Threading: not thread-safe — one decoder per delivering thread (as NATS dispatchers are). {@link #stats()}
 * may be called from any thread and may be slightly stale.
 */
public final class FeedDecoder {
  private static final Logger LOG = LoggerFactory.getLogger(FeedDecoder.class);
  private static final int MAX_CACHED_ROUTES = 16_384;
  private static final double SECONDS_BELOW = 1e11;

  private static final Exchange[] ORDER_EXCHANGES = {Exchange.BSE, Exchange.NSE, Exchange.MCX};
  private static final Exchange[] POSITION_EXCHANGES = {Exchange.BSE, Exchange.NSE, Exchange.MCX};
  private static final @Nullable Segment[] ORDER_SEGMENTS = {Segment.CASH, Segment.FNO, null, Segment.COMMODITY};
  private static final Validity[] DURATIONS = {Validity.IOC, Validity.DAY, Validity.GTD, Validity.GTC, Validity.EOS};
  private static final Product[] PRODUCTS =
      {Product.CNC, Product.MIS, Product.CO, Product.BO, Product.NRML, Product.ARB, Product.MTF};
  private static final OrderType[] ORDER_TYPES = {OrderType.MARKET, OrderType.LIMIT, OrderType.SL, OrderType.SL_M};
  private static final Side[] SIDES = {Side.BUY, Side.SELL};
  private static final GrowwPositionUpdate.EquityType[] EQUITY_TYPES = GrowwPositionUpdate.EquityType.values();
  private static final GrowwPositionUpdate.UnderlyingAsset[] ASSETS = GrowwPositionUpdate.UnderlyingAsset.values();

  private final InstrumentLookup instruments;
  private final FeedListener listener;
  private final PriceUnit orderPriceUnit;
  private final PriceUnit positionPriceUnit;
  private final LiveFeedReader reader = new LiveFeedReader();
  private final Map<String, Route> routes = new HashMap<>();
  private final long[] dropped = new long[FeedDrop.Reason.values().length];
  private final boolean[] dropLogged = new boolean[FeedDrop.Reason.values().length];
  private final boolean[] secondsLogged = new boolean[FeedKind.values().length];
  private boolean orderUnitLogged;
  private long quotes;
  private long indexValues;
  private long depths;
  private long orderUpdates;
  private long positionUpdates;

  private FeedDecoder(Builder b) {
    this.instruments = required(b.instruments, "FeedDecoder.instruments");
    this.listener = required(b.listener, "FeedDecoder.listener");
    this.orderPriceUnit = b.orderPriceUnit;
    this.positionPriceUnit = b.positionPriceUnit;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Decodes a whole payload; see {@link #decode(String, byte[], int, int)}. */
  public boolean decode(String subject, byte[] payload) {
    return decode(subject, payload, 0, payload.length);
  }

  /**
   * Decodes the message in {@code payload[offset, offset+length)} received on {@code subject} and delivers the
   * result to the listener.
   *
   * @return true when a value was delivered, false when the message was dropped (counted, reported)
   * @throws IndexOutOfBoundsException when offset/length lie outside the array
   */
  public boolean decode(String subject, byte[] payload, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, payload.length);
    Route route = routes.get(subject);
    if (route == null) {
      route = resolve(subject);
      if (route == null) {
        return false;
      }
    }
    switch (route.kind) {
      case LTP:
        return decodeLtp(route, payload, offset, length);
      case INDEX_VALUE:
        return decodeIndex(route, payload, offset, length);
      case MARKET_DEPTH:
        return decodeDepth(route, payload, offset, length);
      case ORDER_UPDATES:
        return decodeOrderUpdate(route, payload, offset, length);
      default:
        return decodePositionUpdate(route, payload, offset, length);
    }
  }

  /** Counters since creation. */
  public Stats stats() {
    Map<FeedDrop.Reason, Long> drops = new EnumMap<>(FeedDrop.Reason.class);
    for (FeedDrop.Reason r : FeedDrop.Reason.values()) {
      drops.put(r, dropped[r.ordinal()]);
    }
    return new Stats(quotes, indexValues, depths, orderUpdates, positionUpdates, drops);
  }

  // ---------------------------------------------------------------- market data

  private boolean decodeLtp(Route route, byte[] payload, int offset, int length) {
    LiveFeedReader r = reader;
    if (!r.read(payload, offset, length)) {
      return drop(FeedDrop.Reason.MALFORMED, route.subject, "not a StocksSocketResponseProtoDto: " + r.failure());
    }
    if (r.branch != LiveFeedReader.BRANCH_PRICE) {
      return wrongBranch(route, r.branch);
    }
    double[] p = r.price;
    long ts = millis(p[1], FeedKind.LTP);
    long ltp = units(p[13], Price.UNITS_PER_RUPEE);
    long volume = count(p[6]);
    long bidQty = count(p[8]);
    long offerQty = count(p[9]);
    long oi = count(p[14]);
    if (ts <= 0 || ltp <= 0 || volume < 0 || bidQty < 0 || offerQty < 0 || oi < 0) {
      return drop(FeedDrop.Reason.INVALID_VALUE, route.subject, "LTP message with tsInMillis=" + p[1] + " ltp=" + p[13]
          + " volume=" + p[6] + " bidQty=" + p[8] + " offerQty=" + p[9] + " openInterest=" + p[14]
          + " (need a positive time and price, non-negative quantities)");
    }
    quotes++;
    listener.onQuote(new Quote(route.instrument(), ts, ltp, volume, 0, bidQty, 0, offerQty, oi));
    return true;
  }

  private boolean decodeIndex(Route route, byte[] payload, int offset, int length) {
    LiveFeedReader r = reader;
    if (!r.read(payload, offset, length)) {
      return drop(FeedDrop.Reason.MALFORMED, route.subject, "not a StocksSocketResponseProtoDto: " + r.failure());
    }
    if (r.branch != LiveFeedReader.BRANCH_INDEX) {
      return wrongBranch(route, r.branch);
    }
    long ts = millis(r.indexTimestamp, FeedKind.INDEX_VALUE);
    long value = units(r.indexValue, Price.UNITS_PER_RUPEE);
    if (ts <= 0 || value <= 0) {
      return drop(FeedDrop.Reason.INVALID_VALUE, route.subject, "index message with tsInMillis=" + r.indexTimestamp
          + " value=" + r.indexValue + " (need a positive time and value)");
    }
    indexValues++;
    listener.onIndexValue(new IndexValue(route.instrument(), ts, value));
    return true;
  }

  private boolean decodeDepth(Route route, byte[] payload, int offset, int length) {
    StocksSocketResponseProtoDto message;
    try {
      message = StocksSocketResponseProtoDto.parser().parseFrom(payload, offset, length);
    } catch (InvalidProtocolBufferException e) {
      return drop(FeedDrop.Reason.MALFORMED, route.subject, "not a StocksSocketResponseProtoDto: " + e.getMessage());
    }
    if (message.getLivePointCase() != StocksSocketResponseProtoDto.LivePointCase.STOCKSMARKETDEPTH) {
      return wrongBranch(route, message.getLivePointCase().getNumber());
    }
    StocksMarketDepthProto depth = message.getStocksMarketDepth();
    long ts = millis(depth.getTsInMillis(), FeedKind.MARKET_DEPTH);
    if (ts <= 0) {
      return drop(FeedDrop.Reason.INVALID_VALUE, route.subject,
          "depth message with tsInMillis=" + depth.getTsInMillis() + " (need a positive time)");
    }
    List<MarketDepth.Level> bids = levels(depth.getBuyBookMap());
    List<MarketDepth.Level> asks = levels(depth.getSellBookMap());
    if (bids == null || asks == null) {
      return drop(FeedDrop.Reason.INVALID_VALUE, route.subject,
          "depth message with a negative, infinite or NaN price or quantity: " + depth.getBuyBookMap() + " / "
              + depth.getSellBookMap());
    }
    if (!bestFirst(bids, -1) || !bestFirst(asks, 1)) {
      return drop(FeedDrop.Reason.INVALID_VALUE, route.subject,
          "depth message whose levels, in level-key order, are not best first (bids falling, asks rising): "
              + depth.getBuyBookMap() + " / " + depth.getSellBookMap());
    }
    depths++;
    listener.onMarketDepth(new MarketDepth(route.instrument(), ts, bids, asks));
    return true;
  }

  /**
   * The levels of one side in the order of the wire's level keys (1 = best); a level without a price (0: an empty
   * slot) is left out. Null when a price or quantity is negative, NaN or infinite.
   */
  private static @Nullable List<MarketDepth.Level> levels(Map<Integer, BookProto> book) {
    List<MarketDepth.Level> levels = new ArrayList<>(book.size());
    for (BookProto level : new TreeMap<>(book).values()) {
      long price = units(level.getPrice(), Price.UNITS_PER_RUPEE);
      long qty = count(level.getQty());
      if (price < 0 || qty < 0) {
        return null;
      }
      if (price > 0) {
        levels.add(new MarketDepth.Level(price, qty));
      }
    }
    return levels;
  }

  /** Whether prices strictly fall ({@code direction} -1, bids) or rise (+1, asks) from level to level. */
  private static boolean bestFirst(List<MarketDepth.Level> levels, int direction) {
    for (int k = 1; k < levels.size(); k++) {
      if (Long.compare(levels.get(k).price(), levels.get(k - 1).price()) != direction) {
        return false;
      }
    }
    return true;
  }

  private boolean wrongBranch(Route route, int branch) {
    String got = branch == LiveFeedReader.BRANCH_PRICE ? "stockLivePrice"
        : branch == LiveFeedReader.BRANCH_DEPTH ? "stocksMarketDepth"
        : branch == LiveFeedReader.BRANCH_INDEX ? "stocksLiveIndices" : "no livePoint";
    String want = route.kind == FeedKind.LTP ? "stockLivePrice"
        : route.kind == FeedKind.MARKET_DEPTH ? "stocksMarketDepth" : "stocksLiveIndices";
    return drop(FeedDrop.Reason.WRONG_MESSAGE, route.subject, "expected the " + want + " branch, got " + got);
  }

  // ---------------------------------------------------------------- account streams

  private boolean decodeOrderUpdate(Route route, byte[] payload, int offset, int length) {
    OrderDetailsBroadCastDto message;
    try {
      message = OrderDetailsBroadCastDto.parser().parseFrom(payload, offset, length);
    } catch (InvalidProtocolBufferException e) {
      return drop(FeedDrop.Reason.MALFORMED, route.subject, "not an OrderDetailsBroadCastDto: " + e.getMessage());
    }
    if (!message.hasOrderDetailUpdateDto()) {
      return drop(FeedDrop.Reason.WRONG_MESSAGE, route.subject, "OrderDetailsBroadCastDto without orderDetailUpdateDto");
    }
    OrderDetailUpdateDto o = message.getOrderDetailUpdateDto();
    String id = o.getGrowwOrderId();
    int status = o.getOrderStatusValue();
    int duration = o.getDurationValue();
    int exchange = o.getExchangeValue();
    int segment = o.getSegmentValue();
    int product = o.getProductValue();
    int type = o.getOrderTypeValue();
    int side = o.getBuySellValue();
    if (!GrowwOrderStatus.isKnown(status) || !in(duration, DURATIONS) || !in(exchange, ORDER_EXCHANGES)
        || !in(segment, ORDER_SEGMENTS) || ORDER_SEGMENTS[segment] == null || !in(product, PRODUCTS)
        || !in(type, ORDER_TYPES) || !in(side, SIDES)) {
      return drop(FeedDrop.Reason.UNKNOWN_ENUM, route.subject, "order update " + id + " with enum numbers orderStatus="
          + status + " duration=" + duration + " exchange=" + exchange + " segment=" + segment + " product=" + product
          + " orderType=" + type + " buySell=" + side + " the SDK cannot map");
    }
    logOrderUnitOnce(o);
    long price = wireUnits(o.getPrice(), orderPriceUnit);
    long trigger = wireUnits(o.getTriggerPrice(), orderPriceUnit);
    long average = wireUnits(o.getAvgFillPrice(), orderPriceUnit);
    if (id.isBlank() || o.getQty() < 0 || o.getFilledQty() < 0 || o.getRemainingQty() < 0 || price < 0 || trigger < 0
        || average < 0) {
      return drop(FeedDrop.Reason.INVALID_VALUE, route.subject, "order update '" + id + "' with qty=" + o.getQty()
          + " filledQty=" + o.getFilledQty() + " remainingQty=" + o.getRemainingQty() + " price=" + o.getPrice()
          + " triggerPrice=" + o.getTriggerPrice() + " avgFillPrice=" + o.getAvgFillPrice()
          + " (need an order id, non-negative quantities and prices that fit ₹0.0001 units)");
    }
    orderUpdates++;
    listener.onOrderUpdate(new GrowwOrderUpdate(id, o.getExchangeOrderId(), GrowwOrderStatus.ofWire(status),
        o.getQty(), o.getFilledQty(), o.getRemainingQty(), average, price, trigger, SIDES[side], PRODUCTS[product],
        ORDER_TYPES[type], DURATIONS[duration], Objects.requireNonNull(ORDER_SEGMENTS[segment]),
        ORDER_EXCHANGES[exchange], o.getRemark(), o.getContractId()));
    return true;
  }

  private void logOrderUnitOnce(OrderDetailUpdateDto o) {
    if (!orderUnitLogged) {
      orderUnitLogged = true;
      LOG.info("Groww order updates: int64 prices read as {} (UNCONFIRMED unit). First update {}: price={} "
              + "triggerPrice={} avgFillPrice={} (raw); compare with the order's REST price (PriceUnit.guess)",
          orderPriceUnit, o.getGrowwOrderId(), o.getPrice(), o.getTriggerPrice(), o.getAvgFillPrice());
    }
  }

  private boolean decodePositionUpdate(Route route, byte[] payload, int offset, int length) {
    PositionDetailProto message;
    try {
      message = PositionDetailProto.parser().parseFrom(payload, offset, length);
    } catch (InvalidProtocolBufferException e) {
      return drop(FeedDrop.Reason.MALFORMED, route.subject, "not a PositionDetailProto: " + e.getMessage());
    }
    if (!message.hasSymbolData() && !message.hasPositionInfo()) {
      return drop(FeedDrop.Reason.WRONG_MESSAGE, route.subject, "PositionDetailProto without symbolData and positionInfo");
    }
    SymbolInfoProto s = message.getSymbolData();
    int equityType = s.getEquityTypeValue();
    int asset = s.getUnderlyingAssetTypeValue();
    if (!in(equityType, EQUITY_TYPES) || !in(asset, ASSETS)) {
      return drop(FeedDrop.Reason.UNKNOWN_ENUM, route.subject, "position update " + s.getContractId()
          + " with enum numbers equityType=" + equityType + " underlyingAssetType=" + asset + " the SDK cannot map");
    }
    GrowwPositionUpdate.ExchangePosition nse = side(message.getPositionInfo().getNSE().getCreditQty(),
        message.getPositionInfo().getNSE().getCreditPrice(), message.getPositionInfo().getNSE().getDebitQty(),
        message.getPositionInfo().getNSE().getDebitPrice());
    GrowwPositionUpdate.ExchangePosition bse = side(message.getPositionInfo().getBSE().getCreditQty(),
        message.getPositionInfo().getBSE().getCreditPrice(), message.getPositionInfo().getBSE().getDebitQty(),
        message.getPositionInfo().getBSE().getDebitPrice());
    if (nse == null || bse == null) {
      return drop(FeedDrop.Reason.INVALID_VALUE, route.subject, "position update " + s.getContractId()
          + " with a negative, infinite or NaN quantity or price: " + message.getPositionInfo());
    }
    int product = s.getStocksProductValue();
    int exchange = s.getExchangeValue();
    positionUpdates++;
    listener.onPositionUpdate(new GrowwPositionUpdate(s.getTrTimeStamp(), s.getSearchId(), s.getContractId(),
        s.getDisplayName(), s.getUnderlyingId(), message.getPositionInfo().getSymbolIsin(),
        in(product, PRODUCTS) ? Optional.of(PRODUCTS[product]) : Optional.empty(),
        in(exchange, POSITION_EXCHANGES) ? Optional.of(POSITION_EXCHANGES[exchange]) : Optional.empty(),
        EQUITY_TYPES[equityType], ASSETS[asset], s.getNseMarketLot(), s.getBseMarketLot(), s.getFreezeQty(), nse,
        bse));
    return true;
  }

  private GrowwPositionUpdate.@Nullable ExchangePosition side(double creditQty, double creditPrice, double debitQty,
      double debitPrice) {
    long per = positionPriceUnit.unitsPerWireUnit();
    long cq = count(creditQty);
    long cp = units(creditPrice, per);
    long dq = count(debitQty);
    long dp = units(debitPrice, per);
    if (cq < 0 || cp < 0 || dq < 0 || dp < 0) {
      return null;
    }
    return new GrowwPositionUpdate.ExchangePosition(cq, cp, dq, dp);
  }

  // ---------------------------------------------------------------- routes, conversions, drops

  private @Nullable Route resolve(String subject) {
    FeedSubject parsed;
    try {
      parsed = FeedSubjects.parse(subject);
    } catch (ValidationException e) {
      drop(FeedDrop.Reason.UNMAPPED_SUBJECT, subject, e.getMessage());
      return null;
    }
    Route route;
    if (parsed instanceof FeedSubject.Market) {
      FeedSubject.Market m = (FeedSubject.Market) parsed;
      Optional<Instrument> instrument = instruments.find(m.exchange(), m.segment(), m.token());
      if (instrument.isEmpty()) {
        drop(FeedDrop.Reason.UNKNOWN_INSTRUMENT, subject, "no instrument with exchange token '" + m.token() + "' on "
            + m.exchange() + " " + m.segment() + " (subscribe only to instruments the lookup knows)");
        return null;
      }
      route = new Route(subject, m.kind(), instrument.get());
    } else {
      route = new Route(subject, parsed.kind(), null);
    }
    if (routes.size() < MAX_CACHED_ROUTES) {
      routes.put(subject, route);
    }
    return route;
  }

  private boolean drop(FeedDrop.Reason reason, String subject, String detail) {
    int i = reason.ordinal();
    dropped[i]++;
    if (!dropLogged[i]) {
      dropLogged[i] = true;
      LOG.warn("Groww feed: dropped a message on {} ({}): {}. Further {} drops are counted (FeedDecoder.stats()), "
          + "not logged", subject, reason, detail, reason);
    }
    listener.onDropped(new FeedDrop(reason, subject, detail));
    return false;
  }

  /** Epoch millis of a feed timestamp; values below 1e11 are seconds (UNCONFIRMED unit); -1 when not usable. */
  private long millis(double ts, FeedKind kind) {
    if (!(ts > 0 && ts < 0x1p52)) {
      return -1;
    }
    if (ts < SECONDS_BELOW) {
      if (!secondsLogged[kind.ordinal()]) {
        secondsLogged[kind.ordinal()] = true;
        LOG.info("Groww feed: {} tsInMillis {} looks like epoch seconds (below 1e11); such values are multiplied "
            + "by 1000 (UNCONFIRMED unit)", kind.feedType(), ts);
      }
      ts *= 1000;
    }
    return (long) Math.rint(ts);
  }

  /** {@code value × unitsPerWireUnit} rounded half-even; -1 when negative, NaN, infinite or beyond a long. */
  static long units(double value, long unitsPerWireUnit) {
    double u = Math.rint(value * unitsPerWireUnit);
    return u >= 0 && u < 0x1p63 ? (long) u : -1;
  }

  /** A quantity rounded half-even; -1 when negative, NaN, infinite or beyond a long. */
  static long count(double value) {
    double c = Math.rint(value);
    return c >= 0 && c < 0x1p63 ? (long) c : -1;
  }

  /** An int64 wire price in ₹0.0001 units; -1 when negative or overflowing. */
  private static long wireUnits(long wire, PriceUnit unit) {
    long per = unit.unitsPerWireUnit();
    return wire >= 0 && wire <= Long.MAX_VALUE / per ? wire * per : -1;
  }

  private static boolean in(int number, @Nullable Object[] table) {
    return number >= 0 && number < table.length;
  }

  private static final class Route {
    final String subject;
    final FeedKind kind;
    private final @Nullable Instrument instrument;

    Route(String subject, FeedKind kind, @Nullable Instrument instrument) {
      this.subject = subject;
      this.kind = kind;
      this.instrument = instrument;
    }

    Instrument instrument() {
      return Objects.requireNonNull(instrument, "market-data route without an instrument");
    }
  }

  /**
   * Decoder counters.
   *
   * @param quotes          LTP messages delivered as quotes
   * @param indexValues     index values delivered
   * @param depths          depth snapshots delivered
   * @param orderUpdates    order updates delivered
   * @param positionUpdates position updates delivered
   * @param dropped         messages dropped, by reason (every reason present)
   */
  public record Stats(long quotes, long indexValues, long depths, long orderUpdates, long positionUpdates,
      Map<FeedDrop.Reason, Long> dropped) {
    /** Copies the map. */
    public Stats {
      dropped = Map.copyOf(dropped);
    }

    /** Messages dropped for any reason. */
    public long totalDropped() {
      long n = 0;
      for (long d : dropped.values()) {
        n += d;
      }
      return n;
    }

    /** Messages dropped for {@code reason}. */
    public long dropped(FeedDrop.Reason reason) {
      return dropped.getOrDefault(reason, 0L);
    }
  }

  /** Builds a {@link FeedDecoder}; {@code instruments} and {@code listener} are required. Not thread-safe. */
  public static final class Builder {
    private @Nullable InstrumentLookup instruments;
    private @Nullable FeedListener listener;
    private PriceUnit orderPriceUnit = PriceUnit.PAISE;
    private PriceUnit positionPriceUnit = PriceUnit.RUPEES;

    private Builder() {}

    /** Finds the instrument of each market-data subject (asked once per subject). */
    public Builder instruments(InstrumentLookup v) {
      this.instruments = v;
      return this;
    }

    /** Receives every decoded value and every drop, on the decoding thread. */
    public Builder listener(FeedListener v) {
      this.listener = v;
      return this;
    }

    /** The unit of the order-update int64 prices; default {@link PriceUnit#PAISE} (UNCONFIRMED). */
    public Builder orderPriceUnit(PriceUnit v) {
      this.orderPriceUnit = required(v, "FeedDecoder.orderPriceUnit");
      return this;
    }

    /** The unit of the position-update double prices; default {@link PriceUnit#RUPEES} (UNCONFIRMED). */
    public Builder positionPriceUnit(PriceUnit v) {
      this.positionPriceUnit = required(v, "FeedDecoder.positionPriceUnit");
      return this;
    }

    public FeedDecoder build() {
      return new FeedDecoder(this);
    }
  }
}
