package io.aitrader.groww.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.Secret;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.FeedStatus;
import io.aitrader.api.market.Quote;
import io.aitrader.api.order.Fill;
import io.aitrader.api.order.Order;
import io.aitrader.api.order.OrderListener;
import io.aitrader.api.order.OrderRequest;
import io.aitrader.api.order.OrderType;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.api.time.Ist;
import io.aitrader.core.instruments.InMemoryInstrumentRepository;
import io.aitrader.groww.auth.GrowwCredentials;
import io.aitrader.groww.broker.GrowwBroker;
import io.aitrader.groww.feed.InstrumentLookup;
import io.aitrader.groww.feed.nats.ReconnectPolicy;
import io.aitrader.groww.fake.FakeGroww;
import io.aitrader.groww.fake.live.FakeLiveGroww;
import io.aitrader.groww.fake.nats.FakeFeedServer;
import io.aitrader.groww.rest.Candle;
import io.aitrader.groww.rest.CandleInterval;
import io.aitrader.groww.rest.GrowwClient;
import io.aitrader.groww.rest.GrowwClientConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The live feed against the fake Groww: quotes over NATS, and an outage repaired from candles. */
class GrowwLiveFeedTest {
  private static final InMemoryInstrumentRepository MASTER = InMemoryInstrumentRepository.bundledNse();
  private static final List<Instrument> INSTRUMENTS = List.of(
      MASTER.find(Exchange.NSE, "RELIANCE").orElseThrow(), MASTER.find(Exchange.NSE, "TCS").orElseThrow(),
      MASTER.find(Exchange.NSE, "INFY").orElseThrow());
  private static final long MINUTE = 60_000L;

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

  @Test
  void anInstrumentSilentForMinutesWithoutADisconnectIsRepairedToo() throws Exception {
    List<Quote> quotes = new CopyOnWriteArrayList<>();
    try (FakeLiveGroww groww = FakeLiveGroww.start(FakeGroww.builder().seed(7), FakeFeedServer.builder(), INSTRUMENTS)) {
      long start = groww.rest().clock().currentTimeMillis();
      GrowwClient client = client(groww);
      try (GrowwLiveFeed feed = GrowwLiveFeed.builder().client(client).instruments(InstrumentLookup.of(MASTER))
          .url(groww.feed().websocketUrl()).clock(groww.rest().clock()).gap(Duration.ofSeconds(40)).build()) {
        feed.subscribe(INSTRUMENTS);
        Thread runner = new Thread(() -> feed.run(quotes::add), "feed-runner");
        runner.start();
        await(() -> groww.subscribedSubjects().size() == 3, "the three LTP subscriptions on the server");

        // TCS's messages go missing for 2.5 minutes while the others flow and the connection stays up
        Instrument tcs = INSTRUMENTS.get(1);
        step(groww, start, start + 3 * MINUTE);
        groww.mute(tcs, true);
        step(groww, start + 3 * MINUTE, start + 5 * MINUTE + 30_000);
        groww.mute(tcs, false);
        long end = start + 9 * MINUTE;
        step(groww, start + 5 * MINUTE + 30_000, end);
        await(() -> INSTRUMENTS.stream().allMatch(i -> lastTime(quotes, i) >= end - 15_000), "the last quotes");

        assertThat(feed.stats().outages()).isZero();
        assertThat(feed.stats().silences()).isEqualTo(1);
        Map<Long, MinuteBar> expected = candleBars(client, tcs, start, end);
        assertThat(expected.keySet()).contains(start + 3 * MINUTE, start + 4 * MINUTE, start + 5 * MINUTE);
        assertThat(bars(quotes, tcs)).containsAllEntriesOf(expected);
        feed.close();
        runner.join(5_000);
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
      broker.subscribe(new OrderListener() {
        @Override
        public void onOrderUpdate(Order order) {
          updates.add(order);
        }

        @Override
        public void onFill(Fill fill) {
          fills.add(fill);
        }
      });
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
