package io.aitrader.groww.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentType;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.market.Tick;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.OrderStatus;
import io.aitrader.api.order.OrderType;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.api.order.Validity;
import io.aitrader.api.time.Ist;
import io.aitrader.core.instruments.InMemoryInstrumentRepository;
import io.aitrader.groww.fake.FakeGroww;
import io.aitrader.groww.fake.FakeMarket;
import io.aitrader.groww.fake.RecordedRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint family of the REST client against the fake Groww (happy paths): the client's reading of the
 * protocol reference checked against the fake's independent one. Error paths: {@link ClientErrorsAgainstFakeTest}.
 */
class ClientAgainstFakeTest {
  static final LocalDate EXPIRY = LocalDate.of(2025, 6, 5);
  private static final AtomicInteger REFS = new AtomicInteger();

  static FakeGrowwFixture groww;
  static GrowwClient client;
  static List<Instrument> options;

  @BeforeAll
  static void start() {
    options = niftyOptions(7);
    List<Instrument> master = new ArrayList<>(InMemoryInstrumentRepository.bundledNse().all());
    master.addAll(options);
    groww = FakeGrowwFixture.start(b -> b.rateLimits(false).instruments(master));
    client = groww.client();
  }

  @AfterAll
  static void stop() {
    groww.close();
  }

  @BeforeEach
  void reset() {
    groww.reset();
  }

  /** Six NIFTY options (3 strikes around the synthetic index price at the fake's start × CE/PE) expiring 5 June 2025. */
  static List<Instrument> niftyOptions(long seed) {
    Instrument nifty = InMemoryInstrumentRepository.bundledNse().find(Exchange.NSE, "NIFTY").orElseThrow();
    long spot = FakeMarket.synthetic(seed).lastTick(nifty, FakeGroww.DEFAULT_START_MILLIS).orElseThrow().lastPrice();
    long atm = Math.round(spot / (50.0 * Price.UNITS_PER_RUPEE)) * 50;
    List<Instrument> out = new ArrayList<>();
    int token = 40_000;
    for (long strike = atm - 50; strike <= atm + 50; strike += 50) {
      for (InstrumentType type : List.of(InstrumentType.CE, InstrumentType.PE)) {
        out.add(Instrument.builder().exchange(Exchange.NSE).segment(Segment.FNO).type(type)
            .tradingSymbol("NIFTY25605" + strike + type).exchangeToken(Integer.toString(token++))
            .growwSymbol("NSE-NIFTY-05Jun25-" + strike + "-" + type).name("NIFTY " + strike + " " + type)
            .underlying("NIFTY").expiry(EXPIRY).strike(Price.of(BigDecimal.valueOf(strike))).lotSize(75)
            .tickSize(Price.of("0.05")).build());
      }
    }
    return out;
  }

  static String nextRef() {
    return "it-" + String.format("%08d", REFS.incrementAndGet());
  }

  private static Instrument instrument(String symbol) {
    return groww.fake.instruments().stream().filter(i -> i.tradingSymbol().equals(symbol)).findFirst().orElseThrow();
  }

  private static long ltpUnits(String symbol) {
    return groww.fake.market().lastTick(instrument(symbol), groww.clock.currentTimeMillis()).orElseThrow()
        .lastPrice();
  }

  private static OrderPlacement limitBuy(String symbol, long qty, Price limit) {
    return new OrderPlacement(symbol, Exchange.NSE, Segment.CASH, qty, Optional.of(limit), Optional.empty(),
        OrderType.LIMIT, Side.BUY, Product.CNC, Validity.DAY, nextRef());
  }

  // ---- orders

  @Test
  void placesReadsModifiesAndCancelsAnOrder() {
    Price farBelow = Price.ofUnits(ltpUnits("INFY") * 8 / 10 / 1000 * 1000);
    OrderPlacement placement = limitBuy("INFY", 3, farBelow);

    OrderAck ack = client.orders().place(placement);
    OrderStatusInfo byId = client.orders().status(ack.growwOrderId(), Segment.CASH);
    OrderStatusInfo byRef = client.orders().statusByReference(placement.referenceId(), Segment.CASH).orElseThrow();
    GrowwOrder detail = client.orders().detail(ack.growwOrderId(), Segment.CASH);
    List<GrowwOrder> listed = client.orders().listAll(Optional.of(Segment.CASH));

    assertThat(ack.status()).isEqualTo(OrderStatus.OPEN);
    assertThat(ack.referenceId()).contains(placement.referenceId());
    assertThat(byId.growwOrderId()).isEqualTo(ack.growwOrderId());
    assertThat(byRef.growwOrderId()).isEqualTo(ack.growwOrderId());
    assertThat(detail.price()).contains(farBelow);
    assertThat(detail.triggerPrice()).isEmpty();
    assertThat(detail.quantity()).isEqualTo(3);
    assertThat(detail.side()).isEqualTo(Side.BUY);
    assertThat(detail.createdAtMillis()).contains(groww.clock.currentTimeMillis() / 1000 * 1000);
    assertThat(listed).extracting(GrowwOrder::growwOrderId).contains(ack.growwOrderId());

    Price lower = farBelow.minus(Price.of("10"));
    OrderAck modified = client.orders().modify(ack.growwOrderId(), Segment.CASH, 5, OrderType.LIMIT,
        Optional.of(lower), Optional.empty());
    GrowwOrder afterModify = client.orders().detail(ack.growwOrderId(), Segment.CASH);
    OrderAck cancelled = client.orders().cancel(ack.growwOrderId(), Segment.CASH);
    GrowwOrder afterCancel = client.orders().detail(ack.growwOrderId(), Segment.CASH);

    assertThat(modified.status()).isEqualTo(OrderStatus.MODIFICATION_REQUESTED);
    assertThat(afterModify.quantity()).isEqualTo(5);
    assertThat(afterModify.price()).contains(lower);
    assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLATION_REQUESTED);
    assertThat(afterCancel.status()).isEqualTo(OrderStatus.CANCELLED);
  }

  @Test
  void aMarketOrderFillsAsTheFakeAdvancesAndItsTradesCarryExactPrices() {
    OrderPlacement buy = new OrderPlacement("TCS", Exchange.NSE, Segment.CASH, 4, Optional.empty(), Optional.empty(),
        OrderType.MARKET, Side.BUY, Product.MIS, Validity.DAY, nextRef());
    OrderAck ack = client.orders().place(buy);

    groww.fake.advanceBy(Duration.ofMinutes(1));
    GrowwOrder detail = client.orders().detail(ack.growwOrderId(), Segment.CASH);
    List<GrowwTrade> trades = client.orders().allTrades(ack.growwOrderId(), Segment.CASH);

    assertThat(detail.status()).isEqualTo(OrderStatus.EXECUTED);
    assertThat(detail.filledQuantity()).isEqualTo(4);
    assertThat(trades).isNotEmpty();
    assertThat(trades).extracting(GrowwTrade::quantity).containsOnly(4L);
    Price fakeFill = groww.fake.order(ack.growwOrderId()).orElseThrow().averageFillPrice().orElseThrow();
    assertThat(trades.get(0).price()).isEqualTo(fakeFill);
    assertThat(detail.averageFillPrice()).contains(fakeFill);
    assertThat(trades.get(0).growwOrderId()).isEqualTo(ack.growwOrderId());
    assertThat(trades.get(0).tradeTimeMillis()).isPresent();
  }

  // ---- smart orders

  @Test
  void createsReadsListsModifiesAndCancelsAGtt() {
    Price trigger = Price.ofUnits(ltpUnits("SBIN") * 9 / 10 / 500 * 500);
    GttRequest request = new GttRequest(nextRef(), Exchange.NSE, Segment.CASH, "SBIN", 2, Product.CNC,
        Validity.DAY, trigger, "DOWN", Side.BUY, OrderType.LIMIT, Optional.of(trigger));

    SmartOrder created = client.smartOrders().createGtt(request);
    SmartOrder read = client.smartOrders().get(Segment.CASH, SmartOrderType.GTT, created.smartOrderId());
    List<SmartOrder> listed = client.smartOrders().list(Optional.of(SmartOrderType.GTT), Optional.of(Segment.CASH),
        Optional.empty(), 0, 50);
    Price newTrigger = trigger.minus(Price.of("1"));
    SmartOrder modified = client.smartOrders().modifyGtt(created.smartOrderId(), Segment.CASH, Optional.of(3L),
        Optional.of(newTrigger), Optional.of(newTrigger));
    SmartOrder cancelled = client.smartOrders().cancel(Segment.CASH, SmartOrderType.GTT, created.smartOrderId());

    assertThat(created.smartOrderId()).startsWith("gtt_");
    assertThat(created.status()).isEqualTo("ACTIVE");
    assertThat(created.triggerPrice()).contains(trigger);
    assertThat(created.triggerDirection()).contains("DOWN");
    assertThat(read).isEqualTo(created);
    assertThat(listed).extracting(SmartOrder::smartOrderId).contains(created.smartOrderId());
    assertThat(modified.quantity()).isEqualTo(3);
    assertThat(modified.triggerPrice()).contains(newTrigger);
    assertThat(cancelled.status()).isEqualTo("CANCELLED");
    assertThat(groww.fake.requests("/v1/order-advance/create").get(0).body()).contains("\"trigger_price\":\"");
  }

  @Test
  void createsAnOcoOnAnIntradayPosition() {
    long ltp = ltpUnits("ITC");
    OcoRequest request = new OcoRequest(nextRef(), Exchange.NSE, Segment.CASH, "ITC", 10, 10, Product.MIS,
        Validity.DAY, Side.SELL,
        new OcoRequest.Leg(Price.ofUnits(ltp * 11 / 10 / 500 * 500), OrderType.LIMIT,
            Optional.of(Price.ofUnits(ltp * 11 / 10 / 500 * 500))),
        new OcoRequest.Leg(Price.ofUnits(ltp * 9 / 10 / 500 * 500), OrderType.SL_M, Optional.empty()));

    SmartOrder oco = client.smartOrders().createOco(request);
    SmartOrder read = client.smartOrders().get(Segment.CASH, SmartOrderType.OCO, oco.smartOrderId());

    assertThat(oco.smartOrderId()).startsWith("oco_");
    assertThat(oco.type()).isEqualTo(SmartOrderType.OCO);
    assertThat(read.status()).isEqualTo("ACTIVE");
    assertThat(client.smartOrders().cancel(Segment.CASH, SmartOrderType.OCO, oco.smartOrderId()).status())
        .isEqualTo("CANCELLED");
  }

  // ---- live data

  @Test
  void quoteMatchesTheFakeMarket() {
    Tick last = groww.fake.market().lastTick(instrument("RELIANCE"), groww.clock.currentTimeMillis()).orElseThrow();

    GrowwQuote q = client.liveData().quote(Exchange.NSE, Segment.CASH, "RELIANCE");

    assertThat(q.lastPrice()).contains(Price.ofUnits(last.lastPrice()));
    assertThat(q.lastTradeTimeMillis()).contains(last.timestampMillis());
    assertThat(q.ohlc()).isPresent();
    assertThat(q.ohlc().orElseThrow().close()).isEqualTo(Price.ofUnits(last.lastPrice()));
    assertThat(q.buyDepth()).isNotEmpty();
    assertThat(q.sellDepth()).isNotEmpty();
    assertThat(q.volume()).isEqualByComparingTo(BigDecimal.valueOf(last.dayVolume()));
  }

  @Test
  void ltpOfMoreThanFiftySymbolsIsBatchedAndEqualsTheFakeMarket() {
    List<String> keys = new ArrayList<>();
    for (Instrument i : groww.fake.instruments()) {
      if (i.segment() == Segment.CASH) {
        keys.add("NSE_" + i.tradingSymbol());
      }
    }
    assertThat(keys).hasSizeGreaterThan(GrowwLiveData.MAX_SYMBOLS_PER_CALL);

    Map<String, Price> ltp = client.liveData().ltp(Segment.CASH, keys);

    assertThat(groww.fake.requests("/v1/live-data/ltp")).hasSize(2);
    assertThat(ltp).hasSize(keys.size());
    assertThat(ltp.get("NSE_RELIANCE")).isEqualTo(Price.ofUnits(ltpUnits("RELIANCE")));
    assertThat(ltp.get("NSE_NIFTY")).isEqualTo(Price.ofUnits(ltpUnits("NIFTY")));
  }

  @Test
  void ohlcInTheStringFormAndTheObjectFormReadTheSame() {
    try (FakeGrowwFixture objects = FakeGrowwFixture.start(b -> b.rateLimits(false).ohlcAsObject(true))) {
      objects.clock.set(groww.clock.currentTimeMillis());
      List<String> keys = List.of("NSE_RELIANCE", "NSE_TCS", "NSE_NIFTY");

      Map<String, Ohlc> fromStrings = client.liveData().ohlc(Segment.CASH, keys);
      Map<String, Ohlc> fromObjects = objects.client().liveData().ohlc(Segment.CASH, keys);

      assertThat(fromStrings).hasSize(3).isEqualTo(fromObjects);
      assertThat(fromStrings.get("NSE_RELIANCE").close()).isEqualTo(Price.ofUnits(ltpUnits("RELIANCE")));
    }
  }

  @Test
  void optionChainAndGreeksOfTheFakesNiftyOptions() {
    OptionChain chain = client.liveData().optionChain(Exchange.NSE, "NIFTY", EXPIRY);
    Instrument call = options.get(2);
    Greeks greeks = client.liveData().greeks(Exchange.NSE, "NIFTY", call.tradingSymbol(), EXPIRY);

    assertThat(chain.underlyingLtp()).contains(Price.ofUnits(ltpUnits("NIFTY")));
    assertThat(chain.strikes()).hasSize(3);
    assertThat(chain.strikes()).extracting(OptionChain.Strike::strike).isSorted();
    OptionChain.Strike atm = chain.strikes().get(1);
    assertThat(atm.strike()).isEqualTo(call.strike().orElseThrow());
    assertThat(atm.call().orElseThrow().tradingSymbol()).isEqualTo(call.tradingSymbol());
    assertThat(atm.put()).isPresent();
    assertThat(atm.call().orElseThrow().greeks().orElseThrow()).isEqualTo(greeks);
    assertThat(greeks.delta()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
    assertThat(greeks.iv()).isEqualByComparingTo("18");
  }

  // ---- historical

  @Test
  void expiriesAndContractsOfTheFakesNiftyOptions() {
    List<LocalDate> expiries = client.historical().expiries(Exchange.NSE, "NIFTY", Optional.of(2025),
        Optional.of(6));
    List<String> contracts = client.historical().contracts(Exchange.NSE, "NIFTY", EXPIRY);

    assertThat(expiries).containsExactly(EXPIRY);
    assertThat(contracts).containsExactlyInAnyOrderElementsOf(options.stream().map(Instrument::growwSymbol).toList());
  }

  @Test
  void candlesOverALongRangeAreSplitAndStitchedIntoTheFakesCandles() {
    LocalDateTime from = LocalDateTime.of(2025, 3, 3, 9, 15);
    LocalDateTime to = LocalDateTime.of(2025, 5, 2, 15, 30);

    List<Candle> stitched = client.historical().candles(Exchange.NSE, Segment.CASH, "NSE-WIPRO", from, to,
        CandleInterval.MINUTE_15);
    int requests = groww.fake.requests("/v1/historical/candles").size();
    List<Candle> dayByDay = new ArrayList<>();
    for (LocalDate d = from.toLocalDate(); !d.isAfter(to.toLocalDate()); d = d.plusDays(1)) {
      dayByDay.addAll(client.historical().candlesOnce(Exchange.NSE, Segment.CASH, "NSE-WIPRO", d.atTime(9, 0),
          d.atTime(16, 0), CandleInterval.MINUTE_15));
    }

    assertThat(requests).isEqualTo(1);
    assertThat(stitched).isEqualTo(dayByDay);
    assertThat(stitched).hasSize(25 * dayByDay.stream().map(c -> Ist.dateOf(c.startMillis())).distinct()
        .toList().size());
    assertThat(stitched).extracting(Candle::startMillis).isSorted().doesNotHaveDuplicates();
    assertThat(Ist.at(stitched.get(0).startMillis()).toLocalTime()).isEqualTo(LocalTime.of(9, 15));
  }

  @Test
  void aRangeLongerThanTheMaximumSpanLosesNoCandleAtTheSplits() {
    // 5-minute candles: 30 days per request, so 2 March .. 3 May needs three requests
    LocalDateTime from = LocalDateTime.of(2025, 3, 3, 9, 15);
    LocalDateTime to = LocalDateTime.of(2025, 5, 2, 15, 30);

    List<Candle> stitched = client.historical().candles(Exchange.NSE, Segment.CASH, "NSE-WIPRO", from, to,
        CandleInterval.MINUTE_5);
    List<RecordedRequest> requests = groww.fake.requests("/v1/historical/candles");
    long days = stitched.stream().map(c -> Ist.dateOf(c.startMillis())).distinct().count();
    List<Candle> dayByDay = new ArrayList<>();
    for (LocalDate d = from.toLocalDate(); !d.isAfter(to.toLocalDate()); d = d.plusDays(1)) {
      dayByDay.addAll(client.historical().candlesOnce(Exchange.NSE, Segment.CASH, "NSE-WIPRO", d.atTime(9, 0),
          d.atTime(16, 0), CandleInterval.MINUTE_5));
    }

    assertThat(requests).hasSize(3);
    assertThat(stitched).isEqualTo(dayByDay);
    assertThat(stitched).hasSize((int) (75 * days));
    assertThat(stitched).extracting(Candle::startMillis).isSorted().doesNotHaveDuplicates();
    assertThat(stitched).extracting(Candle::openInterest).containsOnly(Optional.empty());
  }

  @Test
  void theCandleOpeningAtTheEndOfTheRangeIsIncludedThoughTheFakeExcludesItsEndTime() {
    // the fake answers [start_time, end_time) — whether Groww's end is inclusive is UNCONFIRMED; candles() is [start, end]
    LocalDateTime from = LocalDateTime.of(2025, 5, 2, 10, 0);
    LocalDateTime to = LocalDateTime.of(2025, 5, 2, 10, 5);

    List<Candle> candles = client.historical().candles(Exchange.NSE, Segment.CASH, "NSE-WIPRO", from, to,
        CandleInterval.MINUTE_1);
    List<Candle> once = client.historical().candlesOnce(Exchange.NSE, Segment.CASH, "NSE-WIPRO", from, to,
        CandleInterval.MINUTE_1);

    assertThat(once).extracting(c -> Ist.at(c.startMillis()).toLocalTime()).doesNotContain(LocalTime.of(10, 5));
    assertThat(candles).extracting(c -> Ist.at(c.startMillis()).toLocalTime()).containsExactly(LocalTime.of(10, 0),
        LocalTime.of(10, 1), LocalTime.of(10, 2), LocalTime.of(10, 3), LocalTime.of(10, 4), LocalTime.of(10, 5));
    assertThat(candles.subList(0, 5)).isEqualTo(once);
  }

  // ---- portfolio, margins, user, instruments

  @Test
  void holdingsPositionsAndMarginsFollowTheFakesFills() {
    try (FakeGrowwFixture own = FakeGrowwFixture.start(b -> b.rateLimits(false))) {
      GrowwClient c = own.client();
      OrderAck buy = c.orders().place(new OrderPlacement("HDFCBANK", Exchange.NSE, Segment.CASH, 6, Optional.empty(),
          Optional.empty(), OrderType.MARKET, Side.BUY, Product.CNC, Validity.DAY, nextRef()));
      own.fake.advanceBy(Duration.ofMinutes(1));
      Price avg = own.fake.order(buy.growwOrderId()).orElseThrow().averageFillPrice().orElseThrow();

      List<GrowwPosition> today = c.portfolio().positions(Optional.empty());
      List<GrowwPosition> bySymbol = c.portfolio().positionsFor("HDFCBANK", Segment.CASH);
      Margins margins = c.account().margins();
      own.fake.advanceBy(Duration.ofDays(1));
      List<Holding> holdings = c.portfolio().holdings();

      assertThat(today).singleElement().satisfies(p -> {
        assertThat(p.tradingSymbol()).isEqualTo("HDFCBANK");
        assertThat(p.quantity()).isEqualByComparingTo("6");
        assertThat(p.creditPrice()).isEqualByComparingTo(avg.toBigDecimal());
        assertThat(p.product()).contains("CNC");
      });
      assertThat(bySymbol).isEqualTo(today);
      assertThat(margins.clearCash()).isEqualByComparingTo(new BigDecimal("1000000")
          .subtract(avg.toBigDecimal().multiply(BigDecimal.valueOf(6))));
      assertThat(margins.equityMarginDetails()).containsKey("cnc_balance_available");
      assertThat(holdings).singleElement().satisfies(h -> {
        assertThat(h.tradingSymbol()).isEqualTo("HDFCBANK");
        assertThat(h.quantity()).isEqualByComparingTo("6");
        assertThat(h.averagePrice()).contains(avg);
      });
    }
  }

  @Test
  void requiredMarginOfABasket() {
    io.aitrader.api.order.OrderRequest r = io.aitrader.api.order.OrderRequest.builder()
        .instrument(instrument("LT")).side(Side.BUY).quantity(10).orderType(OrderType.LIMIT)
        .limitPrice(Price.of("3000")).product(Product.MIS).referenceId(nextRef()).strategyId("it").build();

    OrderMargin m = client.account().requiredMargin(Segment.CASH, List.of(r));

    assertThat(m.cashMisMarginRequired()).isEqualByComparingTo("6000");
    assertThat(m.totalRequirement()).isEqualByComparingTo("6000");
    assertThat(groww.fake.requests("/v1/margins/detail/orders").get(0).query()).isEqualTo("segment=CASH");
  }

  @Test
  void requiredMarginOfAMarketOrderIsValuedAtTheCurrentPrice() {
    io.aitrader.api.order.OrderRequest r = io.aitrader.api.order.OrderRequest.builder()
        .instrument(instrument("ITC")).side(Side.BUY).quantity(2).orderType(OrderType.MARKET)
        .product(Product.CNC).referenceId(nextRef()).strategyId("it").build();

    OrderMargin m = client.account().requiredMargin(Segment.CASH, List.of(r));

    assertThat(groww.fake.requests("/v1/margins/detail/orders").get(0).body()).contains("\"price\":0");
    assertThat(m.cashCncMarginRequired()).isEqualByComparingTo(Price.ofUnits(ltpUnits("ITC")).toBigDecimal()
        .multiply(BigDecimal.valueOf(2)));
  }

  @Test
  void userProfile() {
    UserProfile user = client.account().user();

    assertThat(user.field("ucc")).isPresent();
    assertThat(user.field("active_segments")).contains("CASH,FNO");
  }

  @Test
  void instrumentMasterCsvIsTheFakesMaster() {
    String csv = client.instrumentsCsv();

    assertThat(csv.lines().count()).isEqualTo(groww.fake.instruments().size() + 1);
    assertThat(groww.fake.requests(FakeGroww.CSV_PATH).get(0).header("authorization")).isEmpty();
  }

  @Test
  void everyCallCarriesTheSdkHeaders() {
    client.account().user();

    RecordedRequest r = groww.fake.requests("/v1/user/detail").get(0);
    assertThat(r.header("x-api-version")).contains("1.0");
    assertThat(r.header("x-request-id")).hasValueSatisfying(id -> assertThat(id).hasSize(36));
    assertThat(r.header("authorization")).contains("Bearer ***");
    assertThat(r.header("content-type")).contains("application/json");
  }
}
