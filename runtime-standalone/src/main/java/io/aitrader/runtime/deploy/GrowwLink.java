package io.aitrader.runtime.deploy;

import io.aitrader.api.ConfigurationException;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentType;
import io.aitrader.api.market.FeedStatus;
import io.aitrader.api.market.MarketDepth;
import io.aitrader.api.market.MarketDataFeed;
import io.aitrader.api.market.PriceBand;
import io.aitrader.api.market.QuoteListener;
import io.aitrader.api.money.Money;
import io.aitrader.api.order.Product;
import io.aitrader.api.portfolio.Position;
import io.aitrader.api.time.MarketCalendar;
import io.aitrader.api.time.TimeSource;
import io.aitrader.api.time.TradingSession;
import io.aitrader.groww.auth.GrowwCredentials;
import io.aitrader.groww.broker.GrowwBroker;
import io.aitrader.groww.broker.GrowwInstruments;
import io.aitrader.groww.feed.GrowwOrderUpdate;
import io.aitrader.groww.feed.InstrumentLookup;
import io.aitrader.groww.feed.nats.GrowwFeedConnection;
import io.aitrader.groww.live.GrowwLiveFeed;
import io.aitrader.groww.rest.GrowwClient;
import io.aitrader.groww.rest.GrowwClientConfig;
import io.aitrader.groww.rest.GrowwPosition;
import io.aitrader.groww.rest.GrowwQuote;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A deployment's way to Groww ({@code run --broker groww}): the REST client on the credentials from the environment
 * or the {@code groww.secretsFile}, Groww's instrument master, the live feed and — for real orders — the broker.
 * The URLs default to Groww's and can be pointed elsewhere (the fake Groww in tests) with {@code groww.baseUrl},
 * {@code groww.instrumentsUrl} and {@code groww.feedUrl}.
 */
final class GrowwLink implements AutoCloseable {
  /** How long after the close the feed stays open for the session's last quotes. */
  static final Duration CLOSE_GRACE = Duration.ofMinutes(1);
  /** Event time between two looks at the open orders over REST, besides the feed's order updates. */
  static final long POLL_EVERY_MILLIS = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger(GrowwLink.class);

  private final Map<String, String> settings;
  private final TimeSource clock;
  private final GrowwClient client;
  private final GrowwInstruments instruments;
  private @Nullable GrowwBroker broker;
  private @Nullable GrowwLiveFeed feed;

  private GrowwLink(Map<String, String> settings, TimeSource clock, GrowwClient client, GrowwInstruments instruments) {
    this.settings = settings;
    this.clock = clock;
    this.client = client;
    this.instruments = instruments;
  }

  /**
   * Reads the credentials, creates the client and downloads the instrument master.
   *
   * @throws ConfigurationException naming the variables to set when the credentials are incomplete
   */
  static GrowwLink connect(DeploymentConfig config, TimeSource clock, Map<String, String> environment) {
    Map<String, String> g = config.groww();
    Optional<Path> secrets = Optional.ofNullable(g.get("secretsFile")).map(GrowwLink::expandHome);
    GrowwCredentials credentials;
    try {
      credentials = GrowwCredentials.from(environment, secrets);
    } catch (ConfigurationException e) {
      throw new ConfigurationException(config.source() + ": Groww credentials: " + String.join("; ", e.problems())
          + (secrets.isEmpty() ? " (in the environment, or in a file named by groww.secretsFile)" : ""), e);
    }
    GrowwClientConfig.Builder b = GrowwClientConfig.builder().credentials(credentials).clock(clock);
    Optional.ofNullable(g.get("baseUrl")).ifPresent(b::baseUrl);
    Optional.ofNullable(g.get("instrumentsUrl")).ifPresent(b::instrumentsUrl);
    GrowwClient client = GrowwClient.create(b.build());
    return new GrowwLink(g, clock, client, GrowwInstruments.load(client));
  }

  private static Path expandHome(String path) {
    return path.startsWith("~/") ? Path.of(System.getProperty("user.home"), path.substring(2)) : Path.of(path);
  }

  /** Groww's instrument master (downloaded at start, refreshed daily). */
  GrowwInstruments instruments() {
    return instruments;
  }

  /** The broker sending real orders to Groww (created on first use). */
  synchronized GrowwBroker broker() {
    if (broker == null) {
      broker = new GrowwBroker(client, instruments);
    }
    return broker;
  }

  /** The account's cash at Groww now: the clear cash of the margins call. */
  Money cash() {
    return Money.roundedToPaise(client.account().margins().clearCash());
  }

  /**
   * How the account's positions in {@code scope} differ from Groww's day positions, one line each (empty when they
   * agree). Quantities only: the unit of Groww's position prices is UNCONFIRMED.
   */
  List<String> reconcile(List<Position> ours, Collection<Instrument> scope) {
    return differences(ours, client.portfolio().positions(Optional.empty()), scope);
  }

  /** The net quantities per instrument and product of {@code ours} and {@code groww} that differ, within {@code scope}. */
  static List<String> differences(List<Position> ours, List<GrowwPosition> groww, Collection<Instrument> scope) {
    Map<String, long[]> byKey = new TreeMap<>(); // "NSE:TCS/MIS" -> {ours, Groww's}
    for (Position p : ours) {
      if (scope.contains(p.instrument())) {
        byKey.computeIfAbsent(p.instrument().id() + "/" + p.product(), k -> new long[2])[0] += p.netQuantity();
      }
    }
    for (GrowwPosition g : groww) {
      Optional<Instrument> i = scope.stream().filter(x -> x.tradingSymbol().equals(g.tradingSymbol())
          && x.segment() == g.segment() && g.exchange().map(e -> e.equalsIgnoreCase(x.exchange().name())).orElse(true))
          .findFirst();
      if (i.isEmpty() || g.product().isEmpty()) {
        continue; // not traded by this deployment
      }
      Product product;
      try {
        product = Product.parse(g.product().get());
      } catch (RuntimeException e) {
        LOG.warn("Groww reports a position in {} with a product this SDK does not know ({}): not reconciled",
            g.tradingSymbol(), g.product().get());
        continue;
      }
      byKey.computeIfAbsent(i.get().id() + "/" + product, k -> new long[2])[1] += g.quantity().longValueExact();
    }
    List<String> out = new ArrayList<>();
    byKey.forEach((key, q) -> {
      if (q[0] != q[1]) {
        out.add(key + ": here " + q[0] + ", at Groww " + q[1]);
      }
    });
    return out;
  }

  /** Today's circuit limits of the tradable instruments, from one quote each (an instrument without limits is left out). */
  Map<Instrument, PriceBand> circuitBands(Collection<Instrument> list) {
    Map<Instrument, PriceBand> bands = new LinkedHashMap<>();
    for (Instrument i : list) {
      if (i.type() == InstrumentType.IDX) {
        continue;
      }
      GrowwQuote q = client.liveData().quote(i.exchange(), i.segment(), i.tradingSymbol());
      if (q.lowerCircuit().isPresent() && q.upperCircuit().isPresent()) {
        bands.put(i, new PriceBand(q.lowerCircuit().get(), q.upperCircuit().get()));
      } else {
        LOG.warn("Groww's quote of {} has no circuit limits: its orders are not checked against a price band", i.id());
      }
    }
    return bands;
  }

  /**
   * The live feed for {@code session}, as a feed that ends {@link #CLOSE_GRACE} after the close by {@code clock},
   * once every instrument's minutes through the close are complete (rebuilt from candles where nothing came).
   * With {@code depth} the instruments' five-level books come too, on the feed's thread. With {@code orderUpdates} the account's order updates come too, on the feed's thread; {@code poll} then also
   * runs there every {@link #POLL_EVERY_MILLIS} of event time and once after the feed has ended.
   */
  MarketDataFeed feed(TradingSession session, MarketCalendar calendar, Consumer<FeedStatus> status,
      @Nullable Consumer<MarketDepth> depth, @Nullable Consumer<GrowwOrderUpdate> orderUpdates,
      @Nullable Runnable poll) {
    GrowwLiveFeed.Builder b = GrowwLiveFeed.builder().client(client).instruments(InstrumentLookup.of(instruments))
        .clock(clock).calendar(calendar).url(settings.getOrDefault("feedUrl", GrowwFeedConnection.GROWW_FEED_URL)).status(status);
    if (depth != null) {
      b.depth(depth);
    }
    if (orderUpdates != null) {
      b.orderUpdates(orderUpdates);
    }
    GrowwLiveFeed live = b.build();
    synchronized (this) {
      feed = live;
    }
    long endMillis = session.closeMillis() + CLOSE_GRACE.toMillis();
    return new MarketDataFeed() {
      @Override
      public String name() {
        return live.name();
      }

      @Override
      public void subscribe(Collection<Instrument> list) {
        live.subscribe(list);
      }

      @Override
      public void run(QuoteListener listener) {
        Thread closer = new Thread(() -> finishAt(live, endMillis, session.closeMillis()), "groww-session-end");
        closer.setDaemon(true);
        closer.start();
        QuoteListener deliver = listener;
        if (poll != null) {
          long[] next = {Long.MIN_VALUE};
          deliver = q -> {
            listener.onQuote(q);
            if (q.timestampMillis() >= next[0]) {
              next[0] = q.timestampMillis() + POLL_EVERY_MILLIS;
              poll.run();
            }
          };
        }
        try {
          live.run(deliver);
        } finally {
          closer.interrupt();
          if (poll != null) {
            poll.run(); // a last look: an order update still on its way when the feed closed is not lost
          }
        }
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

  /**
   * Once {@code clock} has reached {@code endMillis} (the clock may be a test's), has {@code live} complete every
   * instrument's minutes through {@code closeMillis} from candles and end its {@code run}.
   */
  private void finishAt(GrowwLiveFeed live, long endMillis, long closeMillis) {
    while (clock.currentTimeMillis() < endMillis) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
      if (Thread.currentThread().isInterrupted()) {
        return;
      }
    }
    LOG.info("the session is over: completing the minutes of silent instruments, then closing Groww's live feed");
    live.finish(closeMillis);
  }

  /** What went over the feed, for the report. */
  synchronized String describe() {
    if (feed == null) {
      return "groww: feed not started";
    }
    GrowwLiveFeed.Stats s = feed.stats();
    return "groww: " + s.delivered() + " quotes, " + s.outages() + " outages, " + s.repairs() + " repairs ("
        + s.repairQuotes() + " quotes from candles), " + s.silentInstruments() + " instruments silent ("
        + s.silentRepairs() + " backfills, " + s.finalRepairs() + " at the close), " + s.depths()
        + " depth snapshots, " + s.dropped() + " messages dropped";
  }

  /** The feed's counters (tests, reports). */
  synchronized Optional<GrowwLiveFeed.Stats> stats() {
    return feed == null ? Optional.empty() : Optional.of(feed.stats());
  }

  @Override
  public synchronized void close() {
    if (feed != null) {
      feed.close();
    }
    if (broker != null) {
      broker.close();
    }
  }
}
