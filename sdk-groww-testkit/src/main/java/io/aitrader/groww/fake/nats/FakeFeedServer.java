package io.aitrader.groww.fake.nats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aitrader.api.ValidationException;
import io.aitrader.api.time.TimeSource;
import io.aitrader.core.time.SystemTimeSource;
import io.nats.client.AuthHandler;
import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.NKey;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fake Groww live feed: Debian's {@code nats-server} in <b>operator mode</b> (JWT + nkey auth, as the real
 * {@code wss://socket-api.groww.in} uses) with a WebSocket listener, both on free loopback ports, plus a publisher
 * connection through which the fake market sends protobuf bytes on the documented subjects.
 *
 * <pre>{@code
 * try (FakeFeedServer feed = FakeFeedServer.builder().build()) {
 *   feed.start();
 *   FakeSocketToken grant = feed.issue(userPublicNkey);        // what the socket-token endpoint answers
 *   // client connects to feed.websocketUrl() with grant.token() and signs the server nonce with its nkey
 *   feed.publish(FeedSubjects.ltp(Exchange.NSE, Segment.CASH, "2885"), ltpProtoBytes);
 *   feed.stop();  feed.start();                                // an outage: same ports, same keys
 * }
 * }</pre>
 *
 * <p><b>Auth.</b> On construction the fake makes an operator nkey and a self-signed operator JWT, and an account
 * nkey with an account JWT signed by the operator; nats-server gets them through {@code operator} and
 * {@code resolver: MEMORY} + {@code resolver_preload}. {@link #issue(String)} signs a user JWT with the account
 * key for the caller's public user nkey ({@code U…}); the server then only admits a client that presents that JWT
 * and signs its connect nonce with the matching private key. The user may subscribe only to the market-data
 * subjects and to its own subscription id's account streams ({@link FeedSubjects#allowedFor(String)}), may publish
 * nothing, and may hold at most {@link Builder#maxSubscriptions(int) maxSubscriptions} subscriptions (1000, as
 * Groww documents). The fake's own publisher is a second user of the same account with no restrictions.
 *
 * <p><b>Who is subscribed to what.</b> {@link #subscribedSubjects()} asks nats-server's monitoring endpoint
 * ({@code /connz?subs=1}) for the subjects clients hold right now; a fake market can publish only those, or simply
 * publish everything (NATS drops messages nobody is subscribed to).
 *
 * <p><b>Outages.</b> {@link #stop()} terminates the server process (clients see the socket close) and
 * {@link #start()} runs it again on the same ports with the same keys, so JWTs issued before stay valid.
 *
 * <p>Thread-safe: lifecycle methods are serialised; {@link #publish(String, byte[])} may be called from any
 * thread. {@link #close()} stops the process and deletes its temporary directory; a JVM shutdown hook also kills
 * a server that was never closed.
 */
public final class FakeFeedServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FakeFeedServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LOOPBACK = "127.0.0.1";
  private static final String PUBLISHER_NAME = "fake-groww-publisher";

  private final Path executable;
  private final String subscriptionId;
  private final int maxSubscriptions;
  private final Duration tokenLifetime;
  private final Duration startTimeout;
  private final TimeSource clock;
  private final NKey account;
  private final String accountPublicKey;
  private final String operatorJwt;
  private final String accountJwt;
  private final NKey publisherKey;
  private final String publisherJwt;
  private final Object lifecycle = new Object();

  private @Nullable Path directory;
  private @Nullable NatsServerProcess process;
  private volatile @Nullable Connection publisher;
  private @Nullable Thread shutdownHook;
  private int clientPort;
  private int websocketPort;
  private int monitorPort;
  private boolean closed;

  private FakeFeedServer(Builder b) {
    this.executable = NatsServerProcess.locate(b.natsServer);
    this.subscriptionId = b.subscriptionId;
    this.maxSubscriptions = b.maxSubscriptions;
    this.tokenLifetime = b.tokenLifetime;
    this.startTimeout = b.startTimeout;
    this.clock = b.clock;
    try {
      SecureRandom random = new SecureRandom();
      NKey operator = NKey.createOperator(random);
      this.account = NKey.createAccount(random);
      this.publisherKey = NKey.createUser(random);
      this.accountPublicKey = NatsJwts.publicKey(account);
      long now = nowSeconds();
      this.operatorJwt = NatsJwts.operator(operator, "fake-groww-operator", now);
      this.accountJwt = NatsJwts.account(operator, accountPublicKey, "fake-groww-account", now);
      this.publisherJwt =
          NatsJwts.user(account, NatsJwts.publicKey(publisherKey), PUBLISHER_NAME, now, 0, List.of(), false, -1);
      operator.clear();
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot create the fake feed's nkeys", e);
    }
  }

  /** A builder with Groww's defaults: 1000 subscriptions per user, JWTs that never expire. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts nats-server and the publisher connection; waits until both are ready. The first start picks free
   * loopback ports; later starts (after {@link #stop()}) reuse them. Starting a running server does nothing.
   *
   * @throws IllegalStateException when the server does not become ready within the start timeout, or after
   *     {@link #close()}
   */
  public void start() {
    synchronized (lifecycle) {
      if (closed) {
        throw new IllegalStateException("FakeFeedServer is closed; build a new one");
      }
      if (process != null && process.isAlive()) {
        return;
      }
      if (directory == null) {
        prepare();
      }
      NatsServerProcess p = new NatsServerProcess(executable, directory.resolve("nats-server.conf"));
      p.start(startTimeout.toMillis());
      process = p;
      publisher = connectPublisher();
      LOG.info("fake Groww feed ready: websocket {}, nats {}", websocketUrl(), natsUrl());
    }
  }

  /** Terminates the server process (an outage): every client is disconnected. {@link #start()} brings it back. */
  public void stop() {
    synchronized (lifecycle) {
      Connection pub = publisher;
      publisher = null;
      if (pub != null) {
        closeQuietly(pub);
      }
      if (process != null) {
        process.stop();
        process = null;
        LOG.info("fake Groww feed stopped (ports {} and {} kept for a restart)", websocketPort, clientPort);
      }
    }
  }

  /** Stops the server and deletes its temporary directory. Idempotent. */
  @Override
  public void close() {
    synchronized (lifecycle) {
      if (closed) {
        return;
      }
      stop();
      closed = true;
      if (shutdownHook != null) {
        try {
          Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
          LOG.debug("JVM already shutting down: {}", e.toString());
        }
        shutdownHook = null;
      }
      if (directory != null) {
        deleteTree(directory);
        directory = null;
      }
    }
  }

  /** Whether the server process is running. */
  public boolean isRunning() {
    synchronized (lifecycle) {
      return process != null && process.isAlive();
    }
  }

  /**
   * Signs a user JWT for {@code userPublicKey} (a NATS user public nkey, {@code U…}): what Groww's socket-token
   * endpoint returns for {@code {"socketKey": userPublicKey}}. Works whether or not the server is running.
   *
   * @throws ValidationException when {@code userPublicKey} is not a user public nkey
   */
  public FakeSocketToken issue(String userPublicKey) {
    ValidationException.requireText(userPublicKey, "FakeFeedServer.socketKey");
    ValidationException.check(
        NKey.isValidPublicUserKey(userPublicKey.toCharArray()),
        "FakeFeedServer.socketKey",
        "must be a NATS user public nkey (U…)",
        "'" + userPublicKey + "'");
    long now = nowSeconds();
    long expires = tokenLifetime.isZero() ? 0 : now + Math.max(1, tokenLifetime.toSeconds());
    String jwt =
        NatsJwts.user(
            account,
            userPublicKey,
            "groww-feed-" + userPublicKey.substring(0, 8),
            now,
            expires,
            FeedSubjects.allowedFor(subscriptionId),
            true,
            maxSubscriptions);
    return new FakeSocketToken(jwt, subscriptionId);
  }

  /**
   * Publishes {@code payload} on {@code subject} to every client subscribed to it.
   *
   * @return false when the server is stopped (the message is lost, as it would be in a real outage)
   */
  public boolean publish(String subject, byte[] payload) {
    Connection pub = publisher;
    if (pub == null || pub.getStatus() != Connection.Status.CONNECTED) {
      return false;
    }
    try {
      pub.publish(subject, payload);
      return true;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  /**
   * Waits until everything published so far has reached the server.
   *
   * @throws IllegalStateException when the server is stopped or does not answer within {@code timeout}
   */
  public void flush(Duration timeout) {
    Connection pub = publisher;
    if (pub == null) {
      throw new IllegalStateException("FakeFeedServer is not running");
    }
    try {
      pub.flush(timeout);
    } catch (TimeoutException e) {
      throw new IllegalStateException("nats-server did not confirm a flush within " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while flushing", e);
    }
  }

  /**
   * The subjects client connections are subscribed to right now (from nats-server's monitoring endpoint), sorted.
   * Subscriptions the server refused (no permission, over the limit) are not listed.
   *
   * @throws IllegalStateException when the server is not running
   */
  public Set<String> subscribedSubjects() {
    JsonNode connz = connz();
    Set<String> subjects = new TreeSet<>();
    for (JsonNode c : connz.path("connections")) {
      if (PUBLISHER_NAME.equals(c.path("name").asText())) {
        continue;
      }
      for (JsonNode s : c.path("subscriptions_list")) {
        subjects.add(s.asText());
      }
    }
    return subjects;
  }

  /** How many client connections (not counting the fake's publisher) the server has right now. */
  public int connectedClients() {
    int n = 0;
    for (JsonNode c : connz().path("connections")) {
      if (!PUBLISHER_NAME.equals(c.path("name").asText())) {
        n++;
      }
    }
    return n;
  }

  /** The subscription id every issued token carries (used in the order- and position-update subjects). */
  public String subscriptionId() {
    return subscriptionId;
  }

  /** {@code ws://127.0.0.1:<port>}: where Groww clients connect (the fake of {@code wss://socket-api.groww.in}). */
  public String websocketUrl() {
    return "ws://" + LOOPBACK + ":" + requirePorts().websocketPort;
  }

  /** {@code nats://127.0.0.1:<port>}: the plain NATS listener (same auth). */
  public String natsUrl() {
    return "nats://" + LOOPBACK + ":" + requirePorts().clientPort;
  }

  /** The account's public nkey ({@code A…}), the issuer of every user JWT. */
  public String accountPublicKey() {
    return accountPublicKey;
  }

  @Override
  public String toString() {
    return "FakeFeedServer[" + (clientPort == 0 ? "not started" : websocketUrl()) + "]";
  }

  private FakeFeedServer requirePorts() {
    synchronized (lifecycle) {
      if (clientPort == 0) {
        throw new IllegalStateException("FakeFeedServer has not been started yet");
      }
      return this;
    }
  }

  private long nowSeconds() {
    return clock.currentTimeMillis() / 1000;
  }

  private void prepare() {
    try {
      Path dir = Files.createTempDirectory("fake-groww-feed");
      clientPort = freePort();
      websocketPort = freePort();
      monitorPort = freePort();
      Files.writeString(dir.resolve("operator.jwt"), operatorJwt, StandardCharsets.UTF_8);
      String config =
          "listen: \"" + LOOPBACK + ":" + clientPort + "\"\n"
              + "http: \"" + LOOPBACK + ":" + monitorPort + "\"\n"
              + "server_name: fake_groww_feed\n"
              + "websocket {\n  listen: \"" + LOOPBACK + ":" + websocketPort + "\"\n  no_tls: true\n}\n"
              + "operator: \"" + dir.resolve("operator.jwt") + "\"\n"
              + "resolver: MEMORY\n"
              + "resolver_preload: {\n  " + accountPublicKey + ": \"" + accountJwt + "\"\n}\n";
      Files.writeString(dir.resolve("nats-server.conf"), config, StandardCharsets.UTF_8);
      directory = dir;
      Thread hook = new Thread(this::killOnExit, "fake-groww-feed-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      shutdownHook = hook;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the fake feed's nats-server config", e);
    }
  }

  private void killOnExit() {
    NatsServerProcess p = process;
    if (p != null) {
      p.stop();
    }
  }

  private Connection connectPublisher() {
    AuthHandler auth = Nats.staticCredentials(publisherJwt.toCharArray(), publisherKey.getSeed());
    Options options =
        Options.builder()
            .server(natsUrl())
            .connectionName(PUBLISHER_NAME)
            .authHandler(auth)
            .noReconnect()
            .connectionTimeout(startTimeout)
            .callbackThreadFactory(r -> daemon(r, PUBLISHER_NAME + "-callbacks"))
            .connectThreadFactory(r -> daemon(r, PUBLISHER_NAME + "-connect"))
            .errorListener(new ErrorListener() {
              @Override
              public void errorOccurred(Connection conn, String error) {
                LOG.debug("fake feed publisher: server error {}", error);
              }

              @Override
              public void exceptionOccurred(Connection conn, Exception exp) {
                LOG.debug("fake feed publisher: {}", exp.toString());
              }
            })
            .build();
    try {
      return Nats.connect(options);
    } catch (IOException e) {
      throw new UncheckedIOException("the fake feed's publisher cannot connect to " + natsUrl(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while connecting the fake feed's publisher", e);
    }
  }

  private JsonNode connz() {
    int port;
    synchronized (lifecycle) {
      if (process == null || !process.isAlive()) {
        throw new IllegalStateException("FakeFeedServer is not running");
      }
      port = monitorPort;
    }
    try {
      URL url = new URL("http://" + LOOPBACK + ":" + port + "/connz?subs=1&limit=100000");
      HttpURLConnection http = (HttpURLConnection) url.openConnection();
      http.setConnectTimeout(2000);
      http.setReadTimeout(5000);
      try (InputStream in = http.getInputStream()) {
        return JSON.readTree(in);
      } finally {
        http.disconnect();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read nats-server's monitoring endpoint on port " + port, e);
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.warn("could not delete the fake feed's directory {}: {}", root, e.toString());
    }
  }

  /**
   * Options of a {@link FakeFeedServer}. Not thread-safe; {@link #build()} may be called more than once.
   */
  public static final class Builder {
    private @Nullable Path natsServer;
    private String subscriptionId = "fake-sub-1";
    private int maxSubscriptions = 1000;
    private Duration tokenLifetime = Duration.ZERO;
    private Duration startTimeout = Duration.ofSeconds(10);
    private TimeSource clock = SystemTimeSource.INSTANCE;

    private Builder() {}

    /** The nats-server binary; by default the Debian package's ({@code /usr/sbin/nats-server}) or the PATH's. */
    public Builder natsServer(Path executable) {
      this.natsServer = ValidationException.required(executable, "FakeFeedServer.natsServer");
      return this;
    }

    /** The subscription id in issued tokens and account-stream subjects; default {@code fake-sub-1}. */
    public Builder subscriptionId(String id) {
      this.subscriptionId = FeedSubjects.token(id);
      return this;
    }

    /** The most subscriptions a user JWT allows at once (server-enforced); default 1000, as Groww documents. */
    public Builder maxSubscriptions(int max) {
      ValidationException.check(max > 0, "FakeFeedServer.maxSubscriptions", "must be > 0", max);
      this.maxSubscriptions = max;
      return this;
    }

    /**
     * How long issued user JWTs stay valid (whole seconds; nats-server disconnects a user whose JWT expires);
     * {@link Duration#ZERO} (the default) for never. Groww's real lifetime is unknown.
     */
    public Builder tokenLifetime(Duration lifetime) {
      ValidationException.required(lifetime, "FakeFeedServer.tokenLifetime");
      ValidationException.check(!lifetime.isNegative(), "FakeFeedServer.tokenLifetime", "must be >= 0", lifetime);
      this.tokenLifetime = lifetime;
      return this;
    }

    /** How long {@link FakeFeedServer#start()} waits for nats-server to be ready; default 10 s. */
    public Builder startTimeout(Duration timeout) {
      ValidationException.required(timeout, "FakeFeedServer.startTimeout");
      ValidationException.check(
          timeout.toMillis() > 0, "FakeFeedServer.startTimeout", "must be at least 1 ms", timeout);
      this.startTimeout = timeout;
      return this;
    }

    /** The clock for JWT issue and expiry times; default the system clock. */
    public Builder clock(TimeSource clock) {
      this.clock = ValidationException.required(clock, "FakeFeedServer.clock");
      return this;
    }

    /**
     * A new, not yet started fake (call {@link FakeFeedServer#start()}).
     *
     * @throws io.aitrader.api.ConfigurationException when no nats-server binary can be found
     */
    public FakeFeedServer build() {
      return new FakeFeedServer(this);
    }
  }
}
