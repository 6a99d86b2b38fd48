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
import io.aitrader.api.time.MarketCalendar;
import io.aitrader.api.time.TimeSource;
import io.aitrader.api.time.TradingSession;
import io.aitrader.core.calendar.ExchangeCalendar;
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
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
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
 * <p><b>Silent instruments.</b> An instrument may also stop delivering while the connection is fine (say the server
 * dropped its subscription) and never come back. A watchdog on the {@code run} thread looks every 5 seconds of the
 * {@linkplain Builder#clock clock}, while the {@linkplain Builder#calendar market is open} and the connection is up,
 * for instruments all of whose price subjects have had no message for more than {@link Builder#gap}
 * ({@link GrowwFeedConnection#quietSubjects}). Each such silence is logged once at WARN and its subjects are
 * re-subscribed once (unsubscribe + subscribe; {@link Stats#silentInstruments}); then, for as long as it stays
 * silent, every newly <em>completed</em> minute since its last quote (since its subscription when it never quoted)
 * is rebuilt from the candles and delivered as quotes exactly like a repair ({@link Stats#silentRepairs}), at most 10
 * instruments a round (the candles share Groww's non-trading limit of 500 calls a minute). The feed remembers how far each instrument was rebuilt: when its quotes come again, those of rebuilt
 * minutes are dropped and the minute it comes back in is held and repaired as after any gap, so nothing is delivered
 * twice and an instrument's event time never goes backwards. The incomplete current minute is left alone: Groww's
 * LTP endpoint gives a price without a time or a volume, and a quote made of it would put a price into the current
 * minute that is not its open or any trade of it, so bars would no longer equal the candles — candles alone are used.
 *
 * <p><b>End of session.</b> {@link #finish(long) finish(closeMillis)} asks the {@code run} thread to deliver what
 * it has received, then rebuild from candles every instrument's minutes through {@code closeMillis} that the feed
 * did not deliver (instruments without a quote in the last completed minute, silent or held back), then close the
 * feed and return from {@code run}. Call it instead of {@link #close()} once the session is over (e.g. a minute
 * after the close): an instrument silent since 15:10 then has its bars 15:10–15:29 too. {@link #close()} alone stops
 * at once, without that backfill.
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
  private static final long MINUTE = MinuteRepair.MINUTE;
  /** What {@link #rebuild} returns when the candles could not be had (a distinct instance: compared by identity). */
  private static final List<Quote> FAILED = Collections.unmodifiableList(new ArrayList<>());
  /** How often (clock time) the watchdog looks for silent instruments. */
  static final long WATCH_EVERY_MILLIS = 5_000;
  /** At most this many silent instruments are rebuilt from candles per watchdog round. */
  static final int MAX_BACKFILLS_PER_ROUND = 10;

  private final GrowwClient client;
  private final InstrumentLookup lookup;
  private final BlockingQueue<Object> queue;
  private final GrowwFeedConnection connection;
  private final FeedDecoder decoder;
  private final Consumer<FeedStatus> status;
  private final TimeSource clock;
  private final MarketCalendar calendar;
  private final @Nullable Consumer<GrowwOrderUpdate> orderUpdates;
  private final @Nullable Consumer<GrowwPositionUpdate> positionUpdates;
  private final @Nullable Consumer<MarketDepth> depth;
  /** Guards {@link #states}, {@link #priceSubjects} and every {@link State}'s fields (but {@code pending}). */
  private final Object stateLock = new Object();
  private final Map<Instrument, State> states = new HashMap<>();
  private final Map<Instrument, List<String>> priceSubjects = new HashMap<>(); // LTP or index subjects
  private final Map<Instrument, String> indexSubjects = new HashMap<>(); // dispatcher thread only
  private final boolean[] indexVariantLogged = new boolean[2]; // dispatcher thread only: [exchange token, name]
  private String subject = ""; // dispatcher thread only: the subject of the message being decoded
  private final AtomicLong outages = new AtomicLong();
  private final AtomicLong silences = new AtomicLong();
  private final long gapMillis;
  private final Duration gap;
  private final AtomicLong repairs = new AtomicLong();
  private final AtomicLong repairQuotes = new AtomicLong();
  private final AtomicLong held = new AtomicLong();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong depthsDelivered = new AtomicLong();
  private final AtomicLong positionsDelivered = new AtomicLong();
  private final AtomicLong indexDuplicates = new AtomicLong();
  private final AtomicLong silentInstruments = new AtomicLong();
  private final AtomicLong silentRepairs = new AtomicLong();
  private final AtomicLong finalRepairs = new AtomicLong();
  private long lastWatchMillis; // run thread only
  private boolean backfillQueued; // run thread only: a Backfill is in the queue
  private volatile long finishUntil = UNSET;
  private volatile boolean finishing; // the run thread is finishing: the dispatcher hands nothing over any more
  private volatile boolean closed;

  /** An instrument's feed: written by the dispatcher (quotes) and the run thread (watchdog), under stateLock. */
  private static final class State {
    /** When it was subscribed (clock): the start of its minutes when it never quotes. */
    final long sinceMillis;
    /** The time of the last quote handed to the run thread (live, or the end of the minutes rebuilt by the watchdog). */
    long lastMillis;
    long lastVolume;
    long epoch;
    long firstMinute = UNSET;
    boolean recovering;
    /** The watchdog found it silent and re-subscribed it; cleared when its quotes come again. */
    boolean silent;
    /** The last minute the watchdog rebuilt from candles: later quotes of it or before are dropped. */
    long repairedThrough = UNSET;
    /** Bumped whenever a live quote or repair of it is handed to the run thread. */
    long version;
    /** Items decided under the lock but not yet in the queue; written by the dispatcher thread only. */
    volatile int pending;
    /** Whether a failed backfill was logged in this silence (run thread). */
    boolean failureLogged;

    State(long sinceMillis) {
      this.sinceMillis = sinceMillis;
    }

    /** The first minute to rebuild when nothing was delivered since {@link #lastMillis}. */
    long fromMinute() {
      return lastMillis > 0 ? MinuteRepair.minuteOf(lastMillis) : MinuteRepair.ceilMinute(sinceMillis);
    }
  }

  /** Run thread: per instrument, the event time before which it has delivered everything (see completeBeforeMillis). */
  private final Map<Instrument, long[]> completeBefore = new HashMap<>();
  /** Run thread: the second of the latest quote handed over, and the value completeBeforeMillis computed then. */
  private long latestSecond = UNSET;
  private long computedSecond = UNSET;
  private long computedBefore = UNSET;

  /** Repair these minutes of this instrument from candles, then go on with the live quotes behind it. */
  private record Repair(Instrument instrument, long lastMillis, long lastVolume, long fromMinute, long firstMinute) {}

  /** A silent instrument as the watchdog saw it: rebuilt only if nothing of it was handed over since. */
  private record Silent(Instrument instrument, long version, long lastMillis, long lastVolume, long fromMinute,
      long repairedThrough) {
    /** {@code instrument} as its state says now (read under the state lock). */
    static Silent of(Instrument instrument, State s) {
      return new Silent(instrument, s.version, s.lastMillis, s.lastVolume, s.fromMinute(), s.repairedThrough);
    }
  }

  /** The watchdog's round: rebuild these silent instruments' minutes through {@code through}. */
  private record Backfill(long through, List<Silent> instruments) {}

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
    this.gap = b.gap;
    this.gapMillis = b.gap.toMillis();
    this.calendar = b.calendar;
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
    Map<Instrument, List<String>> prices = new HashMap<>();
    int ltp = 0;
    int books = 0;
    int indices = 0;
    for (Instrument i : instruments) {
      try {
        if (i.type() == InstrumentType.IDX) {
          List<String> variants = indexSubjects(i);
          prices.put(i, variants);
          for (String s : variants) {
            subjects.add(s);
            indices++;
          }
        } else {
          String price = FeedSubjects.ltp(i);
          prices.put(i, List.of(price));
          subjects.add(price);
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
    long now = clock.currentTimeMillis();
    synchronized (stateLock) {
      priceSubjects.putAll(prices);
      for (Instrument i : prices.keySet()) {
        if (!states.containsKey(i)) {
          State s = new State(now);
          s.epoch = outages.get();
          states.put(i, s);
        }
      }
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
   * this thread until {@link #close()} — or, after {@link #finish(long)}, until the session's last minutes are
   * rebuilt and the feed closed. The silence watchdog runs on this thread too.
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
        if (finishUntil != UNSET) {
          finish(listener, finishUntil);
          return;
        }
        Object next = queue.poll(100, TimeUnit.MILLISECONDS);
        if (next instanceof Backfill b) {
          backfillQueued = false;
          backfill(b, listener);
        } else if (next != null) {
          handOver(next, listener);
        }
        long now = clock.currentTimeMillis();
        if (now - lastWatchMillis >= WATCH_EVERY_MILLIS && !backfillQueued) {
          lastWatchMillis = now;
          watch(now);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** On the run thread: one item of the queue to its listener or consumer. */
  private void handOver(Object next, QuoteListener listener) {
    if (next instanceof Quote q) {
      advanced(q.instrument(), q.timestampMillis());
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
      List<Quote> quotes = rebuild(r.instrument(), r.lastMillis(), r.lastVolume(), r.fromMinute(), r.firstMinute(),
          "after a feed gap (they stay as received)", true);
      if (quotes != FAILED) {
        repairs.incrementAndGet();
        deliver(quotes, listener);
      }
      advanced(r.instrument(), r.firstMinute() + MINUTE); // rebuilt or not, the live quotes behind it follow
    }
  }

  /** On the run thread: {@code instrument} has delivered everything before {@code millis}. */
  private void advanced(Instrument instrument, long millis) {
    long[] t = completeBefore.get(instrument);
    if (t == null) {
      t = new long[] {millis};
      completeBefore.put(instrument, t);
    } else if (millis > t[0]) {
      t[0] = millis;
    }
    long second = Math.floorDiv(millis, 1000);
    if (second > latestSecond) {
      latestSecond = second;
    }
  }

  /**
   * The event time before which every subscribed instrument has delivered all it will: the least, over the
   * instruments, of the time of its last quote handed over (or of the end of its minutes rebuilt from candles, or of
   * its subscription when nothing came yet). An instrument silent or held back after an outage keeps it — and so the
   * ingestor's watermark — where its quotes stopped until its minutes are rebuilt, so those minutes still make their
   * bars: at the price of holding every instrument's bars back meanwhile (at most about {@link Builder#gap} and a
   * minute for an instrument that stops quoting, since the watchdog rebuilds it every minute from then on).
   * Recomputed at most once per second of event time. Run thread only.
   */
  @Override
  public long completeBeforeMillis() {
    if (latestSecond != computedSecond) {
      computedSecond = latestSecond;
      long min = Long.MAX_VALUE;
      synchronized (stateLock) {
        for (Map.Entry<Instrument, State> e : states.entrySet()) {
          long[] t = completeBefore.get(e.getKey());
          min = Math.min(min, t != null ? t[0] : e.getValue().sinceMillis);
        }
      }
      computedBefore = min;
    }
    return computedBefore;
  }

  private void deliver(List<Quote> quotes, QuoteListener listener) {
    repairQuotes.addAndGet(quotes.size());
    for (Quote q : quotes) {
      advanced(q.instrument(), q.timestampMillis());
      listener.onQuote(q);
      delivered.incrementAndGet();
    }
  }

  /**
   * Ends the session's feed: {@link #run} delivers what it has received so far (live quotes and repairs), then
   * rebuilds from one-minute candles the minutes through {@code untilMillis} (and before the session's close, by the
   * {@linkplain Builder#calendar calendar}) of every subscribed instrument that has no quote in the last of them — it
   * went silent, its quotes were held back, or it did not trade — then {@linkplain #close() closes} the feed and
   * returns. Use it instead of {@code close()} at the end of a session, once the close has passed, e.g.
   * {@code feed.finish(session.closeMillis())} a minute after it: every instrument's bars through the close are then
   * complete. May be called from any thread, also from a listener on the {@code run} thread; it returns at once (wait
   * for {@code run} to return). Only minutes completed by the {@linkplain Builder#clock clock} are rebuilt. Costs one
   * candles call per such instrument (Groww's non-trading limit, 500 a minute, applies). Nothing happens when the
   * feed is closed or {@code run} is never called.
   *
   * @param untilMillis the end (epoch ms, exclusive) of the last minute to complete, e.g. the session's close
   */
  public void finish(long untilMillis) {
    check(untilMillis > 0, "GrowwLiveFeed.finish.untilMillis", "must be a positive epoch millisecond", untilMillis);
    finishUntil = untilMillis;
  }

  /** On the run thread: the end of {@link #finish(long)}. */
  private void finish(QuoteListener listener, long untilMillis) throws InterruptedException {
    finishing = true; // the dispatcher hands nothing more over: what it decided before is in the queue or on its way
    while (true) {
      Object next = queue.poll();
      if (next instanceof Backfill) {
        backfillQueued = false; // the final backfill below covers it
      } else if (next != null) {
        handOver(next, listener);
      } else if (anyPending()) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1)); // an item is on its way into the queue
      } else {
        break;
      }
      if (Thread.interrupted()) {
        throw new InterruptedException("interrupted while finishing the Groww feed");
      }
    }
    long end = Math.min(untilMillis, clock.currentTimeMillis());
    Optional<TradingSession> session = calendar.session(Ist.dateOf(end - 1));
    if (session.isPresent() && end > session.get().openMillis()) {
      end = Math.min(end, session.get().closeMillis());
      long through = MinuteRepair.minuteOf(end - MINUTE);
      List<Silent> todo = new ArrayList<>();
      synchronized (stateLock) {
        for (Map.Entry<Instrument, State> e : states.entrySet()) {
          State s = e.getValue();
          if ((s.lastMillis < through || s.recovering || s.silent) && s.repairedThrough < through
              && s.fromMinute() <= through) {
            todo.add(Silent.of(e.getKey(), s));
          }
        }
      }
      for (Silent x : todo) {
        List<Quote> quotes = rebuild(x.instrument(), x.lastMillis(), x.lastVolume(), x.fromMinute(), through,
            "at the session's end (they stay as received)", true);
        if (quotes != FAILED) {
          finalRepairs.incrementAndGet();
          deliver(quotes, listener);
        }
      }
      LOG.info("Groww feed finished: {} instrument(s) without a quote in the minute before {} rebuilt from candles",
          todo.size(), Ist.at(through + MINUTE));
    }
    close();
  }

  private boolean anyPending() {
    synchronized (stateLock) {
      for (State s : states.values()) {
        if (s.pending != 0) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * On the run thread, every {@value #WATCH_EVERY_MILLIS} ms of the clock: finds instruments silent for more than
   * the gap while the market is open, re-subscribes each once per silence, and queues a backfill of the minutes
   * completed since their last quote (behind everything already queued, so nothing of theirs is still on its way).
   */
  private void watch(long now) {
    if (closed || !connection.isConnected()) {
      return;
    }
    Optional<TradingSession> session = calendar.session(Ist.dateOf(now));
    if (session.isEmpty() || !session.get().isOpenAt(now) || now - session.get().openMillis() <= gapMillis) {
      return;
    }
    long through = MinuteRepair.minuteOf(now) - MINUTE; // the last completed minute
    // more than the gap; a re-subscribed subject counts from its re-subscription, but its instrument stays silent
    Set<String> quiet = new HashSet<>(connection.quietSubjects(gap.plusMillis(1)));
    Map<Instrument, List<String>> newlySilent = new HashMap<>();
    List<Silent> todo = new ArrayList<>();
    synchronized (stateLock) {
      for (Map.Entry<Instrument, List<String>> e : priceSubjects.entrySet()) {
        State s = states.get(e.getKey());
        if (s == null || s.recovering) {
          continue;
        }
        if (!s.silent && quiet.containsAll(e.getValue())) {
          s.silent = true;
          s.failureLogged = false;
          newlySilent.put(e.getKey(), e.getValue());
        }
        if (s.silent && s.pending == 0 && s.repairedThrough < through && s.fromMinute() <= through) {
          todo.add(Silent.of(e.getKey(), s));
        }
      }
    }
    newlySilent.forEach((i, subjects) -> resubscribe(i, subjects));
    if (todo.size() > MAX_BACKFILLS_PER_ROUND) { // the longest unrepaired first; the others in the next rounds
      todo.sort(Comparator.comparingLong(Silent::repairedThrough));
      todo = todo.subList(0, MAX_BACKFILLS_PER_ROUND);
    }
    if (!todo.isEmpty() && queue.offer(new Backfill(through, List.copyOf(todo)))) {
      backfillQueued = true;
    }
  }

  private void resubscribe(Instrument i, List<String> subjects) {
    silentInstruments.incrementAndGet();
    LOG.warn("Groww feed: no message for {} on {} for more than {} while the market is open and the connection is up;"
        + " re-subscribing, and rebuilding its completed minutes from candles while it stays silent", i.id(),
        subjects, gap);
    try {
      connection.unsubscribe(subjects);
      connection.subscribe(subjects);
    } catch (IllegalStateException e) { // closed meanwhile
      LOG.debug("Groww feed: re-subscribing {} skipped: {}", i.id(), e.getMessage());
    }
  }

  /**
   * On the run thread: rebuilds the silent instruments' minutes through {@code b.through()}, each only if nothing
   * of it was handed over since the watchdog looked (else its quotes came again and the repair after the gap covers
   * it), and remembers how far it got.
   */
  private void backfill(Backfill b, QuoteListener listener) {
    for (Silent x : b.instruments()) {
      if (!unchanged(x, b.through())) {
        continue;
      }
      State s;
      synchronized (stateLock) {
        s = states.get(x.instrument());
      }
      List<Quote> quotes = rebuild(x.instrument(), x.lastMillis(), x.lastVolume(), x.fromMinute(), b.through(),
          "while it is silent (tried again each round while it stays silent)", s == null || !s.failureLogged);
      boolean failed = quotes == FAILED;
      synchronized (stateLock) {
        if (failed || !unchanged(x, b.through())) {
          if (failed && s != null) {
            s.failureLogged = true;
          }
          continue;
        }
        s = states.get(x.instrument());
        s.repairedThrough = b.through();
        s.lastMillis = b.through() + MINUTE - 1; // its minutes through b.through() are final
        if (!quotes.isEmpty()) {
          s.lastVolume = quotes.get(quotes.size() - 1).dayVolume();
        }
      }
      silentRepairs.incrementAndGet();
      deliver(quotes, listener);
      advanced(x.instrument(), b.through() + MINUTE);
    }
  }

  /** Whether nothing of {@code x}'s instrument was handed over since the watchdog looked, and it is still silent. */
  private boolean unchanged(Silent x, long through) {
    synchronized (stateLock) {
      State s = states.get(x.instrument());
      return s != null && s.version == x.version() && s.silent && !s.recovering && s.repairedThrough < through;
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
    long minute = MinuteRepair.minuteOf(q.timestampMillis());
    Repair repair = null;
    State s;
    synchronized (stateLock) {
      if (finishing) {
        return;
      }
      s = states.get(q.instrument());
      if (s == null) { // not subscribed through this feed: from now on
        s = new State(q.timestampMillis());
        states.put(q.instrument(), s);
      }
      if (s.lastMillis == 0 && !s.silent) { // first heard now: nothing of it was lost
        s.epoch = epoch;
      }
      if (minute <= s.repairedThrough) {
        held.incrementAndGet(); // its minute was rebuilt from the candle while it was silent
        return;
      }
      if (s.epoch != epoch) {
        s.epoch = epoch;
        s.recovering = true;
        s.silent = false;
        s.firstMinute = UNSET;
      }
      if (!s.recovering && (s.silent || s.lastMillis > 0 && q.timestampMillis() - s.lastMillis > gapMillis)) {
        // silent for longer than the gap threshold without a disconnect: messages may have been lost (or nothing
        // traded); either way the candles say what happened, so the minutes in between are rebuilt from them
        silences.incrementAndGet();
        s.silent = false;
        s.recovering = true;
        s.firstMinute = UNSET;
      }
      if (s.recovering) {
        if (s.firstMinute == UNSET) {
          s.firstMinute = minute;
        }
        if (minute <= s.firstMinute) {
          held.incrementAndGet(); // part of a minute the gap cut open: rebuilt from its candle instead
          return;
        }
        repair = new Repair(q.instrument(), s.lastMillis, s.lastVolume, s.fromMinute(), s.firstMinute);
        s.recovering = false;
      }
      s.lastMillis = q.timestampMillis();
      s.lastVolume = q.dayVolume();
      s.version++;
      s.pending = s.pending + 1; // only this thread writes it
    }
    try {
      if (repair != null) {
        put(repair);
      }
      put(q);
    } finally {
      s.pending = s.pending - 1;
    }
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

  /**
   * On the run thread: the quotes that rebuild an instrument's minutes {@code [fromMinute or the last quote's,
   * through]} from its one-minute candles of that day; {@link #FAILED} when the candles could not be had.
   */
  private List<Quote> rebuild(Instrument i, long lastMillis, long lastVolume, long fromMinute, long through,
      String why, boolean logFailure) {
    LocalDate day = Ist.dateOf(through);
    long open = calendar.session(day).map(TradingSession::openMillis)
        .orElseGet(() -> Ist.toEpochMillis(day, LocalTime.of(9, 15)));
    long last = lastMillis;
    long volume = lastVolume;
    long from = fromMinute;
    if (last > 0 && !Ist.dateOf(last).equals(day)) { // an earlier day's quote: today's minutes from the open
      last = 0;
      volume = 0;
      from = open;
    }
    List<Candle> candles;
    try {
      candles = client.historical().candles(i.exchange(), i.segment(), i.growwSymbol(),
          Ist.at(open).toLocalDateTime(), Ist.at(through).toLocalDateTime(), CandleInterval.MINUTE_1);
    } catch (AitraderException e) {
      if (logFailure) {
        LOG.error("could not rebuild {}'s minutes {} to {} from candles {}: {}", i.id(),
            Ist.at(last > 0 ? last : from), Ist.at(through), why, e.getMessage());
      } else {
        LOG.debug("could not rebuild {} from candles {}: {}", i.id(), why, e.getMessage());
      }
      return FAILED;
    }
    return MinuteRepair.quotes(i, candles, last, volume, from, through);
  }

  /**
   * What the feed has done: quotes delivered, outages, silences (gaps without a disconnect), repairs and their quotes,
   * live quotes held back, messages the decoder dropped, depth snapshots and position updates delivered, index values
   * dropped as duplicates of the other token variant, silent instruments found by the watchdog and their backfills,
   * and the backfills of {@link #finish(long)}.
   */
  public Stats stats() {
    return new Stats(delivered.get(), outages.get(), silences.get(), repairs.get(), repairQuotes.get(), held.get(),
        decoder.stats().totalDropped(), depthsDelivered.get(), positionsDelivered.get(), indexDuplicates.get(),
        silentInstruments.get(), silentRepairs.get(), finalRepairs.get());
  }

  /**
   * Counters of a {@link GrowwLiveFeed}.
   *
   * @param delivered        quotes delivered (live, index values and repaired)
   * @param outages          reconnects after a lost connection
   * @param silences         instruments repaired after a gap without a disconnect (their quotes came again)
   * @param repairs          repairs from candles after a gap (a reconnect or quotes that came again)
   * @param repairQuotes     quotes delivered from candles (repairs, silent and final backfills)
   * @param heldBack         live quotes held back or dropped (their minute was rebuilt from its candle)
   * @param dropped          messages the decoder dropped (malformed, unknown instrument …)
   * @param depths           depth snapshots delivered
   * @param positionUpdates  position updates delivered
   * @param indexDuplicates  index values dropped because they came on the index's other token variant
   * @param silentInstruments silences the watchdog found (instrument silent while the market is open and the
   *                         connection up), each re-subscribed once
   * @param silentRepairs    backfills of silent instruments' completed minutes from candles by the watchdog
   * @param finalRepairs     instruments whose minutes {@link #finish(long)} rebuilt from candles
   */
  public record Stats(long delivered, long outages, long silences, long repairs, long repairQuotes, long heldBack,
      long dropped, long depths, long positionUpdates, long indexDuplicates, long silentInstruments,
      long silentRepairs, long finalRepairs) {}

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
    private MarketCalendar calendar = ExchangeCalendar.nse();
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

    /** The clock of outage windows, status events and the silence watchdog; default the system clock. */
    public Builder clock(TimeSource v) { this.clock = required(v, "clock"); return this; }

    /** Reconnect backoff; default 2 s doubling to 60 s with full jitter, forever. */
    public Builder reconnectPolicy(ReconnectPolicy v) { this.reconnectPolicy = required(v, "reconnectPolicy"); return this; }

    /** How long one connect attempt may take; default 10 s. */
    public Builder connectTimeout(Duration v) { this.connectTimeout = required(v, "connectTimeout"); return this; }

    /**
     * An instrument whose next quote comes more than this much later (event time) than its last one, without a
     * disconnect, is repaired from candles like after an outage; one without any message for this long (clock time)
     * while the market is open is re-subscribed and backfilled by the watchdog. Default 2 minutes. Liquid stocks
     * quote every second; for thin ones a longer gap only costs a candles call per minute they stay quiet and a
     * minute's delay.
     */
    public Builder gap(Duration v) {
      check(v != null && v.toMillis() >= 1_000, "GrowwLiveFeed.gap", "must be at least 1 s", v);
      this.gap = v;
      return this;
    }

    /**
     * When the market is open, for the silence watchdog (no instrument is expected to quote outside the session) and
     * the session's close for {@link GrowwLiveFeed#finish}; default {@code ExchangeCalendar.nse()} (09:15–15:30 IST
     * on NSE trading days, the bundled holiday list). NSE and BSE instruments share it.
     */
    public Builder calendar(MarketCalendar v) { this.calendar = required(v, "calendar"); return this; }

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
