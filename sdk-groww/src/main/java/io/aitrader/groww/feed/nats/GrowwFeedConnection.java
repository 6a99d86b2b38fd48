package io.aitrader.groww.feed.nats;

import io.aitrader.api.AitraderException;
import io.aitrader.api.BrokerException;
import io.aitrader.api.ValidationException;
import io.aitrader.api.time.TimeSource;
import io.aitrader.core.time.SystemTimeSource;
import io.aitrader.groww.Sleeper;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.MessageHandler;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Groww live feed: one NATS-over-WebSocket connection authenticated with a socket JWT and an Ed25519 nkey,
 * carrying up to {@value #MAX_SUBSCRIPTIONS} subscriptions, that reconnects by itself.
 *
 * <pre>{@code
 * GrowwFeedConnection feed = GrowwFeedConnection.builder()
 *     .tokenSource(restClient::createSocketToken)          // POST …/socket/token/create/
 *     .handler((subject, bytes) -> decoder.decode(subject, bytes))
 *     .listener(gapBackfill)                               // onReconnected(outage) → REST backfill
 *     .build();
 * feed.connect();
 * feed.subscribe(List.of("/ld/eq/nse/price.2885", "stocks/order/updates.apex." + feed.subscriptionId()));
 * …
 * feed.close();
 * }</pre>
 *
 * <p><b>Connecting.</b> {@link #connect()} makes a fresh user nkey ({@code NKey.createUser}), asks the
 * {@link SocketTokenSource} for a JWT bound to its public key, connects to the {@code ws://} or {@code wss://} URL
 * and answers the server's nonce with an Ed25519 signature. A refusal or network failure is thrown as a
 * {@link BrokerException} (not retried: the caller decides).
 *
 * <p><b>Subscriptions</b> are plain NATS subjects (building them from instruments is the feed package's job). The
 * list survives reconnects; {@link #subscribe(Collection)} may be called before {@link #connect()} or during an
 * outage, and the subjects are sent when the connection is (back) up. More than {@value #MAX_SUBSCRIPTIONS}
 * subjects at once (Groww's documented limit) are refused with a {@link ValidationException} before anything is
 * sent. Subjects of the account streams that end in {@code .apex.<subscriptionId>} are rewritten if a re-minted
 * token carries a different subscription id.
 *
 * <p><b>Reconnecting.</b> jnats's own reconnect is off. When the connection drops, this class waits according to
 * its {@link ReconnectPolicy} (exponential backoff from 2 s to 60 s with full jitter by default), <b>mints a new
 * nkey and socket token once per outage</b> (the socket JWT's lifetime is not documented, and a stale token would
 * cost a failed attempt; the fresh token is reused by later attempts of the same outage unless the server refuses
 * it, which always triggers a re-mint; {@link Builder#remintOnReconnect(boolean) remintOnReconnect(false)} keeps
 * the old token until the server refuses it or says it expired), connects, resubscribes every subject and then
 * reports the outage's {@code [start, end]} window to the {@link FeedConnectionListener}. Messages in flight when
 * the connection broke may also be lost: a backfill should start from the last message each instrument received
 * (its own timestamp), which is at or before the outage's start.
 *
 * <p><b>Silence.</b> For each subject the time of the last message (by the injected clock) is kept:
 * {@link #quietSubjects(Duration)} lists the subjects without a message for a while, so a detector can backfill
 * instruments that went silent while the market is open.
 *
 * <p><b>Threads.</b> Messages reach the {@link FeedMessageHandler} on one thread at a time, in order. Listener
 * callbacks run on the connection's own event thread ({@code groww-feed-events}), which also runs the reconnect
 * loop. All public methods are thread-safe. {@link #close()} stops everything and leaves no thread behind.
 *
 * <p><b>Secrets.</b> The nkey seed and the JWT are never logged, never put in exception messages and never shown
 * by {@link #toString()}.
 */
public final class GrowwFeedConnection implements AutoCloseable {
  /** Groww's documented limit on live-feed subscriptions at once. */
  public static final int MAX_SUBSCRIPTIONS = 1000;
  /** Groww's live-feed endpoint. */
  public static final String GROWW_FEED_URL = "wss://socket-api.groww.in";

  private static final Logger LOG = LoggerFactory.getLogger(GrowwFeedConnection.class);
  private static final byte[] EMPTY = new byte[0];
  private static final String THREAD_PREFIX = "aitrader-groww-feed";
  private static final ThreadFactory CALLBACK_THREADS = daemon(THREAD_PREFIX + "-callbacks");
  private static final ThreadFactory CONNECT_THREADS = daemon(THREAD_PREFIX + "-connect");

  /** Where a connection is in its life. */
  public enum Status {
    /** Built, {@link #connect()} not called yet (or it failed). */
    NEW,
    /** Connected and subscribed. */
    CONNECTED,
    /** The connection was lost; the reconnect loop is running. */
    RECONNECTING,
    /** The reconnect loop gave up (attempt budget used); {@link #connect()} may be called again. */
    DOWN,
    /** {@link #close()} was called. */
    CLOSED
  }

  private final String url;
  private final SocketTokenSource tokens;
  private final FeedMessageHandler handler;
  private final FeedConnectionListener listener;
  private final TimeSource clock;
  private final ReconnectPolicy policy;
  private final Sleeper sleeper;
  private final RandomGenerator random;
  private final Duration connectTimeout;
  private final Duration pingInterval;
  private final Duration flushTimeout;
  private final boolean remintOnReconnect;
  private final int maxSubscriptions;
  private final @Nullable SSLContext sslContext;
  private final SecureRandom keyRandom;

  private final Object lock = new Object();
  private final Object connectLock = new Object();
  private final Map<String, SubjectActivity> subjects = new ConcurrentHashMap<>();
  private final LinkedBlockingQueue<FeedEvent> events = new LinkedBlockingQueue<>();
  private final Object deliveryLock = new Object();
  private final MessageHandler natsHandler = this::deliver;
  private final ConnectionMonitor.Sink sink = new MonitorSink();
  private final AtomicLong handlerFailures = new AtomicLong();
  private final Set<String> refusedSubjectsLogged = ConcurrentHashMap.newKeySet();

  // guarded by lock
  private @Nullable Connection connection;
  private @Nullable Dispatcher dispatcher;
  private @Nullable ConnectionMonitor monitor;
  private @Nullable FeedCredentials credentials;
  private @Nullable Thread eventThread;
  private volatile Status status = Status.NEW;
  private volatile boolean remintNext;

  private GrowwFeedConnection(Builder b) {
    this.url = b.url;
    this.tokens = ValidationException.required(b.tokens, "GrowwFeedConnection.tokenSource");
    this.handler = ValidationException.required(b.handler, "GrowwFeedConnection.handler");
    this.listener = b.listener;
    this.clock = b.clock;
    this.policy = b.policy;
    this.sleeper = b.sleeper;
    this.random = b.random;
    this.connectTimeout = b.connectTimeout;
    this.pingInterval = b.pingInterval;
    this.flushTimeout = b.flushTimeout;
    this.remintOnReconnect = b.remintOnReconnect;
    this.maxSubscriptions = b.maxSubscriptions;
    this.sslContext = b.sslContext;
    this.keyRandom = new SecureRandom();
  }

  /** A builder; {@link Builder#tokenSource} and {@link Builder#handler} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Mints credentials, connects, sends every subscription made so far and starts watching the connection. Does
   * nothing when already connected or reconnecting.
   *
   * @throws BrokerException when the token cannot be minted, the server refuses the credentials (not retryable)
   *     or cannot be reached (retryable)
   * @throws IllegalStateException after {@link #close()}
   */
  public void connect() {
    synchronized (connectLock) {
      connectOnce();
    }
  }

  private void connectOnce() {
    synchronized (lock) {
      requireOpen();
      if (status == Status.CONNECTED || status == Status.RECONNECTING) {
        return;
      }
    }
    FeedCredentials creds = mint();
    try {
      open(creds, true);
    } catch (RuntimeException e) {
      creds.clear();
      throw e;
    }
    synchronized (lock) {
      if (eventThread == null && status != Status.CLOSED) {
        Thread t = new Thread(this::runEvents, "groww-feed-events");
        t.setDaemon(true);
        eventThread = t;
        t.start();
      }
    }
    LOG.info("Groww feed connected to {} ({} subscription(s))", url, subjects.size());
  }

  /** As {@link #subscribe(Collection)} for one subject. */
  public void subscribe(String subject) {
    subscribe(List.of(subject));
  }

  /**
   * Adds subjects (already subscribed ones are ignored) and, when connected, sends them and waits for the server
   * to have them (a flush). All or nothing: when the total would exceed the limit nothing is subscribed.
   *
   * @throws ValidationException when a subject is blank or contains whitespace, or when the connection would hold
   *     more than {@value #MAX_SUBSCRIPTIONS} (or the configured maximum) subscriptions
   * @throws IllegalStateException after {@link #close()}
   */
  public void subscribe(Collection<String> newSubjects) {
    ValidationException.required(newSubjects, "GrowwFeedConnection.subjects");
    for (String s : newSubjects) {
      checkSubject(s);
    }
    Connection c;
    int added = 0;
    synchronized (lock) {
      requireOpen();
      Set<String> fresh = new LinkedHashSet<>();
      for (String s : newSubjects) {
        if (!subjects.containsKey(s)) {
          fresh.add(s);
        }
      }
      int held = subjects.size();
      int total = held + fresh.size();
      if (total > maxSubscriptions) {
        throw new ValidationException(
            "GrowwFeedConnection.subscriptions",
            "GrowwFeedConnection.subscriptions must be at most " + maxSubscriptions
                + " (Groww allows " + MAX_SUBSCRIPTIONS + " live-feed subscriptions at once), was " + total
                + " (" + held + " held + " + fresh.size() + " new); nothing was subscribed: unsubscribe some first");
      }
      long now = clock.currentTimeMillis();
      for (String s : fresh) {
        subjects.put(s, new SubjectActivity(s, now));
        if (dispatcher != null && sendSubscribe(dispatcher, s)) {
          added++;
        }
      }
      c = connection;
    }
    if (c != null && added > 0) {
      flush(c);
    }
  }

  /** As {@link #unsubscribe(Collection)} for one subject. */
  public void unsubscribe(String subject) {
    unsubscribe(List.of(subject));
  }

  /** Removes subjects (unknown ones are ignored); when connected the server is told at once. */
  public void unsubscribe(Collection<String> oldSubjects) {
    ValidationException.required(oldSubjects, "GrowwFeedConnection.subjects");
    Connection c;
    int removed = 0;
    synchronized (lock) {
      for (String s : oldSubjects) {
        if (subjects.remove(s) != null && dispatcher != null && sendUnsubscribe(dispatcher, s)) {
          removed++;
        }
      }
      c = connection;
    }
    if (c != null && removed > 0) {
      flush(c);
    }
  }

  /** The subscribed subjects, sorted (those sent and those waiting for a connection). */
  public Set<String> subscriptions() {
    return new TreeSet<>(subjects.keySet());
  }

  /**
   * The subscription id of the current socket token (for the account-stream subjects).
   *
   * @throws IllegalStateException before the first successful {@link #connect()}
   */
  public String subscriptionId() {
    synchronized (lock) {
      if (credentials == null) {
        throw new IllegalStateException("GrowwFeedConnection has no socket token yet: call connect() first");
      }
      return credentials.grant().subscriptionId();
    }
  }

  /** Where the connection is in its life. */
  public Status status() {
    return status;
  }

  /** Whether the connection is up and subscribed. */
  public boolean isConnected() {
    return status == Status.CONNECTED;
  }

  /** The clock time of the last message on {@code subject}; empty when none came or it is not subscribed. */
  public OptionalLong lastMessageMillis(String subject) {
    SubjectActivity a = subjects.get(subject);
    if (a == null || a.lastMessageMillis == SubjectActivity.NEVER) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(a.lastMessageMillis);
  }

  /**
   * The subscribed subjects that have had no message for at least {@code quietFor}, counted from their last
   * message or, when none came yet, from their (re)subscription. Sorted.
   */
  public List<String> quietSubjects(Duration quietFor) {
    ValidationException.required(quietFor, "GrowwFeedConnection.quietFor");
    long limit = clock.currentTimeMillis() - quietFor.toMillis();
    List<String> quiet = new ArrayList<>();
    for (SubjectActivity a : subjects.values()) {
      if (a.lastSignOfLifeMillis() <= limit) {
        quiet.add(a.subject);
      }
    }
    quiet.sort(null);
    return quiet;
  }

  /** How many times the {@link FeedMessageHandler} threw. */
  public long handlerFailures() {
    return handlerFailures.get();
  }

  /** Closes the connection and stops the event thread. Idempotent; waits for the threads to end. */
  @Override
  public void close() {
    Thread t;
    Connection c;
    ConnectionMonitor mon;
    FeedCredentials creds;
    synchronized (lock) {
      if (status == Status.CLOSED) {
        return;
      }
      status = Status.CLOSED;
      c = connection;
      mon = monitor;
      connection = null;
      dispatcher = null;
      monitor = null;
      creds = credentials;
      t = eventThread;
      eventThread = null;
    }
    events.add(FeedEvent.Stop.INSTANCE);
    if (t != null && t != Thread.currentThread()) {
      t.interrupt();
      try {
        t.join(connectTimeout.toMillis() + 5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (c != null) {
      closeQuietly(c);
    }
    if (mon != null) {
      mon.release();
    }
    if (creds != null) {
      creds.clear();
    }
    LOG.info("Groww feed closed");
  }

  @Override
  public String toString() {
    return "GrowwFeedConnection[" + url + ", " + status + ", " + subjects.size() + " subscription(s)]";
  }

  // --- connecting ---------------------------------------------------------------------------------------------

  private FeedCredentials mint() {
    try {
      return FeedCredentials.mint(tokens, keyRandom);
    } catch (AitraderException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new BrokerException("cannot mint a Groww socket token: " + e.getClass().getSimpleName(), true, e);
    }
  }

  /**
   * Connects with {@code creds}, installs the connection and resubscribes everything. {@code first}: queue the
   * connected event (inside the lock, so a loss of this connection is always queued after it).
   */
  private void open(FeedCredentials creds, boolean first) {
    ConnectionMonitor m = new ConnectionMonitor(sink, CALLBACK_THREADS, CONNECT_THREADS);
    Options options;
    try {
      options = options(creds, m);
    } catch (RuntimeException e) {
      m.release();
      throw e;
    }
    Connection c;
    try {
      c = Nats.connect(options);
    } catch (IOException e) {
      m.release();
      boolean auth = m.authRefused() || ConnectionMonitor.isAuthError(e.getMessage());
      if (auth) {
        remintNext = true;
      }
      String detail = creds.redact(String.valueOf(e.getMessage()));
      throw new BrokerException(
          auth
              ? "Groww feed at " + url + " refused the socket token (" + detail + ")"
              : "cannot connect to the Groww feed at " + url + ": " + detail,
          !auth);
    } catch (InterruptedException e) {
      m.release();
      Thread.currentThread().interrupt();
      throw new BrokerException("interrupted while connecting to the Groww feed", true);
    }
    remintNext = false;
    FeedCredentials old;
    synchronized (lock) {
      if (status == Status.CLOSED) {
        closeQuietly(c);
        m.release();
        creds.clear();
        throw new IllegalStateException("GrowwFeedConnection was closed while connecting");
      }
      old = credentials;
      moveAccountSubjects(old, creds);
      long now = clock.currentTimeMillis();
      Dispatcher d;
      try {
        d = c.createDispatcher(natsHandler);
        for (SubjectActivity a : subjects.values()) {
          a.sinceMillis = now;
          d.subscribe(a.subject);
        }
      } catch (IllegalStateException e) {
        closeQuietly(c);
        m.release();
        throw new BrokerException("the Groww feed connection closed while subscribing: " + e.getMessage(), true);
      }
      connection = c;
      dispatcher = d;
      monitor = m;
      credentials = creds;
      status = Status.CONNECTED;
      if (first) {
        events.add(new FeedEvent.Connected(now, creds.grant().subscriptionId()));
      }
    }
    if (old != null && old != creds) {
      old.clear();
    }
    flush(c);
    if (m.lost()) {
      sink.connectionLost(m, m.reason());
    }
  }

  private Options options(FeedCredentials creds, ConnectionMonitor m) {
    Options.Builder o =
        Options.builder()
            .server(url)
            .connectionName(THREAD_PREFIX)
            .authHandler(creds)
            .noReconnect()
            .noEcho()
            .connectionTimeout(connectTimeout)
            .pingInterval(pingInterval)
            .connectionListener(m)
            .errorListener(m)
            .callbackExecutor(m.callbackExecutor())
            .connectExecutor(m.connectExecutor());
    if (sslContext != null) {
      o.sslContext(sslContext);
    } else if (isSecure(url)) {
      try {
        o.sslContext(SSLContext.getDefault());
      } catch (NoSuchAlgorithmException e) {
        throw new BrokerException("no default TLS context for " + url, false, e);
      }
    }
    return o.build();
  }

  /** After a re-mint with a different subscription id, the account-stream subjects follow the new id. */
  private void moveAccountSubjects(@Nullable FeedCredentials old, FeedCredentials fresh) {
    if (old == null) {
      return;
    }
    String oldSuffix = ".apex." + old.grant().subscriptionId();
    String newSuffix = ".apex." + fresh.grant().subscriptionId();
    if (oldSuffix.equals(newSuffix)) {
      return;
    }
    for (String s : List.copyOf(subjects.keySet())) {
      if (s.endsWith(oldSuffix)) {
        String moved = s.substring(0, s.length() - oldSuffix.length()) + newSuffix;
        SubjectActivity a = subjects.remove(s);
        subjects.put(moved, new SubjectActivity(moved, a == null ? clock.currentTimeMillis() : a.sinceMillis));
        LOG.info("Groww feed: the subscription id changed; {} now follows the new id", s.substring(0, s.indexOf('.')));
      }
    }
  }

  private void flush(Connection c) {
    try {
      c.flush(flushTimeout);
    } catch (TimeoutException | IllegalStateException e) {
      LOG.debug("Groww feed: flush did not complete: {}", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // --- the event thread: listener callbacks and the reconnect loop ---------------------------------------------

  private void runEvents() {
    while (status != Status.CLOSED) {
      FeedEvent e;
      try {
        e = events.take();
      } catch (InterruptedException ie) {
        return;
      }
      if (e instanceof FeedEvent.Stop) {
        return;
      } else if (e instanceof FeedEvent.Connected ok) {
        notify(() -> listener.onConnected(Instant.ofEpochMilli(ok.atMillis()), ok.subscriptionId()));
      } else if (e instanceof FeedEvent.Refused r) {
        if (refusedSubjectsLogged.add(r.subject())) {
          LOG.warn("Groww feed refused the subscription to {}: {}", r.subject(), r.serverError());
        }
        notify(() -> listener.onSubscriptionRefused(r.subject(), r.serverError()));
      } else if (e instanceof FeedEvent.Lost lost) {
        reconnect(lost);
      }
    }
  }

  private void reconnect(FeedEvent.Lost lost) {
    closeQuietly(lost.connection());
    lost.monitor().release();
    Instant start = Instant.ofEpochMilli(lost.atMillis());
    LOG.warn("Groww feed connection lost ({}); reconnecting", lost.reason());
    notify(() -> listener.onDisconnected(start, lost.reason()));
    FeedCredentials pending = null; // minted during this outage and not used yet
    try {
      int attempt = 0;
      while (status == Status.RECONNECTING) {
        attempt++;
        try {
          sleeper.sleep(policy.delayBefore(attempt, random));
        } catch (InterruptedException e) {
          return;
        }
        if (status != Status.RECONNECTING) {
          return;
        }
        String failure;
        try {
          if (remintNext || (pending == null && remintOnReconnect)) {
            if (pending != null) {
              pending.clear();
            }
            pending = null;
            pending = mint();
            remintNext = false;
          }
          FeedCredentials creds = pending != null ? pending : currentCredentials();
          open(creds, false);
          pending = null;
          Instant end = Instant.ofEpochMilli(clock.currentTimeMillis());
          FeedOutage outage = new FeedOutage(start, end, attempt, lost.reason());
          String sid = creds.grant().subscriptionId();
          LOG.info(
              "Groww feed reconnected after {} ms and {} attempt(s); {} subscription(s) sent again",
              outage.duration().toMillis(), attempt, subjects.size());
          notify(() -> listener.onReconnected(outage, sid));
          return;
        } catch (RuntimeException e) {
          failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        int failedAttempt = attempt;
        LOG.warn("Groww feed reconnect attempt {} failed: {}", attempt, failure);
        notify(() -> listener.onReconnectAttemptFailed(failedAttempt, failure));
        if (policy.exhausted(attempt)) {
          synchronized (lock) {
            if (status == Status.RECONNECTING) {
              status = Status.DOWN;
            }
          }
          int attempts = attempt;
          LOG.error("Groww feed: giving up after {} reconnect attempts; call connect() to try again", attempts);
          notify(() -> listener.onReconnectAbandoned(start, attempts, failure));
          return;
        }
      }
    } finally {
      if (pending != null) {
        pending.clear();
      }
    }
  }

  private FeedCredentials currentCredentials() {
    synchronized (lock) {
      return credentials == null ? mint() : credentials;
    }
  }

  private void notify(Runnable callback) {
    try {
      callback.run();
    } catch (RuntimeException e) {
      LOG.warn("Groww feed: a FeedConnectionListener threw", e);
    }
  }

  /** jnats's callbacks for the installed connection. */
  private final class MonitorSink implements ConnectionMonitor.Sink {
    @Override
    public void connectionLost(ConnectionMonitor m, String reason) {
      Connection c;
      synchronized (lock) {
        if (m != monitor || status != Status.CONNECTED) {
          return;
        }
        c = connection;
        connection = null;
        dispatcher = null;
        monitor = null;
        status = Status.RECONNECTING;
      }
      if (m.authRefused()) {
        remintNext = true;
      }
      if (c != null) {
        events.add(new FeedEvent.Lost(c, m, clock.currentTimeMillis(), reason));
      }
    }

    @Override
    public void subscriptionRefused(String subject, String serverError) {
      events.add(new FeedEvent.Refused(subject, serverError));
    }
  }

  // --- the message path (per message: no allocation here beyond what jnats made) ---------------------------------

  private void deliver(Message m) {
    String subject = m.getSubject();
    byte[] data = m.getData();
    synchronized (deliveryLock) {
      SubjectActivity a = subjects.get(subject);
      if (a != null) {
        a.lastMessageMillis = clock.currentTimeMillis();
        a.messages++;
      }
      try {
        handler.onMessage(subject, data == null ? EMPTY : data);
      } catch (RuntimeException e) {
        long n = handlerFailures.incrementAndGet();
        if (Long.bitCount(n) == 1) {
          LOG.warn("Groww feed: the message handler threw ({} time(s) so far) on {}", n, subject, e);
        }
      }
    }
  }

  // --- helpers ------------------------------------------------------------------------------------------------

  private void requireOpen() {
    if (status == Status.CLOSED) {
      throw new IllegalStateException("GrowwFeedConnection is closed");
    }
  }

  private static void checkSubject(String subject) {
    ValidationException.requireText(subject, "GrowwFeedConnection.subject");
    for (int i = 0; i < subject.length(); i++) {
      if (Character.isWhitespace(subject.charAt(i))) {
        throw new ValidationException(
            "GrowwFeedConnection.subject",
            "GrowwFeedConnection.subject must not contain whitespace, was '" + subject + "'");
      }
    }
  }

  private static boolean isSecure(String url) {
    String scheme = URI.create(url).getScheme();
    return "wss".equalsIgnoreCase(scheme) || "tls".equalsIgnoreCase(scheme);
  }

  /** False when the connection is closing: the subject stays listed and is sent after the reconnect. */
  private static boolean sendSubscribe(Dispatcher d, String subject) {
    try {
      d.subscribe(subject);
      return true;
    } catch (IllegalStateException e) {
      LOG.debug("Groww feed: subscribe to {} deferred, the connection is closing", subject);
      return false;
    }
  }

  private static boolean sendUnsubscribe(Dispatcher d, String subject) {
    try {
      d.unsubscribe(subject);
      return true;
    } catch (IllegalStateException e) {
      LOG.debug("Groww feed: unsubscribe from {} skipped, the connection is closing", subject);
      return false;
    }
  }

  private static ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Options of a {@link GrowwFeedConnection}. Defaults: Groww's URL, backoff 2 s → 60 s with full jitter, re-mint
   * on every reconnect, 10 s connect and flush timeouts, a ping every 20 s (two missed pongs drop the connection),
   * at most 1000 subscriptions, the system clock. Not thread-safe.
   */
  public static final class Builder {
    private String url = GROWW_FEED_URL;
    private @Nullable SocketTokenSource tokens;
    private @Nullable FeedMessageHandler handler;
    private FeedConnectionListener listener = FeedConnectionListener.NONE;
    private TimeSource clock = SystemTimeSource.INSTANCE;
    private ReconnectPolicy policy = ReconnectPolicy.defaults();
    private Sleeper sleeper = Sleeper.THREAD;
    private RandomGenerator random = new SplittableRandom();
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration pingInterval = Duration.ofSeconds(20);
    private Duration flushTimeout = Duration.ofSeconds(10);
    private boolean remintOnReconnect = true;
    private int maxSubscriptions = MAX_SUBSCRIPTIONS;
    private @Nullable SSLContext sslContext;

    private Builder() {}

    /** The feed URL ({@code ws://}, {@code wss://}); default {@value GrowwFeedConnection#GROWW_FEED_URL}. */
    public Builder url(String url) {
      ValidationException.requireText(url, "GrowwFeedConnection.url");
      String scheme = URI.create(url).getScheme();
      ValidationException.check(
          scheme != null && List.of("ws", "wss", "nats", "tls").contains(scheme.toLowerCase(Locale.ROOT)),
          "GrowwFeedConnection.url", "must start with ws://, wss://, nats:// or tls://", url);
      this.url = url;
      return this;
    }

    /** Mints socket tokens (required): the REST client's socket-token call. */
    public Builder tokenSource(SocketTokenSource tokens) {
      this.tokens = ValidationException.required(tokens, "GrowwFeedConnection.tokenSource");
      return this;
    }

    /** Receives every message (required). */
    public Builder handler(FeedMessageHandler handler) {
      this.handler = ValidationException.required(handler, "GrowwFeedConnection.handler");
      return this;
    }

    /** Hears connects, outages and refusals; default none. */
    public Builder listener(FeedConnectionListener listener) {
      this.listener = ValidationException.required(listener, "GrowwFeedConnection.listener");
      return this;
    }

    /** The clock for message times and outage windows; default the system clock. */
    public Builder clock(TimeSource clock) {
      this.clock = ValidationException.required(clock, "GrowwFeedConnection.clock");
      return this;
    }

    /** How reconnect attempts are spaced; default {@link ReconnectPolicy#defaults()}. */
    public Builder reconnectPolicy(ReconnectPolicy policy) {
      this.policy = ValidationException.required(policy, "GrowwFeedConnection.reconnectPolicy");
      return this;
    }

    /** How to wait between attempts (tests); default {@link Sleeper#THREAD}. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = ValidationException.required(sleeper, "GrowwFeedConnection.sleeper");
      return this;
    }

    /** The jitter's random source (tests); used by the event thread only. */
    public Builder random(RandomGenerator random) {
      this.random = ValidationException.required(random, "GrowwFeedConnection.random");
      return this;
    }

    /** How long one connection attempt may take (a refused token also costs up to this); default 10 s. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "GrowwFeedConnection.connectTimeout");
      return this;
    }

    /** How often the client pings the server to notice a dead connection; default 20 s. */
    public Builder pingInterval(Duration interval) {
      this.pingInterval = positive(interval, "GrowwFeedConnection.pingInterval");
      return this;
    }

    /** How long a subscribe waits for the server's confirmation; default 10 s (as the official SDK). */
    public Builder flushTimeout(Duration timeout) {
      this.flushTimeout = positive(timeout, "GrowwFeedConnection.flushTimeout");
      return this;
    }

    /**
     * Whether every reconnect mints a new nkey and socket token (default true); when false the token is reused
     * until the server refuses it or says it expired.
     */
    public Builder remintOnReconnect(boolean remint) {
      this.remintOnReconnect = remint;
      return this;
    }

    /** A lower cap than Groww's 1000 subscriptions (1–1000). */
    public Builder maxSubscriptions(int max) {
      ValidationException.check(
          max >= 1 && max <= MAX_SUBSCRIPTIONS, "GrowwFeedConnection.maxSubscriptions", "must be 1–1000", max);
      this.maxSubscriptions = max;
      return this;
    }

    /** The TLS context for {@code wss://}; default the JVM's default context (its trust store). */
    public Builder sslContext(SSLContext context) {
      this.sslContext = ValidationException.required(context, "GrowwFeedConnection.sslContext");
      return this;
    }

    /**
     * A new, not yet connected feed connection.
     *
     * @throws ValidationException when the token source or the handler is missing
     */
    public GrowwFeedConnection build() {
      return new GrowwFeedConnection(this);
    }

    private static Duration positive(Duration d, String field) {
      ValidationException.required(d, field);
      ValidationException.check(!d.isNegative() && !d.isZero(), field, "must be > 0", d);
      return d;
    }
  }
}
