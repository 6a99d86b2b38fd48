package io.aitrader.groww.feed;

import static io.aitrader.groww.feed.TestFeedInstruments.ALL;
import static io.aitrader.groww.feed.TestFeedInstruments.LOOKUP;
import static io.aitrader.groww.feed.TestFeedInstruments.NIFTY;
import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentType;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.market.MarketDepth;
import io.aitrader.api.market.Quote;
import io.aitrader.api.order.OrderStatus;
import io.aitrader.api.order.OrderType;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.api.order.Validity;
import io.aitrader.groww.fake.wire.DepthLevel;
import io.aitrader.groww.fake.wire.FeedWire;
import io.aitrader.groww.fake.wire.OrderUpdateMessage;
import io.aitrader.groww.feed.proto.OrderDetailUpdateDto;
import io.aitrader.groww.feed.proto.OrderDetailsBroadCastDto;
import io.aitrader.groww.feed.proto.StocksLivePriceProto;
import io.aitrader.groww.feed.proto.StocksSocketResponseProtoDto;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The testkit's hand-written FeedWire bytes, and bytes from the generated classes, decode to exactly the values
 * written.
 */
class FeedWireRoundTripPropertyTest {
  private static final List<Instrument> MARKET = ALL.stream().filter(i -> i.type() != InstrumentType.IDX).toList();

  @Property(tries = 500)
  void aQuoteWrittenByFeedWireDecodesToTheSameQuote(@ForAll("quotes") Quote quote) {
    RecordingListener out = new RecordingListener();
    FeedDecoder decoder = FeedDecoder.builder().instruments(LOOKUP).listener(out).build();

    decoder.decode(FeedSubjects.ltp(quote.instrument()), FeedWire.ltp(quote));

    assertThat(out.quotes).containsExactly(quote);
  }

  @Property(tries = 500)
  void anLtpWrittenByTheGeneratedClassesDecodesToItsValues(@ForAll("quotes") Quote quote) {
    RecordingListener out = new RecordingListener();
    FeedDecoder decoder = FeedDecoder.builder().instruments(LOOKUP).listener(out).build();
    byte[] bytes = StocksSocketResponseProtoDto.newBuilder().setSymbol(quote.instrument().tradingSymbol())
        .setStockLivePrice(StocksLivePriceProto.newBuilder().setTsInMillis(quote.timestampMillis())
            .setLtp(quote.lastPrice() / 10_000.0).setVolume(quote.dayVolume()).setBidQty(quote.bidQuantity())
            .setOfferQty(quote.askQuantity()).setOpenInterest(quote.openInterest()).setHigh(1).setAvgPrice(2))
        .build().toByteArray();

    decoder.decode(FeedSubjects.ltp(quote.instrument()), bytes);

    assertThat(out.quotes).containsExactly(quote);
  }

  @Property(tries = 300)
  void anIndexValueRoundTrips(@ForAll @LongRange(min = 1_600_000_000_000L, max = 1_900_000_000_000L) long t,
      @ForAll @LongRange(min = 1, max = 10_000_000_000L) long units) {
    RecordingListener out = new RecordingListener();
    FeedDecoder decoder = FeedDecoder.builder().instruments(LOOKUP).listener(out).build();

    decoder.decode(FeedSubjects.indexValue(NIFTY), FeedWire.indexValue(NIFTY, t, FeedWire.rupees(units)));

    assertThat(out.indexValues).containsExactly(new IndexValue(NIFTY, t, units));
  }

  @Property(tries = 300)
  void aDepthSnapshotRoundTrips(@ForAll("levels") List<long[]> bids, @ForAll("levels") List<long[]> asks,
      @ForAll @LongRange(min = 1_600_000_000_000L, max = 1_900_000_000_000L) long t) {
    RecordingListener out = new RecordingListener();
    FeedDecoder decoder = FeedDecoder.builder().instruments(LOOKUP).listener(out).build();
    Instrument i = MARKET.get((int) (t % MARKET.size()));
    List<long[]> bidsBestFirst = sorted(bids, -1);
    List<long[]> asksBestFirst = sorted(asks, 1);

    decoder.decode(FeedSubjects.depth(i), FeedWire.marketDepth(i, t, wire(bidsBestFirst), wire(asksBestFirst)));

    assertThat(out.depths).containsExactly(new MarketDepth(i, t, levels(bidsBestFirst), levels(asksBestFirst)));
  }

  @Property(tries = 500)
  void anOrderUpdateRoundTripsThroughFeedWireAndTheGeneratedClasses(@ForAll("orders") OrderUpdateMessage m,
      @ForAll boolean viaGenerated) {
    RecordingListener out = new RecordingListener();
    FeedDecoder decoder = FeedDecoder.builder().instruments(LOOKUP).listener(out).build();
    byte[] bytes = viaGenerated ? generated(m) : FeedWire.orderUpdate(m);

    decoder.decode(FeedSubjects.orderUpdates(Segment.FNO, "sid"), bytes);

    assertThat(out.orders).containsExactly(new GrowwOrderUpdate(m.growwOrderId(), m.exchangeOrderId(),
        GrowwOrderStatus.valueOf(m.status().name()), m.quantity(), m.filledQuantity(), m.remainingQuantity(),
        m.avgFillPrice() * 100, m.price() * 100, m.triggerPrice() * 100, m.side(), m.product(), m.orderType(),
        m.validity(), m.segment(), m.exchange(), m.remark(), m.contractId()));
  }

  // ------------------------------------------------------------------ generators

  @Provide
  Arbitrary<Quote> quotes() {
    Arbitrary<Instrument> instrument = Arbitraries.of(MARKET);
    Arbitrary<Long> time = Arbitraries.longs().between(1_600_000_000_000L, 1_900_000_000_000L);
    Arbitrary<Long> price = Arbitraries.longs().between(1, 100_000_000_000L);  // up to ₹1 crore, any 4 decimals
    Arbitrary<Long> volume = Arbitraries.longs().between(0, 1L << 40);
    Arbitrary<Long> qty = Arbitraries.longs().between(0, 10_000_000);
    return Combinators.combine(instrument, time, price, volume, qty, qty, qty)
        .as((i, t, p, v, b, a, oi) -> new Quote(i, t, p, v, 0, b, 0, a, oi));
  }

  @Provide
  Arbitrary<List<long[]>> levels() {
    Arbitrary<long[]> level = Combinators.combine(Arbitraries.longs().between(1, 100_000_000_000L),
        Arbitraries.longs().between(0, 1_000_000)).as((p, q) -> new long[] {p, q});
    return level.list().ofMaxSize(5).uniqueElements(l -> l[0]);
  }

  /** The levels by price, falling ({@code direction} -1, bids) or rising (+1, asks): best first. */
  private static List<long[]> sorted(List<long[]> levels, int direction) {
    List<long[]> out = new ArrayList<>(levels);
    out.sort((a, b) -> direction * Long.compare(a[0], b[0]));
    return out;
  }

  /** Best-first levels on the wire with level keys 1.., written in reverse order (the decoder sorts by key). */
  private static List<DepthLevel> wire(List<long[]> levels) {
    List<DepthLevel> out = new ArrayList<>();
    for (int k = levels.size() - 1; k >= 0; k--) {
      out.add(new DepthLevel(k + 1, FeedWire.rupees(levels.get(k)[0]), levels.get(k)[1]));
    }
    return out;
  }

  private static List<MarketDepth.Level> levels(List<long[]> levels) {
    List<MarketDepth.Level> out = new ArrayList<>();
    for (long[] l : levels) {
      out.add(new MarketDepth.Level(l[0], l[1]));
    }
    return out;
  }

  @Provide
  Arbitrary<OrderUpdateMessage> orders() {
    Arbitrary<String> ids = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20);
    Arbitrary<String> text = Arbitraries.strings().ofMaxLength(12);
    Arbitrary<Integer> qty = Arbitraries.integers().between(0, 1_000_000);
    Arbitrary<Long> paise = Arbitraries.longs().between(0, 10_000_000_000L);
    Arbitrary<OrderStatus> status = Arbitraries.of(OrderStatus.class).filter(s -> s != OrderStatus.OPEN);
    return Combinators.combine(ids, text, status, qty, qty, paise, paise, paise).as((id, remark, s, q, f, p, tp, avg) ->
        OrderUpdateMessage.builder(id).remark(remark).status(s).quantity(q).filledQuantity(f).remainingQuantity(q)
            .price(p).triggerPrice(tp).avgFillPrice(avg).exchangeOrderId(remark).contractId(id))
        .flatMap(b -> Combinators.combine(Arbitraries.of(Validity.class), Arbitraries.of(Exchange.class),
            Arbitraries.of(Segment.class), Arbitraries.of(Product.class), Arbitraries.of(OrderType.class),
            Arbitraries.of(Side.class)).as((v, e, sg, pr, t, sd) ->
                b.validity(v).exchange(e).segment(sg).product(pr).orderType(t).side(sd).build()));
  }

  /** The same order update written by the generated classes (the wire numbers as the reference lists them). */
  private static byte[] generated(OrderUpdateMessage m) {
    int[] exchange = {1, 0, 2};             // NSE, BSE, MCX (sdk-api order) → wire
    int[] segment = {0, 1, 3};              // CASH, FNO, COMMODITY → wire
    int[] validity = {1, 0, 3, 2, 4};       // DAY, IOC, GTC, GTD, EOS → wire
    int[] product = {0, 1, 4, 6, 5, 3, 2};  // CNC, MIS, NRML, MTF, ARB, BO, CO → wire
    return OrderDetailsBroadCastDto.newBuilder().setOrderDetailUpdateDto(OrderDetailUpdateDto.newBuilder()
        .setGrowwOrderId(m.growwOrderId()).setExchangeOrderId(m.exchangeOrderId())
        .setOrderStatusValue(GrowwOrderStatus.valueOf(m.status().name()).wireNumber())
        .setQty(m.quantity()).setFilledQty(m.filledQuantity()).setRemainingQty(m.remainingQuantity())
        .setPrice(m.price()).setTriggerPrice(m.triggerPrice()).setAvgFillPrice(m.avgFillPrice())
        .setDurationValue(validity[m.validity().ordinal()]).setExchangeValue(exchange[m.exchange().ordinal()])
        .setSegmentValue(segment[m.segment().ordinal()]).setProductValue(product[m.product().ordinal()])
        .setOrderTypeValue(m.orderType().ordinal()).setBuySellValue(m.side().ordinal())
        .setRemark(m.remark()).setContractId(m.contractId()).setGuiOrderId("gui"))
        .build().toByteArray();
  }

  @Property(tries = 50)
  void everyRejectedByteStringIsCountedNotThrown(@ForAll byte[] garbage, @ForAll @IntRange(max = 4) int kind) {
    RecordingListener out = new RecordingListener();
    FeedDecoder decoder = FeedDecoder.builder().instruments(LOOKUP).listener(out).build();
    String subject = List.of("/ld/eq/nse/price.2885", "/ld/eq/nse/book.2885", "/ld/indices/nse/price.NIFTY",
        "stocks/order/updates.apex.s", "stocks_fo/position/updates.apex.s").get(kind);

    boolean delivered = decoder.decode(subject, garbage);

    assertThat(delivered).isEqualTo(out.drops.isEmpty());
    assertThat(out.delivered() + out.drops.size()).isEqualTo(1);
  }
}
