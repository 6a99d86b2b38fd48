package io.aitrader.groww.live;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.AitraderException;
import io.aitrader.api.NotFoundException;
import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentType;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.market.FeedStatus;
import io.aitrader.api.market.MarketDataFeed;
import io.aitrader.api.market.MarketDepth;
import io.aitrader.api.market.Quote;
import io.aitrader.api.market.QuoteListener;
import io.aitrader.api.time.Ist;
import io.aitrader.api.time.TimeSource;
import io.aitrader.core.time.SystemTimeSource;
import io.aitrader.groww.feed.FeedDecoder;
import io.aitrader.groww.feed.FeedListener;
import io.aitrader.groww.feed.FeedSubjects;
import io.aitrader.groww.feed.GrowwOrderUpdate;
import io.aitrader.groww.feed.GrowwPositionUpdate;
import io.aitrader.groww.feed.IndexValue;
import io.aitrader.groww.feed.InstrumentLookup;
import io.aitrader.groww.feed.nats.FeedConnectionListener;
import io.aitrader.groww.feed.nats.FeedOutage;
import io.aitrader.groww.feed.nats.GrowwFeedConnection;
import io.aitrader.groww.feed.nats.ReconnectPolicy;
import io.aitrader.groww.feed.nats.SocketGrant;
import io.aitrader.groww.rest.Candle;
import io.aitrader.groww.rest.CandleInterval;
import io.aitrader.groww.rest.GrowwClient;
import io.aitrader.groww.rest.GrowwFeedTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Groww's live market data as a {@link MarketDataFeed}: LTP, index and (optionally) market-depth messages over
 * NATS/WebSocket ({@link GrowwFeedConnection}, which reconnects by itself with a fresh socket token and
 * resubscribes), decoded by {@link FeedDecoder} and delivered on the thread that calls {@link #run}, in the order they
 * arrived: quotes to the {@link QuoteListener}, depth snapshots, order updates and position updates to the consumers
 * set on the {@link Builder}.
 *
 * <p><b>Subjects.</b> {@link #subscribe} subscribes, per instrument: its LTP subject
 * ({@code /ld/eq/nse/price.<token>}), plus its book subject ({@code /ld/eq/nse/book.<token>}) when a
 * {@linkplain Builder#depth depth consumer} is set; for an index ({@link InstrumentType#IDX}) its index subject
 * instead, whose values are delivered as {@link Quote}s (price = the index value, day volume 0) so bars of indices
 * are built like any other. Which token Groww's index subjects use is UNCONFIRMED (the docs show names such as
 * {@code NIFTY}, the instrument master has {@code exchange_token} 26000): both {@code /ld/indices/nse/price.26000}
 * and {@code …price.NIFTY} are subscribed when they differ, the first one that delivers is kept for that index
 * (values on the other are counted as {@link Stats#indexDuplicates} and dropped, so a feed that sent both would not
 * double the quotes) and the variant seen is logged once at INFO. {@link #run} adds the account streams: the cash
 * and F&amp;O order-update subjects when {@link Builder#orderUpdates} is set, the F&amp;O position-update subject
 * when {@link Builder#positionUpdates} is set. Every subject counts against Groww's limit of
 * {@value GrowwFeedConnection#MAX_SUBSCRIPTIONS}; a subscription that would exceed it is refused before anything is
 * sent.
 *
 * <p><b>Gaps.</b> When the connection comes back after an outage — or an instrument's next quote comes more than
 * {@link Builder#gap} after its last one without a disconnect — the quotes of each instrument in the minute it
 * comes back in are held back (their earlier part was lost) until that minute is over; then the minutes from the
 * instrument's last quote before the outage through that one are repaired from Groww's one-minute candles (REST),
 * and live quotes follow. So bars built from this feed stay complete and equal to the candles, at the price of up to
 * one minute of delay after a reconnect. Repair is about quotes only: depth snapshots are delivered as they come and
 * those lost in a gap are not repaired (the next snapshot replaces them). Feed status changes (disconnected,
 * reconnected with the outage window) go to the {@code status} consumer, e.g. the bus's {@code market.feed-status}
 * topic.
 *
 * <pre>{@code
 * try (GrowwLiveFeed feed = GrowwLiveFeed.builder().client(groww).instruments(master)
 *     .depth(d -> bus.publish(Topics.depth(d.instrument().exchange()), d))   // on the run thread
 *     .build()) {
 *   feed.subscribe(List.of(reliance, tcs, nifty));
 *   feed.run(ingestor::onQuote);     // until close()
 * }
 * }</pre>
 *
 * <p>Threading: messages are decoded on the connection's dispatcher thread and handed over through a bounded queue
 * (a full queue blocks the dispatcher: NATS then buffers, and a slow consumer is eventually cut off by the server,
 * which counts as an outage); repairs call REST on the {@code run} thread, and every listener and consumer is called
 * on that thread, so they may publish on an in-process bus without further locking. {@link #subscribe} and
 * {@link #close} may be called from any thread.
 */
public final class GrowwLiveFeed implements MarketDataFeed {
  private static final Logger LOG = LoggerFactory.getLogger(GrowwLiveFeed.class);
  private static final long UNSET = Long.MIN_VALUE;

  private final GrowwClient client;
  private final InstrumentLookup lookup;
  private final BlockingQueue<Object> queue;
  private final GrowwFeedConnection connection;
  private final FeedDecoder decoder;
  private final Consumer<FeedStatus> status;
  private final TimeSource clock;
  private final @Nullable Consumer<GrowwOrderUpdate> orderUpdates;
  private final @Nullable Consumer<GrowwPositionUpdate> positionUpdates;
  private final @Nullable Consumer<MarketDepth> depth;
  private final Map<Instrument, State> states = new HashMap<>(); // dispatcher thread only
  private final Map<Instrument, String> indexSubjects = new HashMap<>(); // dispatcher thread only
  private final boolean[] indexVariantLogged = new boolean[2]; // dispatcher thread only: [exchange token, name]
  private String subject = ""; // dispatcher thread only: the subject of the message being decoded
  private final AtomicLong outages = new AtomicLong();
  private final AtomicLong silences = new AtomicLong();
  private final long gapMillis;
  private final AtomicLong repairs = new AtomicLong();
  private final AtomicLong repairQuotes = new AtomicLong();
  private final AtomicLong held = new AtomicLong();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong depthsDelivered = new AtomicLong();
  private final AtomicLong positionsDelivered = new AtomicLong();
  private final AtomicLong indexDuplicates = new AtomicLong();
  private volatile boolean closed;

  /** An instrument's feed as the dispatcher thread sees it. */
  private static final class State {
    long lastMillis;
    long lastVolume;
    long epoch;
    long firstMinute = UNSET;
    boolean recovering;
  }

  /** Repair these minutes of this instrument from candles, then go on with the live quotes behind it. */
  private record Repair(Instrument instrument, long lastMillis, long lastVolume, long firstMinute) {}

  private GrowwFeedConnection.Builder connectionSettings(Builder b) {
    GrowwFeedTokens tokens = client.feedTokens();
    return GrowwFeedConnection.builder().url(b.url).clock(b.clock).reconnectPolicy(b.reconnectPolicy)
        .connectTimeout(b.connectTimeout)
        .tokenSource(key -> {
          GrowwFeedTokens.SocketToken t = tokens.mint(key);
          return new SocketGrant(t.jwt(), t.subscriptionId());
        });
  }

  private GrowwLiveFeed(Builder b) {
    this.client = required(b.client, "GrowwLiveFeed.client");
    this.lookup = required(b.lookup, "GrowwLiveFeed.instruments");
    this.clock = b.clock;
    this.status = b.status;
    this.orderUpdates = b.orderUpdates;
    this.positionUpdates = b.positionUpdates;
    this.depth = b.depth;
    this.gapMillis = b.gap.toMillis();
    this.queue = new ArrayBlockingQueue<>(b.queueCapacity);
    this.decoder = FeedDecoder.builder().instruments(lookup).listener(new FeedListener() {
      @Override
      public void onQuote(Quote quote) {
        arrived(quote);
      }

      @Override
      public void onIndexValue(IndexValue value) {
        if (firstIndexVariant(value.index())) {
          arrived(Quote.ltp(value.index(), value.timestampMillis(), value.value(), 0));
        }
      }

      @Override
      public void onMarketDepth(MarketDepth snapshot) {
        if (depth != null) {
          put(snapshot);
        }
      }

      @Override
      public void onOrderUpdate(GrowwOrderUpdate update) {
        if (orderUpdates != null) {
          put(update);
        }
      }

      @Override
      public void onPositionUpdate(GrowwPositionUpdate update) {
        if (positionUpdates != null) {
          put(update);
        }
      }
    }).build();
    this.connection = connectionSettings(b).handler(this::onMessage).listener(new FeedConnectionListener() {
      @Override
      public void onDisconnected(Instant at, String reason) {
        status.accept(new FeedStatus(name(), false, at.toEpochMilli(), reason));
      }

      @Override
      public void onReconnected(FeedOutage outage, String subscriptionId) {
        outages.incrementAndGet(); // the dispatcher sees the new epoch on each instrument's next quote
        status.accept(new FeedStatus(name(), true, outage.end().toEpochMilli(), "back after "
            + outage.duration().toMillis() + " ms (" + outage.attempts() + " attempts); minutes repaired from candles"));
      }
    }).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return "groww";
  }

  /**
   * Subscribes to the instruments' subjects: LTP (and book, when a {@linkplain Builder#depth depth consumer} is
   * set) of each instrument, the index subjects of each index (both token variants when they differ). All or
   * nothing: at most {@value GrowwFeedConnection#MAX_SUBSCRIPTIONS} subjects in all, counting those already held.
   *
   * @throws NotFoundException when an instrument has no Groww feed subject (only NSE/BSE cash, F&amp;O and indices
   *     do)
   * @throws ValidationException when the total would exceed the subscription limit (nothing is subscribed then)
   */
  @Override
  public void subscribe(Collection<Instrument> instruments) {
    List<String> subjects = new ArrayList<>();
    int ltp = 0;
    int books = 0;
    int indices = 0;
    for (Instrument i : instruments) {
      try {
        if (i.type() == InstrumentType.IDX) {
          for (String s : indexSubjects(i)) {
            subjects.add(s);
            indices++;
          }
        } else {
          subjects.add(FeedSubjects.ltp(i));
          ltp++;
          if (depth != null) {
            subjects.add(FeedSubjects.depth(i));
            books++;
          }
        }
      } catch (ValidationException e) {
        throw new NotFoundException("Groww's live feed has no subject for " + i.id() + ": " + e.getMessage());
      }
    }
    try {
      connection.subscribe(subjects);
    } catch (ValidationException e) {
      throw new ValidationException("GrowwLiveFeed.subscriptions", e.getMessage() + "; asked for " + subjects.size()
          + " subject(s) for " + instruments.size() + " instrument(s): " + ltp + " LTP, " + books + " book, "
          + indices + " index");
    }
  }

  /** The index subject by exchange token and, when it differs and can be a subject token, by trading symbol. */
  private static List<String> indexSubjects(Instrument index) {
    String byToken = FeedSubjects.indexValue(index.exchange(), index.exchangeToken());
    if (index.tradingSymbol().equals(index.exchangeToken())) {
      return List.of(byToken);
    }
    try {
      return List.of(byToken, FeedSubjects.indexValue(index.exchange(), index.tradingSymbol()));
    } catch (ValidationException e) { // a symbol with a '.' or a space cannot be a subject token: the token only
      LOG.debug("index {}: no subject by trading symbol ({})", index.id(), e.getMessage());
      return List.of(byToken);
    }
  }

  /**
   * Connects, subscribes the account streams asked for on the {@link Builder} and delivers quotes (live and
   * repaired) to {@code listener}, and depth snapshots, order updates and position updates to their consumers, on
   * this thread until {@link #close()}.
   *
   * @throws ValidationException when the account streams would exceed the subscription limit
   */
  @Override
  public void run(QuoteListener listener) {
    connection.connect();
    List<String> accountStreams = new ArrayList<>(3);
    if (orderUpdates != null) { // the account's order updates, on the subscription id of this connection
      accountStreams.add(FeedSubjects.orderUpdates(Segment.CASH, connection.subscriptionId()));
      accountStreams.add(FeedSubjects.orderUpdates(Segment.FNO, connection.subscriptionId()));
    }
    if (positionUpdates != null) { // Groww streams F&O positions only
      accountStreams.add(FeedSubjects.positionUpdates(connection.subscriptionId()));
    }
    if (!accountStreams.isEmpty()) {
      connection.subscribe(accountStreams);
    }
    status.accept(new FeedStatus(name(), true, clock.currentTimeMillis(), "connected"));
    try {
      while (!closed) {
        Object next = queue.poll(100, TimeUnit.MILLISECONDS);
        if (next instanceof Quote q) {
          listener.onQuote(q);
          delivered.incrementAndGet();
        } else if (next instanceof MarketDepth d && depth != null) {
          depth.accept(d);
          depthsDelivered.incrementAndGet();
        } else if (next instanceof GrowwOrderUpdate u && orderUpdates != null) {
          orderUpdates.accept(u);
        } else if (next instanceof GrowwPositionUpdate p && positionUpdates != null) {
          positionUpdates.accept(p);
          positionsDelivered.incrementAndGet();
        } else if (next instanceof Repair r) {
          for (Quote q : repair(r)) {
            listener.onQuote(q);
            delivered.incrementAndGet();
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** On the dispatcher thread: every message of the connection. */
  private void onMessage(String messageSubject, byte[] payload) {
    subject = messageSubject;
    decoder.decode(messageSubject, payload);
  }

  /**
   * On the dispatcher thread: whether the index value being decoded came on the index's first delivering subject
   * (the token variant Groww uses; values on the other variant are duplicates and dropped).
   */
  private boolean firstIndexVariant(Instrument index) {
    String first = indexSubjects.get(index);
    if (first == null) {
      first = subject;
      indexSubjects.put(index, first);
      boolean byName = !first.endsWith("." + index.exchangeToken());
      if (!indexVariantLogged[byName ? 1 : 0]) {
        indexVariantLogged[byName ? 1 : 0] = true;
        LOG.info("Groww index values come on subjects by {} (UNCONFIRMED in the protocol reference, §5.2): {} for {};"
            + " values of an index on its other variant are dropped", byName ? "index name (trading symbol)"
            : "exchange_token", first, index.id());
      }
      return true;
    }
    if (first.equals(subject)) {
      return true;
    }
    indexDuplicates.incrementAndGet();
    return false;
  }

  /** On the dispatcher thread: hold back or pass on a live quote. */
  private void arrived(Quote q) {
    long epoch = outages.get();
    State s = states.get(q.instrument());
    if (s == null) { // first heard now: nothing of it was lost
      s = new State();
      s.epoch = epoch;
      states.put(q.instrument(), s);
    }
    if (s.epoch != epoch) {
      s.epoch = epoch;
      s.recovering = true;
      s.firstMinute = UNSET;
    }
    if (!s.recovering && s.lastMillis > 0 && q.timestampMillis() - s.lastMillis > gapMillis) {
      // silent for longer than the gap threshold without a disconnect: messages may have been lost (or nothing
      // traded); either way the candles say what happened, so the minutes in between are rebuilt from them
      silences.incrementAndGet();
      s.recovering = true;
      s.firstMinute = UNSET;
    }
    if (s.recovering) {
      long minute = MinuteRepair.minuteOf(q.timestampMillis());
      if (s.firstMinute == UNSET) {
        s.firstMinute = minute;
      }
      if (minute <= s.firstMinute) {
        held.incrementAndGet(); // part of a minute the outage cut open: rebuilt from its candle instead
        return;
      }
      put(new Repair(q.instrument(), s.lastMillis, s.lastVolume, s.firstMinute));
      s.recovering = false;
    }
    s.lastMillis = q.timestampMillis();
    s.lastVolume = q.dayVolume();
    put(q);
  }

  private void put(Object item) {
    try {
      while (!closed && !queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
        // the run thread is behind: wait (NATS buffers meanwhile)
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** On the run thread: the quotes that rebuild the minutes of {@code r} from the candles. */
  private List<Quote> repair(Repair r) {
    Instrument i = r.instrument();
    long from = r.lastMillis > 0 ? r.lastMillis : r.firstMinute;
    LocalDateTime open = LocalDateTime.of(Ist.dateOf(from), LocalTime.of(9, 15));
    LocalDateTime through = Ist.at(r.firstMinute).toLocalDateTime(); // the candles call includes the one opening here
    List<Candle> candles;
    try {
      candles = client.historical().candles(i.exchange(), i.segment(), i.growwSymbol(), open, through,
          CandleInterval.MINUTE_1);
    } catch (AitraderException e) {
      LOG.error("could not repair {} after a feed outage (minutes {} to {} stay as received): {}", i.id(),
          Ist.at(from), Ist.at(r.firstMinute), e.getMessage());
      return List.of();
    }
    List<Quote> quotes = MinuteRepair.quotes(i, candles, r.lastMillis, r.lastVolume, r.firstMinute);
    repairs.incrementAndGet();
    repairQuotes.addAndGet(quotes.size());
    return quotes;
  }

  /**
   * What the feed has done: quotes delivered, outages, silences (gaps without a disconnect), repairs and their quotes,
   * live quotes held back, messages the decoder dropped, depth snapshots and position updates delivered, index values
   * dropped as duplicates of the other token variant.
   */
  public Stats stats() {
    return new Stats(delivered.get(), outages.get(), silences.get(), repairs.get(), repairQuotes.get(), held.get(),
        decoder.stats().totalDropped(), depthsDelivered.get(), positionsDelivered.get(), indexDuplicates.get());
  }

  /**
   * Counters of a {@link GrowwLiveFeed}.
   *
   * @param delivered        quotes delivered (live, index values and repaired)
   * @param outages          reconnects after a lost connection
   * @param silences         instruments repaired after a gap without a disconnect
   * @param repairs          repairs from candles
   * @param repairQuotes     quotes the repairs delivered
   * @param heldBack         live quotes held back (their minute was rebuilt from its candle)
   * @param dropped          messages the decoder dropped (malformed, unknown instrument …)
   * @param depths           depth snapshots delivered
   * @param positionUpdates  position updates delivered
   * @param indexDuplicates  index values dropped because they came on the index's other token variant
   */
  public record Stats(long delivered, long outages, long silences, long repairs, long repairQuotes, long heldBack,
      long dropped, long depths, long positionUpdates, long indexDuplicates) {}

  /** The connection (its status, subscriptions and silent subjects). */
  public GrowwFeedConnection connection() {
    return connection;
  }

  @Override
  public void close() {
    closed = true;
    connection.close();
  }

  /** Settings of a {@link GrowwLiveFeed}. */
  public static final class Builder {
    private GrowwClient client;
    private InstrumentLookup lookup;
    private String url = GrowwFeedConnection.GROWW_FEED_URL;
    private TimeSource clock = SystemTimeSource.INSTANCE;
    private ReconnectPolicy reconnectPolicy = ReconnectPolicy.defaults();
    private Duration connectTimeout = Duration.ofSeconds(10);
    private int queueCapacity = 1 << 16;
    private Duration gap = Duration.ofMinutes(2);
    private @Nullable Consumer<GrowwOrderUpdate> orderUpdates;
    private @Nullable Consumer<GrowwPositionUpdate> positionUpdates;
    private @Nullable Consumer<MarketDepth> depth;
    private Consumer<FeedStatus> status = s -> LOG.info("feed {}: {}", s.connected() ? "up" : "down", s.detail());

    private Builder() {}

    /** The REST client: socket tokens and the candles that repair gaps. Required. */
    public Builder client(GrowwClient v) { this.client = required(v, "client"); return this; }

    /** The instruments the feed's tokens resolve to (e.g. the Groww master). Required. */
    public Builder instruments(InstrumentLookup v) { this.lookup = required(v, "instruments"); return this; }

    /** The feed's WebSocket URL; default {@code wss://socket-api.groww.in}. */
    public Builder url(String v) { this.url = required(v, "url"); return this; }

    /** The clock of outage windows and status events; default the system clock. */
    public Builder clock(TimeSource v) { this.clock = required(v, "clock"); return this; }

    /** Reconnect backoff; default 2 s doubling to 60 s with full jitter, forever. */
    public Builder reconnectPolicy(ReconnectPolicy v) { this.reconnectPolicy = required(v, "reconnectPolicy"); return this; }

    /** How long one connect attempt may take; default 10 s. */
    public Builder connectTimeout(Duration v) { this.connectTimeout = required(v, "connectTimeout"); return this; }

    /**
     * An instrument whose next quote comes more than this much later (event time) than its last one, without a
     * disconnect, is repaired from candles like after an outage; default 2 minutes. Liquid stocks quote every
     * second; for thin ones a longer gap only costs a candles call and a minute's delay.
     */
    public Builder gap(Duration v) {
      check(v != null && v.toMillis() >= 1_000, "GrowwLiveFeed.gap", "must be at least 1 s", v);
      this.gap = v;
      return this;
    }

    /** Quotes buffered between the dispatcher and the run thread; default 65,536. */
    public Builder queueCapacity(int v) {
      check(v >= 16, "GrowwLiveFeed.queueCapacity", "must be >= 16", v);
      this.queueCapacity = v;
      return this;
    }

    /**
     * Also receive the account's order updates (cash and F&amp;O order-update subjects), on the {@code run} thread in
     * order with the quotes — e.g. {@code growwBroker::onFeedUpdate}. Default: not subscribed.
     */
    public Builder orderUpdates(Consumer<GrowwOrderUpdate> v) { this.orderUpdates = required(v, "orderUpdates"); return this; }

    /**
     * Also receive the account's F&amp;O position updates (the position-update subject of the connection's
     * subscription id; Groww has no equity position stream), on the {@code run} thread in order with the quotes.
     * Default: not subscribed.
     */
    public Builder positionUpdates(Consumer<GrowwPositionUpdate> v) {
      this.positionUpdates = required(v, "positionUpdates");
      return this;
    }

    /**
     * Also subscribe each (non-index) instrument's book subject and receive its five-level depth snapshots, on the
     * {@code run} thread in order with the quotes — e.g. to publish them on {@code Topics.depth(exchange)}. Doubles
     * the subjects per instrument (Groww's limit counts them). Default: no depth.
     */
    public Builder depth(Consumer<MarketDepth> v) { this.depth = required(v, "depth"); return this; }

    /** Where feed status changes go (connected, disconnected, reconnected); default the log. */
    public Builder status(Consumer<FeedStatus> v) { this.status = required(v, "status"); return this; }

    public GrowwLiveFeed build() {
      return new GrowwLiveFeed(this);
    }
  }
}
