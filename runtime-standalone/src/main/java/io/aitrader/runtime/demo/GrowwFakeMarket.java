package io.aitrader.runtime.demo;

import io.aitrader.api.Secret;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentRepository;
import io.aitrader.api.market.MarketDataFeed;
import io.aitrader.api.market.QuoteListener;
import io.aitrader.api.time.TradingSession;
import io.aitrader.core.time.ManualTimeSource;
import io.aitrader.groww.auth.GrowwCredentials;
import io.aitrader.groww.broker.GrowwBroker;
import io.aitrader.groww.fake.FakeGroww;
import io.aitrader.groww.fake.FakeMarket;
import io.aitrader.groww.fake.live.FakeLiveGroww;
import io.aitrader.groww.fake.nats.FakeFeedServer;
import io.aitrader.groww.feed.InstrumentLookup;
import io.aitrader.groww.feed.nats.ReconnectPolicy;
import io.aitrader.groww.live.GrowwLiveFeed;
import io.aitrader.groww.rest.GrowwClient;
import io.aitrader.groww.rest.GrowwClientConfig;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's market and broker through the real Groww adapter against the fake Groww ({@code demo --broker
 * groww-fake}): the fake's REST API and NATS feed on loopback ports, {@link GrowwLiveFeed} for the quotes,
 * {@link GrowwBroker} for the orders (the fake's paper order book fills them from its market).
 *
 * <p>The fake's market moves in 15-second steps of market time, each step published as LTP messages; the next step
 * waits until the feed has delivered the last one, so the strategy's orders reach the fake before its market moves
 * on (lockstep, as fast as the adapter goes). The fake's order events come back on the feed's order-update stream,
 * in order with the quotes; each makes the broker read the order back over REST and report its change and new fills.
 */
public final class GrowwFakeMarket implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GrowwFakeMarket.class);
  private static final long STEP = FakeMarket.TICK_SPACING_MILLIS;

  private final FakeLiveGroww groww;
  private final GrowwBroker broker;
  private final GrowwLiveFeed live;
  private final TradingSession session;
  private final List<Instrument> instruments;

  private GrowwFakeMarket(FakeLiveGroww groww, GrowwBroker broker, GrowwLiveFeed live, TradingSession session,
      List<Instrument> instruments) {
    this.groww = groww;
    this.broker = broker;
    this.live = live;
    this.session = session;
    this.instruments = instruments;
  }

  /** Starts the fake Groww (REST + NATS feed) for {@code session} and connects the adapter to it. */
  public static GrowwFakeMarket start(List<Instrument> instruments, InstrumentRepository master, TradingSession session,
      long seed) {
    ManualTimeSource clock = new ManualTimeSource(session.openMillis() - 1);
    FakeLiveGroww groww = FakeLiveGroww.start(FakeGroww.builder().seed(seed).clock(clock), FakeFeedServer.builder(),
        instruments);
    try {
      GrowwClient client = GrowwClient.create(GrowwClientConfig.builder()
          .credentials(new GrowwCredentials.ApiKeyTotp(Secret.of(FakeGroww.DEFAULT_API_KEY),
              Secret.of(FakeGroww.DEFAULT_TOTP_SECRET)))
          .baseUri(groww.rest().baseUrl()).instrumentsUri(groww.rest().csvUrl()).clock(clock).build());
      GrowwBroker broker = new GrowwBroker(client, master);
      GrowwLiveFeed live = GrowwLiveFeed.builder().client(client).instruments(InstrumentLookup.of(master))
          .url(groww.feed().websocketUrl()).clock(clock).connectTimeout(Duration.ofSeconds(5))
          .reconnectPolicy(new ReconnectPolicy(Duration.ofMillis(100), Duration.ofSeconds(2), 0))
          .orderUpdates(broker::onFeedUpdate).build();
      return new GrowwFakeMarket(groww, broker, live, session, instruments);
    } catch (RuntimeException e) {
      groww.close();
      throw e;
    }
  }

  /** The orders' way to the fake Groww. */
  public GrowwBroker broker() {
    return broker;
  }

  /** The quotes from the fake Groww's feed; its {@code run} drives the fake's market through the session. */
  public MarketDataFeed feed() {
    return new MarketDataFeed() {
      @Override
      public String name() {
        return "groww (fake)";
      }

      @Override
      public void subscribe(Collection<Instrument> list) {
        live.subscribe(list);
      }

      @Override
      public void run(QuoteListener listener) {
        Thread driver = new Thread(GrowwFakeMarket.this::drive, "groww-fake-market");
        driver.setDaemon(true);
        driver.start();
        live.run(listener);
        broker.pollOpenOrders(); // a last look: an update still queued when the feed closed is not lost
      }

      @Override
      public long completeBeforeMillis() {
        return live.completeBeforeMillis();
      }

      @Override
      public void close() {
        live.close();
      }
    };
  }

  /** The driver thread: the session's market in steps, each published and delivered before the next. */
  private void drive() {
    try {
      await(() -> groww.subscribedSubjects().size() >= instruments.size(), Duration.ofSeconds(30),
          "the feed's subscriptions");
      for (long t = session.openMillis(); t < session.closeMillis(); t += STEP) {
        groww.advanceTo(t);
        long published = groww.published();
        await(() -> live.stats().delivered() >= published, Duration.ofSeconds(30), "the quotes of " + t);
      }
      groww.advanceTo(session.closeMillis());
    } catch (RuntimeException e) {
      LOG.error("the fake Groww's market stopped: {}", e.toString());
    } finally {
      live.close();
    }
  }

  private static void await(BooleanSupplier condition, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
  }

  /** One line for the report: the fake's address and what went over the adapter. */
  public String describe() {
    GrowwLiveFeed.Stats s = live.stats();
    return String.format(Locale.ROOT, "fake Groww at %s, feed %s: %,d LTP messages published, %,d quotes"
        + " delivered, %d orders placed through the REST adapter, %d order updates on the feed", groww.rest().baseUrl(),
        groww.feed().websocketUrl(), groww.published(), s.delivered(), groww.rest().requests("/v1/order/create").size(),
        groww.orderUpdates());
  }

  @Override
  public void close() {
    live.close();
    broker.close();
    groww.close();
  }
}
