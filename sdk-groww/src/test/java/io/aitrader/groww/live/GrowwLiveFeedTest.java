package io.aitrader.groww.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.Secret;
import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentType;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.market.FeedStatus;
import io.aitrader.api.market.MarketDepth;
import io.aitrader.api.market.Quote;
import io.aitrader.api.market.Tick;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.Fill;
import io.aitrader.api.order.Order;
import io.aitrader.api.order.OrderListener;
import io.aitrader.api.order.OrderRequest;
import io.aitrader.api.order.OrderType;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.api.time.Ist;
import io.aitrader.core.calendar.ExchangeCalendar;
import io.aitrader.core.instruments.InMemoryInstrumentRepository;
import io.aitrader.groww.auth.GrowwCredentials;
import io.aitrader.groww.broker.GrowwBroker;
import io.aitrader.groww.feed.FeedSubjects;
import io.aitrader.groww.feed.GrowwPositionUpdate;
import io.aitrader.groww.feed.InstrumentLookup;
import io.aitrader.groww.feed.nats.GrowwFeedConnection;
import io.aitrader.groww.feed.nats.ReconnectPolicy;
import io.aitrader.groww.fake.FakeGroww;
import io.aitrader.groww.fake.live.FakeLiveGroww;
import io.aitrader.groww.fake.nats.FakeFeedServer;
import io.aitrader.groww.rest.Candle;
import io.aitrader.groww.rest.CandleInterval;
import io.aitrader.groww.rest.GrowwClient;
import io.aitrader.groww.rest.GrowwClientConfig;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The live feed against the fake Groww: quotes over NATS, and an outage repaired from candles. */
class GrowwLiveFeedTest {
  private static final InMemoryInstrumentRepository MASTER = InMemoryInstrumentRepository.bundledNse();
  private static final List<Instrument> INSTRUMENTS = List.of(
      MASTER.find(Exchange.NSE, "RELIANCE").orElseThrow(), MASTER.find(Exchange.NSE, "TCS").orElseThrow(),
      MASTER.find(Exchange.NSE, "INFY").orElseThrow());
  private static final long MINUTE = 60_000L;
  private static final Instrument TCS = INSTRUMENTS.get(1);
  /** The instruments but TCS, which the silence tests mute. */
  private static final List<Instrument> OTHERS = List.of(INSTRUMENTS.get(0), INSTRUMENTS.get(2));

  /** One minute's bar as the quotes make it. */
  record MinuteBar(long open, long high, long low, long close, long volume) {}

  @Test
  void killingTheFeedServerMidStreamLosesNoBar() throws Exception {
    List<Quote> quotes = new CopyOnWriteArrayList<>();
    List<FeedStatus> statuses = new CopyOnWriteArrayList<>();
    try (FakeLiveGroww groww = FakeLiveGroww.start(FakeGroww.builder().seed(7), FakeFeedServer.builder(), INSTRUMENTS)) {
      long start = groww.rest().clock().currentTimeMillis(); // 10:00 IST
      GrowwClient client = client(groww);
      try (GrowwLiveFeed feed = GrowwLiveFeed.builder().client(client).instruments(InstrumentLookup.of(MASTER))
          .url(groww.feed().websocketUrl()).clock(groww.rest().clock()).connectTimeout(Duration.ofSeconds(2))
          .reconnectPolicy(new ReconnectPolicy(Duration.ofMillis(50), Duration.ofMillis(200), 0))
          .status(statuses::add).build()) {
        feed.subscribe(INSTRUMENTS);
        Thread runner = new Thread(() -> feed.run(quotes::add), "feed-runner");
        runner.start();
        await(() -> groww.subscribedSubjects().size() == 3, "the three LTP subscriptions on the server");

        // five minutes of market, then the feed server dies for 3 min 20 s of market time, then four more minutes
        step(groww, start, start + 5 * MINUTE);
        await(() -> lastTime(quotes) >= start + 5 * MINUTE, "the quotes before the outage");
        groww.feed().stop();
        step(groww, start + 5 * MINUTE, start + 8 * MINUTE + 20_000);
        groww.feed().start();
        await(() -> feed.stats().outages() == 1 && groww.subscribedSubjects().size() == 3, "the reconnection");
        long end = start + 12 * MINUTE;
        step(groww, start + 8 * MINUTE + 20_000, end);
        await(() -> INSTRUMENTS.stream().allMatch(i -> lastTime(quotes, i) >= end - 15_000), "the last quotes");

        // then every complete minute's bar from the quotes equals Groww's candle, also those of the outage
        assertThat(groww.lost()).as("ticks published while the server was down").isPositive();
        assertThat(feed.stats().repairs()).isEqualTo(3);
        for (Instrument i : INSTRUMENTS) {
          Map<Long, MinuteBar> fromQuotes = bars(quotes, i);
          List<Candle> candles = client.historical().candles(i.exchange(), i.segment(), i.growwSymbol(),
              Ist.at(start - 45 * MINUTE).toLocalDateTime(), Ist.at(end - 2 * MINUTE).toLocalDateTime(),
              CandleInterval.MINUTE_1);
          Map<Long, MinuteBar> expected = new TreeMap<>();
          long before = 0;
          for (Candle c : candles) {
            long volume = c.volume().longValue();
            if (c.startMillis() >= start + MINUTE) { // the first minute's volume depends on the day before 10:00
              expected.put(c.startMillis(), new MinuteBar(c.open().units(), c.high().units(), c.low().units(),
                  c.close().units(), volume));
            }
            before += volume;
          }
          assertThat(expected.keySet()).as(i.id() + ": the outage's minutes have candles").contains(start + 5 * MINUTE,
              start + 6 * MINUTE, start + 7 * MINUTE, start + 8 * MINUTE).hasSizeGreaterThanOrEqualTo(9);
          assertThat(fromQuotes).as(i.id()).containsAllEntriesOf(expected);
        }
        assertThat(statuses).extracting(FeedStatus::connected).containsSubsequence(true, false, true);
        feed.close();
        runner.join(5_000);
        assertThat(runner.isAlive()).isFalse();
      }
    }
  }

  /**
   * An instrument whose messages stop while the connection stays up, on the fake with a 40 s gap: each test starts
   * the fake and the feed (subscribed to the three instruments, running on its own thread into {@link #quotes}) with
   * {@link #start}; both are closed after it.
   */
  @Nested
  class Silence {
    private FakeLiveGroww groww;
    private GrowwClient client;
    private GrowwLiveFeed feed;
    private Thread runner;
    private final List<Quote> quotes = new CopyOnWriteArrayList<>();
    private long start;

    private void start(UnaryOperator<GrowwLiveFeed.Builder> settings) {
      groww = FakeLiveGroww.start(FakeGroww.builder().seed(7), FakeFeedServer.builder(), INSTRUMENTS);
      start = groww.rest().clock().currentTimeMillis(); // 10:00 IST
      client = client(groww);
      feed = settings.apply(GrowwLiveFeed.builder().client(client).instruments(InstrumentLookup.of(MASTER))
          .url(groww.feed().websocketUrl()).clock(groww.rest().clock()).gap(Duration.ofSeconds(40))).build();
      feed.subscribe(INSTRUMENTS);
      runner = new Thread(() -> feed.run(quotes::add), "feed-runner");
      runner.start();
      await(() -> groww.subscribedSubjects().size() == 3, "the three LTP subscriptions on the server");
    }

    @AfterEach
    void stop() throws InterruptedException {
      try {
        if (feed != null) {
          feed.close();
          runner.join(5_000);
        }
      } finally {
        if (groww != null) {
          groww.close();
        }
      }
    }

    @Test
    void anInstrumentSilentForMinutesWithoutADisconnectIsRepairedToo() throws Exception {
      start(b -> b);

      // TCS's messages go missing for 2.5 minutes while the others flow and the connection stays up
      stepLive(groww, feed, start, start + 3 * MINUTE, INSTRUMENTS);
      groww.mute(TCS, true);
      stepLive(groww, feed, start + 3 * MINUTE, start + 5 * MINUTE + 30_000, OTHERS);
      groww.mute(TCS, false);
      long end = start + 9 * MINUTE;
      stepLive(groww, feed, start + 5 * MINUTE + 30_000, end, INSTRUMENTS);
      await(() -> INSTRUMENTS.stream().allMatch(i -> lastTime(quotes, i) >= end - 15_000), "the last quotes");

      assertThat(feed.stats().outages()).isZero();
      assertThat(feed.stats().silences()).isEqualTo(1);
      Map<Long, MinuteBar> expected = candleBars(client, TCS, start, end);
      assertThat(expected.keySet()).contains(start + 3 * MINUTE, start + 4 * MINUTE, start + 5 * MINUTE);
      assertThat(bars(quotes, TCS)).containsAllEntriesOf(expected);
      assertEventTimeIncreasesPerInstrument(quotes);
    }

    @Test
    void anInstrumentThatStaysSilentIsResubscribedOnceAndItsCompletedMinutesRebuiltFromCandles() throws Exception {
      start(b -> b);

      // given TCS's messages stop from 10:00 on (its subscription as good as dropped) while the others flow
      groww.mute(TCS, true);
      long end = start + 10 * MINUTE;
      stepLive(groww, feed, start, end, OTHERS);

      // then the watchdog re-subscribed it once and rebuilt every completed minute, 10:00 to 10:09, from candles
      await(() -> lastTime(quotes, TCS) >= end - MINUTE, "TCS's minutes through 10:09 from candles");
      assertThat(feed.stats().silentInstruments()).isEqualTo(1);
      assertThat(feed.stats().silentRepairs()).isPositive();
      assertThat(feed.stats().silences()).isZero();
      assertThat(groww.subscribedSubjects()).contains(FeedSubjects.ltp(TCS));
      assertThat(groww.lost()).as("TCS's ticks never published").isEqualTo(40);
      assertThat(bars(quotes, TCS)).isEqualTo(candleBars(client, TCS, start, end + MINUTE));
      assertThat(quotes.stream().filter(q -> q.instrument().equals(TCS)))
          .allSatisfy(q -> assertThat(q.timestampMillis()).isBetween(start, end - 1));
      assertThat(feed.stats().repairQuotes()).isEqualTo(quotes.stream().filter(q -> q.instrument().equals(TCS))
          .count());
      assertEventTimeIncreasesPerInstrument(quotes);
    }

    @Test
    void anInstrumentBackfilledWhileSilentThatComesBackGetsNoMinuteTwice() throws Exception {
      start(b -> b);

      // given TCS goes silent at 10:03 and its minutes through 10:05 were rebuilt while it was silent
      stepLive(groww, feed, start, start + 3 * MINUTE, INSTRUMENTS);
      groww.mute(TCS, true);
      stepLive(groww, feed, start + 3 * MINUTE, start + 6 * MINUTE, OTHERS);
      await(() -> lastTime(quotes, TCS) >= start + 5 * MINUTE, "TCS's minutes through 10:05 from candles");
      long backfilled = feed.stats().repairQuotes();

      // when its quotes come again at 10:06:15
      groww.mute(TCS, false);
      long end = start + 10 * MINUTE;
      stepLive(groww, feed, start + 6 * MINUTE, end, INSTRUMENTS);
      await(() -> INSTRUMENTS.stream().allMatch(i -> lastTime(quotes, i) >= end - 15_000), "the last quotes");

      // then 10:06 was held and rebuilt after the minute, live quotes followed, and no minute came twice
      assertThat(feed.stats().silentInstruments()).isEqualTo(1);
      assertThat(feed.stats().silences()).isEqualTo(1);
      assertThat(feed.stats().repairs()).isEqualTo(1);
      assertThat(feed.stats().repairQuotes()).isGreaterThan(backfilled);
      assertThat(bars(quotes, TCS)).containsAllEntriesOf(candleBars(client, TCS, start, end));
      assertEventTimeIncreasesPerInstrument(quotes);
    }

    @Test
    void finishRebuildsTheSilentMinutesThroughTheCloseThenEndsTheRun() throws Exception {
      LocalDate day = Ist.dateOf(FakeGroww.DEFAULT_START_MILLIS);
      ExchangeCalendar shortDay = ExchangeCalendar.builder()
          .specialSession(day, "short test session", LocalTime.of(9, 15), LocalTime.of(10, 8)).build();
      start(b -> b.calendar(shortDay));
      long close = start + 8 * MINUTE; // a short session: 09:15 to 10:08

      // given TCS is silent from 10:03 to past the close; the watchdog rebuilds minutes only while the market is open
      stepLive(groww, feed, start, start + 3 * MINUTE, INSTRUMENTS);
      groww.mute(TCS, true);
      stepLive(groww, feed, start + 3 * MINUTE, start + 5 * MINUTE, OTHERS);
      await(() -> lastTime(quotes, TCS) >= start + 4 * MINUTE, "TCS's minutes through 10:04 from candles");
      stepLive(groww, feed, start + 5 * MINUTE, close + MINUTE, OTHERS);

      // when the session's owner finishes the feed a minute after the close
      feed.finish(close);
      runner.join(30_000);

      // then the run ended with TCS's minutes complete through 10:07 and nothing of it after the close
      assertThat(runner.isAlive()).isFalse();
      assertThat(feed.connection().status()).isEqualTo(GrowwFeedConnection.Status.CLOSED);
      assertThat(feed.stats().finalRepairs()).isEqualTo(1);
      assertThat(feed.stats().silentInstruments()).isEqualTo(1);
      assertThat(bars(quotes, TCS)).isEqualTo(candleBars(client, TCS, start, close + MINUTE));
      assertThat(lastTime(quotes, TCS)).isBetween(close - MINUTE, close - 1);
      assertEventTimeIncreasesPerInstrument(quotes);
    }
  }

  /** No quote delivered twice and event time strictly increasing per instrument (the fake ticks every 15 s). */
  private static void assertEventTimeIncreasesPerInstrument(List<Quote> quotes) {
    Map<Instrument, Long> last = new HashMap<>();
    for (Quote q : quotes) {
      Long before = last.put(q.instrument(), q.timestampMillis());
      if (before != null) {
        assertThat(q.timestampMillis()).as(q.instrument().id() + " after " + before).isGreaterThan(before);
      }
    }
  }

  /** Groww's one-minute candles of {@code [start + 1 min, end - 2 min]} as bars. */
  private static Map<Long, MinuteBar> candleBars(GrowwClient client, Instrument i, long start, long end) {
    Map<Long, MinuteBar> expected = new TreeMap<>();
    for (Candle c : client.historical().candles(i.exchange(), i.segment(), i.growwSymbol(),
        Ist.at(start - 45 * MINUTE).toLocalDateTime(), Ist.at(end - 2 * MINUTE).toLocalDateTime(),
        CandleInterval.MINUTE_1)) {
      if (c.startMillis() >= start + MINUTE) { // the first minute's volume depends on the day before 10:00
        expected.put(c.startMillis(), new MinuteBar(c.open().units(), c.high().units(), c.low().units(),
            c.close().units(), c.volume().longValue()));
      }
    }
    return expected;
  }

  @Test
  void theAccountsOrderUpdatesOnTheFeedBringTheBrokerItsFillsWithoutPolling() throws Exception {
    List<Order> updates = new CopyOnWriteArrayList<>();
    List<Fill> fills = new CopyOnWriteArrayList<>();
    try (FakeLiveGroww groww = FakeLiveGroww.start(FakeGroww.builder().seed(7), FakeFeedServer.builder(), INSTRUMENTS)) {
      long start = groww.rest().clock().currentTimeMillis();
      GrowwClient client = client(groww);
      GrowwBroker broker = new GrowwBroker(client, MASTER);
      broker.subscribe(recordingTo(updates, fills));
      try (GrowwLiveFeed feed = GrowwLiveFeed.builder().client(client).instruments(InstrumentLookup.of(MASTER))
          .url(groww.feed().websocketUrl()).clock(groww.rest().clock()).connectTimeout(Duration.ofSeconds(2))
          .orderUpdates(broker::onFeedUpdate).build()) {
        feed.subscribe(INSTRUMENTS);
        Thread runner = new Thread(() -> feed.run(q -> { }), "feed-runner");
        runner.start();
        await(() -> groww.subscribedSubjects().size() == 5, "3 LTP and 2 order-update subscriptions");
        step(groww, start, start + MINUTE);

        // when a market order is placed and the market moves on (the fake's book fills it)
        Order placed = broker.place(OrderRequest.builder().instrument(INSTRUMENTS.get(0)).side(Side.BUY).quantity(3)
            .orderType(OrderType.MARKET).product(Product.CNC).strategyId("feed-test").referenceId("feedfill01").build());
        step(groww, start + MINUTE, start + 2 * MINUTE);

        // then the fill reached the broker's listeners through the feed's order-update stream (nobody polled)
        await(() -> fills.stream().mapToLong(Fill::quantity).sum() == 3, "the fill through the order-update stream");
        assertThat(groww.orderUpdates()).isPositive();
        assertThat(updates).last().satisfies(o -> {
          assertThat(o.referenceId()).isEqualTo(placed.referenceId());
          assertThat(o.filledQuantity()).isEqualTo(3);
        });
        assertThat(fills).allSatisfy(f -> assertThat(f.referenceId()).isEqualTo("feedfill01"));
        feed.close();
        runner.join(5_000);
      }
    }
  }

  @Test
  void depthSnapshotsComeOnTheRunThreadBestFirstRightAfterTheirQuote() throws Exception {
    List<Object> delivered = new CopyOnWriteArrayList<>(); // quotes and depth snapshots, in delivery order
    List<String> depthThreads = new CopyOnWriteArrayList<>();
    try (FakeLiveGroww groww = FakeLiveGroww.start(FakeGroww.builder().seed(7), FakeFeedServer.builder(), INSTRUMENTS)) {
      long start = groww.rest().clock().currentTimeMillis();
      try (GrowwLiveFeed feed = GrowwLiveFeed.builder().client(client(groww)).instruments(InstrumentLookup.of(MASTER))
          .url(groww.feed().websocketUrl()).clock(groww.rest().clock()).depth(d -> {
            depthThreads.add(Thread.currentThread().getName());
            delivered.add(d);
          }).build()) {
        feed.subscribe(INSTRUMENTS);
        assertThat(feed.connection().subscriptions()).contains("/ld/eq/nse/price.2885", "/ld/eq/nse/book.2885")
            .hasSize(6);
        Thread runner = new Thread(() -> feed.run(delivered::add), "feed-runner");
        runner.start();
        await(() -> groww.subscribedSubjects().size() == 6, "3 LTP and 3 book subscriptions");

        step(groww, start, start + 2 * MINUTE);
        await(() -> feed.stats().depths() == groww.depthPublished(), "every depth snapshot");

        // then each tick's snapshot came after its quote, on the run thread, five levels a side on the tick grid
        assertThat(groww.depthPublished()).isEqualTo(groww.published()).isEqualTo(3 * 8);
        assertThat(depthThreads).hasSize(24).containsOnly("feed-runner");
        for (int k = 0; k < delivered.size(); k++) {
          if (delivered.get(k) instanceof MarketDepth d) {
            assertThat(delivered.get(k - 1)).isInstanceOfSatisfying(Quote.class, q -> {
              assertThat(q.instrument()).isEqualTo(d.instrument());
              assertThat(q.timestampMillis()).isEqualTo(d.timestampMillis());
              assertThat(d.bestBid().orElseThrow().price()).isLessThan(q.lastPrice());
              assertThat(d.bestAsk().orElseThrow().price()).isGreaterThan(q.lastPrice());
            });
            long tick = d.instrument().tickSize().units();
            assertThat(d.bids()).hasSize(5);
            assertThat(d.asks()).hasSize(5);
            assertThat(d.bestBid().orElseThrow().price()).isLessThan(d.bestAsk().orElseThrow().price());
            assertThat(d.bids()).allSatisfy(l -> assertThat(l.price() % tick).isZero())
                .allSatisfy(l -> assertThat(l.quantity()).isPositive());
            assertThat(d.asks()).allSatisfy(l -> assertThat(l.price() % tick).isZero());
          }
        }
        feed.close();
        runner.join(5_000);
      }
    }
  }

  @Test
  void anIndexIsSubscribedByBothTokenVariantsAndItsValuesComeOnceAsQuotes() throws Exception {
    Instrument nifty = MASTER.find(Exchange.NSE, "NIFTY").orElseThrow();
    List<Instrument> instruments = List.of(INSTRUMENTS.get(0), nifty);
    List<Quote> quotes = new CopyOnWriteArrayList<>();
    try (FakeLiveGroww groww = FakeLiveGroww.start(FakeGroww.builder().seed(7), FakeFeedServer.builder(), instruments)) {
      long start = groww.rest().clock().currentTimeMillis();
      try (GrowwLiveFeed feed = GrowwLiveFeed.builder().client(client(groww)).instruments(InstrumentLookup.of(MASTER))
          .url(groww.feed().websocketUrl()).clock(groww.rest().clock()).build()) {
        feed.subscribe(instruments);
        Thread runner = new Thread(() -> feed.run(quotes::add), "feed-runner");
        runner.start();
        await(() -> groww.subscribedSubjects().size() == 3, "1 LTP and 2 index subscriptions");
        assertThat(groww.subscribedSubjects()).containsExactlyInAnyOrder("/ld/eq/nse/price.2885",
            "/ld/indices/nse/price.26000", "/ld/indices/nse/price.NIFTY");

        step(groww, start, start + 2 * MINUTE);
        await(() -> feed.stats().indexDuplicates() == 8, "NIFTY's values on both variants");

        // then NIFTY's quotes are the fake market's index ticks, once each, with no volume
        List<Quote> niftyQuotes = quotes.stream().filter(q -> q.instrument().equals(nifty)).toList();
        List<Tick> ticks = groww.rest().market().ticks(nifty, start, start + 2 * MINUTE);
        assertThat(groww.indexPublished()).isEqualTo(2 * ticks.size());
        assertThat(niftyQuotes).extracting(Quote::timestampMillis)
            .containsExactlyElementsOf(ticks.stream().map(Tick::timestampMillis).toList());
        assertThat(niftyQuotes).extracting(Quote::lastPrice)
            .containsExactlyElementsOf(ticks.stream().map(Tick::lastPrice).toList());
        assertThat(niftyQuotes).allSatisfy(q -> assertThat(q.dayVolume()).isZero());
        assertThat(feed.stats().dropped()).isZero();
        feed.close();
        runner.join(5_000);
      }
    }
  }

  @Test
  void anFnoFillBringsItsPositionUpdateOnTheRunThread() throws Exception {
    Instrument future = Instrument.builder().exchange(Exchange.NSE).segment(Segment.FNO).type(InstrumentType.FUT)
        .tradingSymbol("NIFTY25JUNFUT").exchangeToken("52001").growwSymbol("NSE-NIFTY-26Jun25-FUT")
        .underlying("NIFTY").expiry(LocalDate.of(2025, 6, 26)).lotSize(75).tickSize(Price.of("0.10"))
        .freezeQuantity(1800).build();
    List<Instrument> all = new ArrayList<>(MASTER.all());
    all.add(future);
    InMemoryInstrumentRepository master = InMemoryInstrumentRepository.of(all);
    List<GrowwPositionUpdate> positions = new CopyOnWriteArrayList<>();
    List<String> threads = new CopyOnWriteArrayList<>();
    List<Fill> fills = new CopyOnWriteArrayList<>();
    try (FakeLiveGroww groww = FakeLiveGroww.start(FakeGroww.builder().seed(7).instruments(all),
        FakeFeedServer.builder(), List.of(future))) {
      long start = groww.rest().clock().currentTimeMillis();
      GrowwClient client = client(groww);
      GrowwBroker broker = new GrowwBroker(client, master);
      broker.subscribe(recordingTo(new CopyOnWriteArrayList<>(), fills));
      try (GrowwLiveFeed feed = GrowwLiveFeed.builder().client(client).instruments(InstrumentLookup.of(master))
          .url(groww.feed().websocketUrl()).clock(groww.rest().clock()).orderUpdates(broker::onFeedUpdate)
          .positionUpdates(p -> {
            threads.add(Thread.currentThread().getName());
            positions.add(p);
          }).build()) {
        feed.subscribe(List.of(future));
        Thread runner = new Thread(() -> feed.run(q -> { }), "feed-runner");
        runner.start();
        await(() -> groww.subscribedSubjects().size() == 4, "1 LTP, 2 order-update and 1 position subscription");
        assertThat(groww.subscribedSubjects()).contains("stocks_fo/position/updates.apex." + groww.feed().subscriptionId());

        // when a lot of the future is bought at market and the market moves on (the fake's book fills it)
        broker.place(OrderRequest.builder().instrument(future).side(Side.BUY).quantity(75).orderType(OrderType.MARKET)
            .product(Product.NRML).strategyId("feed-test").referenceId("feedpos001").build());
        step(groww, start, start + MINUTE);
        await(() -> !positions.isEmpty() && !fills.isEmpty(), "the position update and the fill");

        // then the position says 75 bought at the fill's price on NSE, delivered on the run thread
        Fill fill = fills.get(0);
        assertThat(groww.positionUpdates()).isEqualTo(1);
        assertThat(feed.stats().positionUpdates()).isEqualTo(1);
        assertThat(threads).containsExactly("feed-runner");
        GrowwPositionUpdate p = positions.get(0);
        assertThat(p.contractId()).isEqualTo("NIFTY25JUNFUT");
        assertThat(p.exchange()).contains(Exchange.NSE);
        assertThat(p.product()).contains(Product.NRML);
        assertThat(p.equityType()).isEqualTo(GrowwPositionUpdate.EquityType.FUTURE);
        assertThat(p.underlyingAsset()).isEqualTo(GrowwPositionUpdate.UnderlyingAsset.INDICES);
        assertThat(p.nseMarketLot()).isEqualTo(75);
        assertThat(p.nse()).isEqualTo(new GrowwPositionUpdate.ExchangePosition(75, fill.price().units(), 0, 0));
        assertThat(p.bse()).isEqualTo(GrowwPositionUpdate.ExchangePosition.NONE);
        feed.close();
        runner.join(5_000);
      }
    }
  }

  @Test
  void subscriptionsOverGrowwsLimitCountingBookAndIndexSubjectsAreRefusedBeforeAnythingIsSent() {
    Instrument nifty = MASTER.find(Exchange.NSE, "NIFTY").orElseThrow();
    List<Instrument> instruments = new ArrayList<>(List.of(nifty));
    for (int k = 0; k < 500; k++) {
      instruments.add(Instrument.builder().exchange(Exchange.NSE).segment(Segment.CASH).type(InstrumentType.EQ)
          .tradingSymbol("STOCK" + k).exchangeToken(Integer.toString(90_000 + k)).tickSize(Price.of("0.05")).build());
    }
    GrowwClient client = GrowwClient.create(GrowwClientConfig.builder()
        .credentials(new GrowwCredentials.ApiKeyTotp(Secret.of("key"), Secret.of(FakeGroww.DEFAULT_TOTP_SECRET)))
        .baseUri(URI.create("http://127.0.0.1:9")).build()); // never called: nothing connects
    try (GrowwLiveFeed feed = GrowwLiveFeed.builder().client(client).instruments(InstrumentLookup.of(MASTER))
        .depth(d -> { }).build()) {
      // 500 equities × (LTP + book) + NIFTY's 2 index variants = 1002 subjects
      assertThatThrownBy(() -> feed.subscribe(instruments)).isInstanceOf(ValidationException.class)
          .hasMessageContaining("must be at most 1000").hasMessageContaining("was 1002")
          .hasMessageContaining("500 LTP, 500 book, 2 index");
      assertThat(feed.connection().subscriptions()).isEmpty();

      feed.subscribe(instruments.subList(0, 500)); // NIFTY + 499 equities: exactly 1000
      assertThat(feed.connection().subscriptions()).hasSize(1000);
    }
  }

  /** A listener that keeps the broker's order updates and fills. */
  private static OrderListener recordingTo(List<Order> updates, List<Fill> fills) {
    return new OrderListener() {
      @Override
      public void onOrderUpdate(Order order) {
        updates.add(order);
      }

      @Override
      public void onFill(Fill fill) {
        fills.add(fill);
      }
    };
  }

  private static GrowwClient client(FakeLiveGroww groww) {
    return GrowwClient.create(GrowwClientConfig.builder()
        .credentials(new GrowwCredentials.ApiKeyTotp(Secret.of(FakeGroww.DEFAULT_API_KEY),
            Secret.of(FakeGroww.DEFAULT_TOTP_SECRET)))
        .baseUri(groww.rest().baseUrl()).instrumentsUri(groww.rest().csvUrl()).clock(groww.rest().clock()).build());
  }

  /** Advances the fake from {@code from} to {@code to} in 15-second steps (one tick per instrument each). */
  private static void step(FakeLiveGroww groww, long from, long to) {
    for (long t = from + 15_000; t <= to; t += 15_000) {
      groww.advanceTo(t);
    }
    groww.advanceTo(to);
  }

  /**
   * As {@link #step}, waiting after each step until the feed has received the step's message of each of {@code live}
   * (so the feed's clock never runs ahead of its messages by more than a step, as it would not in a real market).
   */
  private static void stepLive(FakeLiveGroww groww, GrowwLiveFeed feed, long from, long to, List<Instrument> live) {
    for (long t = from + 15_000; t <= to; t += 15_000) {
      groww.advanceTo(t);
      long at = t;
      await(() -> live.stream().allMatch(i -> feed.connection().lastMessageMillis(FeedSubjects.ltp(i)).orElse(0) >= at),
          "the feed's messages of " + Ist.at(t));
    }
    groww.advanceTo(to);
  }

  private static Map<Long, MinuteBar> bars(List<Quote> quotes, Instrument instrument) {
    Map<Long, List<Quote>> byMinute = new TreeMap<>();
    for (Quote q : quotes) {
      if (q.instrument().equals(instrument)) {
        byMinute.computeIfAbsent(Math.floorDiv(q.timestampMillis(), MINUTE) * MINUTE, m -> new ArrayList<>()).add(q);
      }
    }
    Map<Long, MinuteBar> out = new TreeMap<>();
    long previousVolume = -1;
    for (Map.Entry<Long, List<Quote>> e : byMinute.entrySet()) {
      List<Quote> qs = e.getValue();
      long high = qs.stream().mapToLong(Quote::lastPrice).max().orElseThrow();
      long low = qs.stream().mapToLong(Quote::lastPrice).min().orElseThrow();
      long dayVolume = qs.get(qs.size() - 1).dayVolume();
      if (previousVolume >= 0) {
        out.put(e.getKey(), new MinuteBar(qs.get(0).lastPrice(), high, low, qs.get(qs.size() - 1).lastPrice(),
            dayVolume - previousVolume));
      }
      previousVolume = dayVolume;
    }
    return out;
  }

  private static long lastTime(List<Quote> quotes) {
    return quotes.stream().mapToLong(Quote::timestampMillis).max().orElse(0);
  }

  private static long lastTime(List<Quote> quotes, Instrument i) {
    return quotes.stream().filter(q -> q.instrument().equals(i)).mapToLong(Quote::timestampMillis).max().orElse(0);
  }

  private static void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
  }
}
