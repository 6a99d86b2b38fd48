package io.aitrader.groww.fake;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import com.sun.net.httpserver.HttpServer;
import io.aitrader.api.Registration;
import io.aitrader.api.Secret;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.money.Money;
import io.aitrader.api.order.Order;
import io.aitrader.api.time.Ist;
import io.aitrader.api.time.TimeSource;
import io.aitrader.core.instruments.InMemoryInstrumentRepository;
import io.aitrader.core.time.ManualTimeSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embeddable fake of the Groww Trading API (REST): an HTTP server on a loopback port serving every endpoint of
 * the protocol reference with Groww's envelopes, error codes, auth checks and rate limits, over an order book that
 * fills orders from a deterministic synthetic market as the fake's clock advances.
 *
 * <pre>{@code
 * ManualTimeSource clock = new ManualTimeSource(FakeGroww.DEFAULT_START_MILLIS);  // a Monday, 10:00 IST
 * try (FakeGroww fake = FakeGroww.builder().clock(clock).seed(7).build().start()) {
 *   GrowwClient client = ... fake.baseUrl() ..., fake.csvUrl() ..., FakeGroww.DEFAULT_API_KEY,
 *       FakeGroww.DEFAULT_TOTP_SECRET ...;
 *   client.placeOrder(...);                               // answered OPEN
 *   fake.advanceBy(Duration.ofMinutes(1));                // the market ticks: a MARKET order is EXECUTED
 *   fake.faults().delayNext("/v1/order/create", Duration.ofSeconds(5));   // client error paths
 *   assertThat(fake.requests()).anyMatch(r -> r.isFor("/v1/order/create"));
 * }
 * }</pre>
 *
 * <p><b>Wire.</b> {@link #baseUrl()} stands for {@code https://api.groww.in}: both path families are served
 * ({@code /v1/order/create} and {@code /v1/api/apex/v1/order/create}, trailing slashes ignored). Successes are
 * {@code {"status":"SUCCESS","payload":…}} (HTTP 200; smart-order create 201); failures {@code
 * {"status":"FAILURE","error":{"code","message","metadata"}}}: GA001/400 validation (the message names the field,
 * the rule and the value), GA004/404 unknown order or endpoint, GA006/400 an order that is already terminal,
 * GA007/400 a reused {@code order_reference_id}, GA005/401 a missing, wrong, revoked or expired access token,
 * GA003/429 a rate limit (with {@code Retry-After} and {@code metadata.retry_after_ms}), GA003/503 the socket token
 * without a {@link SocketTokenIssuer}. The token mint answers at top level ({@code token, expiry, active}); its
 * errors carry {@code error.displayMessage}.
 *
 * <p><b>Auth.</b> The fake knows an API key, a TOTP secret and an API secret ({@link #DEFAULT_API_KEY} … unless
 * built with others). {@code POST /v1/token/api/access} with {@code Authorization: Bearer <API key>} mints an
 * access token for {@code {"key_type":"totp","totp":<code>}} (RFC 6238, SHA-1, 6 digits, 30 s, ±1 step accepted) or
 * {@code {"key_type":"approval","checksum":sha256hex(secret+ts),"timestamp":ts}} (integer or string). Tokens
 * expire at the next 06:00 IST of the fake's clock; {@link Faults#expireTokens()} revokes them at once.
 *
 * <p><b>Rate limits</b> (on by default): Orders (create/modify/cancel) 10/s and 250/min, Live Data
 * (quote/LTP/OHLC) 10/s and 300/min, Non Trading (order status/detail/list/trades, holdings, positions, margins)
 * 20/s and 500/min, as sliding windows on the fake's clock. With a clock that does not move, the 11th order call
 * gets 429 until the clock moves on.
 *
 * <p><b>Market and orders.</b> Prices come from {@link FakeMarket} (synthetic one-minute bars, four ticks a
 * minute). Orders go to a {@code PaperBroker}: LIMIT/SL/SL-M/MARKET, DAY orders expire at the session close, BUYs
 * need cash (MIS 20%, FNO 15% of the value). The market only moves when asked: {@link #advanceTo}, {@link
 * #advanceBy}, {@link #sync()} — every authenticated request first syncs to the clock, so with a system clock the
 * fake catches up lazily ({@link Builder#autoAdvanceEvery} runs it on a timer, e.g. for order events in demos).
 *
 * <p><b>The fake's choices where Groww's behaviour is UNCONFIRMED</b>: modify answers {@code
 * MODIFICATION_REQUESTED} and cancel {@code CANCELLATION_REQUESTED} (the order then reads OPEN / CANCELLED);
 * working orders read {@code OPEN} (stop orders {@code TRIGGER_PENDING}); absent prices are {@code 0}; order lists
 * are newest first (page_size default 100); position prices are rupees unless {@link
 * Builder#positionPricesInPaise}; positions are the current IST day's fills, holdings the CNC buys of earlier days;
 * OHLC values are the non-JSON string form unless {@link Builder#ohlcAsObject}; candle spans above the documented
 * maximum are refused with GA001; the smart-order list's container key is {@code order_list}.
 *
 * <p>Thread-safe. Requests are served on a small pool of daemon threads and processed one at a time under one lock
 * (an injected delay is waited outside it). Credentials are never logged or echoed; the request log redacts the
 * {@code Authorization} value.
 */
public final class FakeGroww implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FakeGroww.class);

  /** The API key the fake accepts unless built with another. */
  public static final String DEFAULT_API_KEY = "fake-groww-api-key";
  /** The TOTP secret (base32) of the default API key. */
  public static final String DEFAULT_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
  /** The API secret for the approval flow, unless built with another. */
  public static final String DEFAULT_API_SECRET = "fake-groww-api-secret";
  /** The default clock's start: Monday 2 June 2025, 10:00 IST (the market is open). */
  public static final long DEFAULT_START_MILLIS = Ist.toEpochMillis(LocalDate.of(2025, 6, 2), LocalTime.of(10, 0));
  /** The path of the instrument master CSV ({@link #csvUrl()}). */
  public static final String CSV_PATH = "/instruments/instrument.csv";

  private final Object lock = new Object();
  private final Builder config;
  private final TimeSource clock;
  private final FakeMarket market;
  private final List<Instrument> instruments;
  private final Auth auth;
  private final Faults faults;
  private final RequestLog requestLog = new RequestLog();
  private final OrderBook orders;
  private final MarketDriver driver;
  private final Endpoints endpoints;
  private @Nullable HttpServer server;
  private @Nullable ExecutorService executor;
  private @Nullable ScheduledExecutorService ticker;
  private boolean closed;

  private FakeGroww(Builder b) {
    this.config = b;
    this.clock = b.clock != null ? b.clock : new ManualTimeSource(DEFAULT_START_MILLIS);
    this.market = b.market != null ? b.market : FakeMarket.synthetic(b.seed);
    InMemoryInstrumentRepository repo = b.instruments != null ? InMemoryInstrumentRepository.of(b.instruments)
        : InMemoryInstrumentRepository.bundledNse();
    this.instruments = repo.all();
    this.auth = new Auth(Secret.of(b.apiKey), Secret.of(b.totpSecret), Secret.of(b.apiSecret),
        Optional.ofNullable(b.accessToken).map(Secret::of), clock);
    this.faults = new Faults(() -> {
      synchronized (lock) {
        auth.expireAll();
      }
    });
    Account account = new Account(b.cash.units(), b.positionPricesInPaise);
    this.orders = new OrderBook(repo, market, clock, account, b.seed);
    this.driver = new MarketDriver(market, clock.currentTimeMillis());
    this.endpoints = new Endpoints(b, repo, market, clock, account, orders, auth);
    driver.add(new MarketDriver.Participant() {
      @Override
      public java.util.Set<Instrument> active() {
        return orders.working();
      }

      @Override
      public void onTick(io.aitrader.api.market.Tick tick) {
        orders.onTick(tick);
      }

      @Override
      public void endOfDay(long closeMillis) {
        orders.endOfDay(closeMillis);
      }
    });
    endpoints.participants().forEach(driver::add);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Binds the loopback port and starts serving; returns this. */
  public FakeGroww start() {
    synchronized (lock) {
      check(server == null && !closed, "FakeGroww.start", "must be called once, before close", "started");
      try {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port), 0);
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
          Thread t = new Thread(r, "fake-groww-http-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
        s.setExecutor(pool);
        s.createContext("/", new HttpFront(lock, clock, endpoints.routes(), auth, endpoints.rates(), faults, requestLog,
            driver::advanceTo));
        s.start();
        server = s;
        executor = pool;
        if (config.autoAdvance != null) {
          ScheduledExecutorService t = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread th = new Thread(r, "fake-groww-ticker");
            th.setDaemon(true);
            return th;
          });
          long period = config.autoAdvance.toMillis();
          t.scheduleAtFixedRate(this::syncQuietly, period, period, TimeUnit.MILLISECONDS);
          ticker = t;
        }
        log.info("fake Groww listening on {} ({} instruments)", baseUrl(), instruments.size());
        return this;
      } catch (IOException e) {
        throw new UncheckedIOException("fake Groww could not bind port " + config.port, e);
      }
    }
  }

  /** The root URL standing for {@code https://api.groww.in}, e.g. {@code http://127.0.0.1:41234}. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + port());
  }

  /** The instrument master CSV's URL (no auth), standing for Groww's {@code instrument.csv}. */
  public URI csvUrl() {
    return URI.create("http://127.0.0.1:" + port() + CSV_PATH);
  }

  /** The bound port. */
  public int port() {
    HttpServer s = server;
    check(s != null, "FakeGroww.port", "is known after start()", "not started");
    return s.getAddress().getPort();
  }

  /** The fake's clock. */
  public TimeSource clock() {
    return clock;
  }

  /** The market that prices everything. */
  public FakeMarket market() {
    return market;
  }

  /** The instruments the fake serves (its instrument master). */
  public List<Instrument> instruments() {
    return instruments;
  }

  /**
   * Moves the fake to {@code epochMillis}: sets the clock when it is a {@link ManualTimeSource} (forward only) and
   * delivers the market up to that time (fills, triggers, end-of-day expiry, order events). With another clock,
   * {@code epochMillis} must not be after its current time.
   */
  public void advanceTo(long epochMillis) {
    synchronized (lock) {
      if (clock instanceof ManualTimeSource manual) {
        if (epochMillis > manual.currentTimeMillis()) {
          manual.set(epochMillis);
        }
      } else {
        check(epochMillis <= clock.currentTimeMillis(), "FakeGroww.advanceTo",
            "must not be after the clock's time " + clock.currentTimeMillis() + " (the clock is not a ManualTimeSource)",
            epochMillis);
      }
      driver.advanceTo(epochMillis);
    }
  }

  /** {@link #advanceTo} the clock's time plus {@code duration}; returns the new time. */
  public long advanceBy(Duration duration) {
    required(duration, "FakeGroww.advanceBy");
    synchronized (lock) {
      long target = Math.addExact(clock.currentTimeMillis(), duration.toMillis());
      advanceTo(target);
      return target;
    }
  }

  /** Delivers the market up to the clock's current time (done before every authenticated request anyway). */
  public void sync() {
    synchronized (lock) {
      driver.advanceTo(clock.currentTimeMillis());
    }
  }

  private void syncQuietly() {
    try {
      sync();
    } catch (RuntimeException e) {
      log.warn("fake Groww auto-advance failed: {}", e.toString());
    }
  }

  /** Fault injection for the next requests. */
  public Faults faults() {
    return faults;
  }

  /** The requests received so far (the last 10,000), oldest first. */
  public List<RecordedRequest> requests() {
    return requestLog.snapshot();
  }

  /** The requests received so far whose path (either family) starts with {@code pathPrefix}. */
  public List<RecordedRequest> requests(String pathPrefix) {
    return requestLog.snapshot().stream().filter(r -> r.isFor(pathPrefix)).toList();
  }

  /** Forgets the request log. */
  public void clearRequests() {
    requestLog.clear();
  }

  /** How many access tokens were minted through the token endpoint. */
  public int tokenMints() {
    synchronized (lock) {
      return auth.mints();
    }
  }

  /** A fresh valid access token (as if generated in Groww's web UI), valid until the next 06:00 IST. */
  public String issueAccessToken() {
    synchronized (lock) {
      return auth.issue();
    }
  }

  /**
   * Calls {@code listener} for every change to an order (placed, filled, modified, cancelled, expired, rejected),
   * synchronously under the fake's lock, in order: it must be quick and must not call the fake's HTTP API. An
   * exception it throws is logged and ignored.
   */
  public Registration onOrderEvent(Consumer<OrderEvent> listener) {
    required(listener, "FakeGroww.onOrderEvent");
    return orders.onOrderEvent(listener);
  }

  /** The order with this {@code groww_order_id}, as the fake knows it now. */
  public Optional<Order> order(String growwOrderId) {
    synchronized (lock) {
      return orders.order(growwOrderId);
    }
  }

  /** Plugs in (or replaces) the live feed's socket-token issuer. */
  public void socketTokenIssuer(SocketTokenIssuer issuer) {
    endpoints.socketTokenIssuer(required(issuer, "FakeGroww.socketTokenIssuer"));
  }

  /** Stops the server and the timer; idempotent. Requests being delayed are dropped. */
  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
    }
    ScheduledExecutorService t = ticker;
    if (t != null) {
      t.shutdownNow();
    }
    HttpServer s = server;
    if (s != null) {
      s.stop(0);
    }
    ExecutorService e = executor;
    if (e != null) {
      e.shutdownNow();
    }
    synchronized (lock) {
      orders.close();
    }
  }

  @Override
  public String toString() {
    HttpServer s = server;
    return "FakeGroww[" + (s == null ? "not started" : baseUrl()) + ", " + instruments.size() + " instruments]";
  }

  /**
   * Configures a {@link FakeGroww}. Defaults: port 0 (a free one), the bundled NSE instrument master, a {@link
   * ManualTimeSource} at {@link #DEFAULT_START_MILLIS}, seed 42, the default credentials, rate limits on, ₹10,00,000
   * cash, OHLC as strings, candle times {@code yyyy-MM-dd HH:mm:ss}, position prices in rupees, no socket-token
   * issuer, no timer. Not thread-safe.
   */
  public static final class Builder {
    int port;
    @Nullable Collection<Instrument> instruments;
    @Nullable TimeSource clock;
    long seed = 42;
    @Nullable FakeMarket market;
    String apiKey = DEFAULT_API_KEY;
    String totpSecret = DEFAULT_TOTP_SECRET;
    String apiSecret = DEFAULT_API_SECRET;
    @Nullable String accessToken;
    boolean rateLimits = true;
    boolean ohlcAsObject;
    boolean candleTimesWithT;
    boolean positionPricesInPaise;
    Money cash = Money.ofRupees(1_000_000);
    @Nullable SocketTokenIssuer socketTokenIssuer;
    @Nullable Duration autoAdvance;

    private Builder() {}

    /** The port to bind on 127.0.0.1; 0 (default) for a free one. */
    public Builder port(int v) {
      check(v >= 0 && v <= 65_535, "FakeGroww.port", "must be within [0, 65535]", v);
      this.port = v;
      return this;
    }

    /** The instrument master (served as the CSV, used to resolve symbols); default the bundled NSE one. */
    public Builder instruments(Collection<Instrument> v) {
      required(v, "FakeGroww.instruments");
      check(!v.isEmpty(), "FakeGroww.instruments", "must not be empty", "none");
      this.instruments = List.copyOf(v);
      return this;
    }

    /** The fake's clock; default a {@link ManualTimeSource} at {@link #DEFAULT_START_MILLIS}. */
    public Builder clock(TimeSource v) {
      this.clock = required(v, "FakeGroww.clock");
      return this;
    }

    /** The seed of the default synthetic market and of the ids; default 42. */
    public Builder seed(long v) {
      this.seed = v;
      return this;
    }

    /** The market; default {@link FakeMarket#synthetic(long)} with the seed. */
    public Builder market(FakeMarket v) {
      this.market = required(v, "FakeGroww.market");
      return this;
    }

    public Builder apiKey(String v) {
      this.apiKey = Secret.of(v).reveal();
      return this;
    }

    /** The base32 TOTP secret of the API key. */
    public Builder totpSecret(String v) {
      Totp.decodeBase32(Secret.of(v).reveal());
      this.totpSecret = v;
      return this;
    }

    public Builder apiSecret(String v) {
      this.apiSecret = Secret.of(v).reveal();
      return this;
    }

    /** A pre-generated access token the fake accepts until the next 06:00 IST after it is built. */
    public Builder accessToken(String v) {
      this.accessToken = Secret.of(v).reveal();
      return this;
    }

    /** Whether Groww's rate limits answer 429 (default true). */
    public Builder rateLimits(boolean v) {
      this.rateLimits = v;
      return this;
    }

    /** OHLC values as JSON objects instead of the default non-JSON strings ({@code "{open: 1.0,high: …}"}). */
    public Builder ohlcAsObject(boolean v) {
      this.ohlcAsObject = v;
      return this;
    }

    /** Candle timestamps as {@code yyyy-MM-ddTHH:mm:ss} instead of the default {@code yyyy-MM-dd HH:mm:ss}. */
    public Builder candleTimesWithT(boolean v) {
      this.candleTimesWithT = v;
      return this;
    }

    /** Position prices in paise instead of rupees (default rupees; Groww's unit is UNCONFIRMED). */
    public Builder positionPricesInPaise(boolean v) {
      this.positionPricesInPaise = v;
      return this;
    }

    /** The account's starting cash; default ₹10,00,000. */
    public Builder cash(Money v) {
      required(v, "FakeGroww.cash");
      check(v.units() >= 0, "FakeGroww.cash", "must be >= 0", v);
      this.cash = v;
      return this;
    }

    /** The live feed's socket-token issuer (the fake NATS feed); without one the endpoint answers GA003. */
    public Builder socketTokenIssuer(SocketTokenIssuer v) {
      this.socketTokenIssuer = required(v, "FakeGroww.socketTokenIssuer");
      return this;
    }

    /** Syncs the market to the clock on a timer (for demos with a system clock); off by default. */
    public Builder autoAdvanceEvery(Duration v) {
      required(v, "FakeGroww.autoAdvanceEvery");
      check(v.toMillis() >= 10, "FakeGroww.autoAdvanceEvery", "must be at least 10 ms", v);
      this.autoAdvance = v;
      return this;
    }

    public FakeGroww build() {
      return new FakeGroww(this);
    }
  }
}
