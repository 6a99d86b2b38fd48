package io.aitrader.groww.feed;

import static io.aitrader.groww.feed.TestFeedInstruments.BANKNIFTY_PE;
import static io.aitrader.groww.feed.TestFeedInstruments.LOOKUP;
import static io.aitrader.groww.feed.TestFeedInstruments.NIFTY;
import static io.aitrader.groww.feed.TestFeedInstruments.RELIANCE;
import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.market.MarketDepth;
import io.aitrader.api.market.Quote;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.OrderStatus;
import io.aitrader.api.order.OrderType;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.api.order.Validity;
import io.aitrader.groww.fake.wire.DepthLevel;
import io.aitrader.groww.fake.wire.FeedWire;
import io.aitrader.groww.fake.wire.LivePriceMessage;
import io.aitrader.groww.fake.wire.OrderUpdateMessage;
import io.aitrader.groww.fake.wire.PositionUpdateMessage;
import io.aitrader.groww.feed.proto.OrderDetailUpdateDto;
import io.aitrader.groww.feed.proto.OrderDetailsBroadCastDto;
import io.aitrader.groww.feed.proto.StocksLiveIndicesProto;
import io.aitrader.groww.feed.proto.StocksSocketResponseProtoDto;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeedDecoderTest {
  private static final long T = 1_732_425_300_000L;
  private static final String RELIANCE_LTP = "/ld/eq/nse/price.2885";

  private final RecordingListener out = new RecordingListener();
  private final FeedDecoder decoder = FeedDecoder.builder().instruments(LOOKUP).listener(out).build();

  @Test
  void turnsAnLtpMessageIntoARawQuote() {
    byte[] bytes = FeedWire.livePrice(RELIANCE, LivePriceMessage.builder().tsInMillis(T).ltp(2534.05)
        .volume(1_200_345).bidQty(150).offerQty(90).openInterest(0).open(2500).high(2540).build());

    boolean delivered = decoder.decode(RELIANCE_LTP, bytes);

    assertThat(delivered).isTrue();
    assertThat(out.quotes).containsExactly(
        new Quote(RELIANCE, T, Price.of("2534.05").units(), 1_200_345, 0, 150, 0, 90, 0));
    assertThat(decoder.stats().quotes()).isEqualTo(1);
  }

  @Test
  void roundsFeedPricesHalfEvenToFourDecimals() {
    decoder.decode(RELIANCE_LTP, FeedWire.livePrice(RELIANCE, LivePriceMessage.builder().tsInMillis(T)
        .ltp(100.00005).volume(10.5).build()));

    assertThat(out.quotes.get(0).lastPrice()).isEqualTo(1_000_000L);  // 1000000.5 units, half-even → even
    assertThat(out.quotes.get(0).dayVolume()).isEqualTo(10L);          // 10.5 → 10 (half-even)
  }

  @Test
  void decodesAnOptionsLtpOnTheFnoSubject() {
    decoder.decode(FeedSubjects.ltp(BANKNIFTY_PE), FeedWire.livePrice(BANKNIFTY_PE, LivePriceMessage.builder()
        .tsInMillis(T).ltp(412.35).volume(35_000).openInterest(1_234_590).build()));

    assertThat(out.quotes).singleElement().satisfies(q -> {
      assertThat(q.instrument()).isEqualTo(BANKNIFTY_PE);
      assertThat(q.openInterest()).isEqualTo(1_234_590);
    });
  }

  @Test
  void decodesAnIndexValue() {
    decoder.decode("/ld/indices/nse/price.NIFTY", FeedWire.indexValue(NIFTY, T, 24_650.35));

    assertThat(out.indexValues).containsExactly(new IndexValue(NIFTY, T, Price.of("24650.35").units()));
  }

  @Test
  void decodesMarketDepthInLevelOrderAsTheSdksBookSnapshot() {
    byte[] bytes = FeedWire.marketDepth(RELIANCE, T,
        List.of(new DepthLevel(2, 2534.00, 50), new DepthLevel(1, 2534.05, 10)),
        List.of(new DepthLevel(1, 2534.10, 7)));

    decoder.decode("/ld/eq/nse/book.2885", bytes);

    MarketDepth d = out.depths.get(0);
    assertThat(d.instrument()).isEqualTo(RELIANCE);
    assertThat(d.timestampMillis()).isEqualTo(T);
    assertThat(d.bids()).containsExactly(new MarketDepth.Level(Price.of("2534.05").units(), 10),
        new MarketDepth.Level(Price.of("2534.00").units(), 50));
    assertThat(d.bestAsk()).contains(new MarketDepth.Level(Price.of("2534.10").units(), 7));
    assertThat(decoder.stats().depths()).isEqualTo(1);
  }

  @Test
  void leavesOutDepthSlotsWithoutAPrice() {
    decoder.decode("/ld/eq/nse/book.2885", FeedWire.marketDepth(RELIANCE, T,
        List.of(new DepthLevel(1, 2534.05, 10), new DepthLevel(2, 0, 0), new DepthLevel(3, 0, 0)),
        List.of(new DepthLevel(1, 0, 0))));

    assertThat(out.depths).singleElement().satisfies(d -> {
      assertThat(d.bids()).containsExactly(new MarketDepth.Level(Price.of("2534.05").units(), 10));
      assertThat(d.asks()).isEmpty();
    });
  }

  @Test
  void dropsDepthWhoseLevelsAreNotBestFirstOrNotNumbers() {
    String book = "/ld/eq/nse/book.2885";
    decoder.decode(book, FeedWire.marketDepth(RELIANCE, T,
        List.of(new DepthLevel(1, 2534.00, 10), new DepthLevel(2, 2534.05, 5)), List.of()));
    decoder.decode(book, FeedWire.marketDepth(RELIANCE, T, List.of(),
        List.of(new DepthLevel(1, 2534.10, 10), new DepthLevel(2, 2534.10, 5))));
    decoder.decode(book, FeedWire.marketDepth(RELIANCE, T, List.of(new DepthLevel(1, Double.NaN, 10)), List.of()));
    decoder.decode(book, FeedWire.marketDepth(RELIANCE, T, List.of(), List.of(new DepthLevel(1, 2534.10, -1))));
    decoder.decode(book, FeedWire.marketDepth(RELIANCE, 0, List.of(), List.of()));

    assertThat(out.depths).isEmpty();
    assertThat(out.drops).extracting(FeedDrop::reason).containsOnly(FeedDrop.Reason.INVALID_VALUE).hasSize(5);
    assertThat(out.drops.get(0).detail()).contains("not best first");
    assertThat(decoder.stats().dropped(FeedDrop.Reason.INVALID_VALUE)).isEqualTo(5);
  }

  @Test
  void dropsIndexValuesAndPositionUpdatesThatCannotBeNormalized() {
    decoder.decode("/ld/indices/nse/price.NIFTY", FeedWire.indexValue(NIFTY, T, 0));
    decoder.decode("/ld/indices/nse/price.NIFTY", FeedWire.indexValue(NIFTY, T, Double.POSITIVE_INFINITY));
    decoder.decode("/ld/indices/nse/price.NIFTY", FeedWire.indexValue(NIFTY, -1, 24_000));
    decoder.decode("stocks_fo/position/updates.apex.s", FeedWire.positionUpdate(PositionUpdateMessage
        .builder("NIFTY25DECFUT").nse(new PositionUpdateMessage.Side(-75, 24_000, 0, 0)).build()));

    assertThat(out.indexValues).isEmpty();
    assertThat(out.positions).isEmpty();
    assertThat(out.drops).extracting(FeedDrop::reason).containsOnly(FeedDrop.Reason.INVALID_VALUE).hasSize(4);
    assertThat(decoder.stats().totalDropped()).isEqualTo(4);
  }

  @Test
  void readsADepthTimestampBelow1e11AsEpochSeconds() {
    decoder.decode("/ld/eq/nse/book.2885", FeedWire.marketDepth(RELIANCE, 1_732_425_300d, List.of(), List.of()));

    assertThat(out.depths.get(0).timestampMillis()).isEqualTo(T);
  }

  @Test
  void decodesAnOrderUpdateWithPaisePricesByDefault() {
    byte[] bytes = FeedWire.orderUpdate(OrderUpdateMessage.builder("GMK39038RDT490CCVRO").exchangeOrderId("1100000012")
        .status(OrderStatus.EXECUTED).quantity(10).filledQuantity(10).remainingQuantity(0).price(253_405)
        .avgFillPrice(253_400).validity(Validity.DAY).exchange(Exchange.NSE).segment(Segment.CASH)
        .product(Product.MIS).orderType(OrderType.LIMIT).side(Side.SELL).remark("done").contractId("INE002A01018")
        .build());

    decoder.decode("stocks/order/updates.apex.sub1", bytes);

    assertThat(out.orders).containsExactly(new GrowwOrderUpdate("GMK39038RDT490CCVRO", "1100000012",
        GrowwOrderStatus.EXECUTED, 10, 10, 0, Price.of("2534.00").units(), Price.of("2534.05").units(), 0, Side.SELL,
        Product.MIS, OrderType.LIMIT, Validity.DAY, Segment.CASH, Exchange.NSE, "done", "INE002A01018"));
    assertThat(out.orders.get(0).orderStatus()).isEqualTo(OrderStatus.EXECUTED);
  }

  @Test
  void readsOrderUpdatePricesInRupeesWhenConfigured() {
    FeedDecoder rupees = FeedDecoder.builder().instruments(LOOKUP).listener(out).orderPriceUnit(PriceUnit.RUPEES)
        .build();

    rupees.decode("stocks_fo/order/updates.apex.s", FeedWire.orderUpdate(OrderUpdateMessage.builder("GMKFO1")
        .status(OrderStatus.TRIGGER_PENDING).price(145).triggerPrice(140).orderType(OrderType.SL).build()));

    assertThat(out.orders.get(0).price()).isEqualTo(Price.ofRupees(145).units());
    assertThat(out.orders.get(0).triggerPrice()).isEqualTo(Price.ofRupees(140).units());
  }

  @Test
  void guessesThePriceUnitFromAKnownRestPrice() {
    assertThat(PriceUnit.guess(13_050, Price.of("130.50").units())).contains(PriceUnit.PAISE);
    assertThat(PriceUnit.guess(130, Price.of("130").units())).contains(PriceUnit.RUPEES);
    assertThat(PriceUnit.guess(7, Price.of("130").units())).isEmpty();
  }

  @Test
  void decodesAPositionUpdate() {
    byte[] bytes = FeedWire.positionUpdate(PositionUpdateMessage.builder("BANKNIFTY25DEC27000PE").trTimeStamp(T)
        .searchId("bank-nifty").product(Optional.of(Product.NRML)).displayName("BANKNIFTY 27000 PE")
        .nseMarketLot(35).freezeQty(601).symbolIsin("INF000000000")
        .nse(new PositionUpdateMessage.Side(70, 412.35, 35, 420.5)).build());

    decoder.decode("stocks_fo/position/updates.apex.s", bytes);

    GrowwPositionUpdate p = out.positions.get(0);
    assertThat(p.contractId()).isEqualTo("BANKNIFTY25DEC27000PE");
    assertThat(p.product()).contains(Product.NRML);
    assertThat(p.exchange()).contains(Exchange.NSE);
    assertThat(p.equityType()).isEqualTo(GrowwPositionUpdate.EquityType.FUTURE);
    assertThat(p.nse()).isEqualTo(new GrowwPositionUpdate.ExchangePosition(70, Price.of("412.35").units(), 35,
        Price.of("420.5").units()));
    assertThat(p.nse().netQuantity()).isEqualTo(35);
    assertThat(p.bse()).isEqualTo(GrowwPositionUpdate.ExchangePosition.NONE);
  }

  @Test
  void readsTheWiresUnknownProductAsAnEmptyProduct() {
    decoder.decode("stocks_fo/position/updates.apex.s",
        FeedWire.positionUpdate(PositionUpdateMessage.builder("X").product(Optional.empty()).build()));

    assertThat(out.positions.get(0).product()).isEmpty();
  }

  // ------------------------------------------------------------------ drops: counted, reported, never thrown

  @Test
  void dropsMessagesOnUnmappedSubjects() {
    boolean delivered = decoder.decode("/ld/eq/mcx/price.1", FeedWire.ltp(quote()));

    assertThat(delivered).isFalse();
    assertThat(out.drops).singleElement().satisfies(d -> {
      assertThat(d.reason()).isEqualTo(FeedDrop.Reason.UNMAPPED_SUBJECT);
      assertThat(d.detail()).contains("exchange part");
    });
  }

  @Test
  void dropsMessagesForTokensTheLookupDoesNotKnow() {
    decoder.decode("/ld/eq/nse/price.999999", FeedWire.ltp(quote()));

    assertThat(out.drops).extracting(FeedDrop::reason).containsExactly(FeedDrop.Reason.UNKNOWN_INSTRUMENT);
    assertThat(out.drops.get(0).detail()).contains("999999");
  }

  @Test
  void dropsMalformedBytesOnEverySubjectKind() {
    byte[] truncated = java.util.Arrays.copyOf(FeedWire.ltp(quote()), 7);
    List<String> subjects = List.of(RELIANCE_LTP, "/ld/eq/nse/book.2885", "/ld/indices/nse/price.NIFTY",
        "stocks/order/updates.apex.s", "stocks_fo/position/updates.apex.s");

    for (String subject : subjects) {
      assertThat(decoder.decode(subject, truncated)).as(subject).isFalse();
    }

    assertThat(out.drops).extracting(FeedDrop::reason).containsOnly(FeedDrop.Reason.MALFORMED);
    assertThat(decoder.stats().dropped(FeedDrop.Reason.MALFORMED)).isEqualTo(subjects.size());
    assertThat(out.delivered()).isZero();
  }

  @Test
  void dropsAValidMessageOfTheWrongKindForItsSubject() {
    decoder.decode(RELIANCE_LTP, FeedWire.indexValue(NIFTY, T, 24_000));
    decoder.decode("/ld/eq/nse/book.2885", FeedWire.ltp(quote()));

    assertThat(out.drops).extracting(FeedDrop::reason)
        .containsExactly(FeedDrop.Reason.WRONG_MESSAGE, FeedDrop.Reason.WRONG_MESSAGE);
    assertThat(out.drops.get(0).detail()).contains("expected the stockLivePrice branch, got stocksLiveIndices");
  }

  @Test
  void dropsLtpMessagesWhoseValuesCannotBeAQuote() {
    decoder.decode(RELIANCE_LTP, FeedWire.livePrice(RELIANCE, LivePriceMessage.builder().tsInMillis(T).build()));
    decoder.decode(RELIANCE_LTP, FeedWire.livePrice(RELIANCE, LivePriceMessage.builder().ltp(10).build()));
    decoder.decode(RELIANCE_LTP, FeedWire.livePrice(RELIANCE,
        LivePriceMessage.builder().tsInMillis(T).ltp(Double.NaN).build()));
    decoder.decode(RELIANCE_LTP, FeedWire.livePrice(RELIANCE,
        LivePriceMessage.builder().tsInMillis(T).ltp(10).volume(-1).build()));

    assertThat(out.drops).extracting(FeedDrop::reason).containsOnly(FeedDrop.Reason.INVALID_VALUE).hasSize(4);
    assertThat(out.quotes).isEmpty();
  }

  @Test
  void dropsOrderUpdatesWithEnumNumbersTheSdkCannotMap() {
    byte[] currency = OrderDetailsBroadCastDto.newBuilder().setOrderDetailUpdateDto(OrderDetailUpdateDto.newBuilder()
        .setGrowwOrderId("G1").setSegmentValue(2)).build().toByteArray();
    byte[] futureStatus = OrderDetailsBroadCastDto.newBuilder().setOrderDetailUpdateDto(OrderDetailUpdateDto
        .newBuilder().setGrowwOrderId("G1").setOrderStatusValue(12)).build().toByteArray();

    decoder.decode("stocks/order/updates.apex.s", currency);
    decoder.decode("stocks/order/updates.apex.s", futureStatus);

    assertThat(out.drops).extracting(FeedDrop::reason)
        .containsExactly(FeedDrop.Reason.UNKNOWN_ENUM, FeedDrop.Reason.UNKNOWN_ENUM);
    assertThat(out.drops.get(0).detail()).contains("G1").contains("segment=2");
  }

  @Test
  void dropsOrderUpdatesWithoutAnOrderId() {
    decoder.decode("stocks/order/updates.apex.s", OrderDetailsBroadCastDto.newBuilder()
        .setOrderDetailUpdateDto(OrderDetailUpdateDto.newBuilder().setQty(5)).build().toByteArray());
    decoder.decode("stocks/order/updates.apex.s", OrderDetailsBroadCastDto.getDefaultInstance().toByteArray());

    assertThat(out.drops).extracting(FeedDrop::reason)
        .containsExactly(FeedDrop.Reason.INVALID_VALUE, FeedDrop.Reason.WRONG_MESSAGE);
  }

  @Test
  void dropsOrderUpdatePricesThatOverflowUnits() {
    decoder.decode("stocks/order/updates.apex.s", FeedWire.orderUpdate(OrderUpdateMessage.builder("G2")
        .price(Long.MAX_VALUE / 10).build()));

    assertThat(out.drops).extracting(FeedDrop::reason).containsExactly(FeedDrop.Reason.INVALID_VALUE);
  }

  @Test
  void keepsDecodingAfterADrop() {
    decoder.decode(RELIANCE_LTP, new byte[] {(byte) 0xFF});

    decoder.decode(RELIANCE_LTP, FeedWire.ltp(quote()));

    assertThat(out.quotes).hasSize(1);
    assertThat(decoder.stats().totalDropped()).isEqualTo(1);
  }

  @Test
  void decodesIndexMessagesWrittenByTheGeneratedClasses() {
    byte[] bytes = StocksSocketResponseProtoDto.newBuilder().setSymbol("NIFTY").setExchangeValue(1)
        .setStocksLiveIndices(StocksLiveIndicesProto.newBuilder().setTsInMillis(T).setValue(24_650.35)).build()
        .toByteArray();

    decoder.decode("/ld/indices/nse/price.NIFTY", bytes);

    assertThat(out.indexValues).containsExactly(new IndexValue(NIFTY, T, Price.of("24650.35").units()));
  }

  @Test
  void findsAnIndexByItsTradingSymbolWhenTheSubjectUsesTheName() {
    decoder.decode("/ld/indices/nse/price.26000", FeedWire.indexValue(NIFTY, T, 24_000));
    decoder.decode("/ld/indices/nse/price.NIFTY", FeedWire.indexValue(NIFTY, T, 24_001));

    assertThat(out.indexValues).extracting(IndexValue::index).containsExactly(NIFTY, NIFTY);
  }

  private static Quote quote() {
    return Quote.ltp(RELIANCE, T, Price.of("2534.05").units(), 1000);
  }
}
