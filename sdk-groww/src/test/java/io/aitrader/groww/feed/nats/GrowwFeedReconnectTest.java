package io.aitrader.groww.feed.nats;

import static io.aitrader.groww.feed.nats.GrowwFeedConnectionTest.LTP;
import static io.aitrader.groww.feed.nats.GrowwFeedConnectionTest.await;
import static io.aitrader.groww.feed.nats.GrowwFeedConnectionTest.feed;
import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.core.time.SystemTimeSource;
import io.aitrader.groww.Sleeper;
import io.aitrader.groww.fake.nats.FakeFeedServer;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Outages: the fake's nats-server is stopped mid-stream and started again on the same ports. */
class GrowwFeedReconnectTest {
  private static final ReconnectPolicy FAST = new ReconnectPolicy(Duration.ofMillis(20), Duration.ofMillis(160), 0);

  private FakeFeedServer fake;

  @BeforeEach
  void startFake() {
    fake = FakeFeedServer.builder().subscriptionId("sub9").build();
    fake.start();
  }

  @AfterEach
  void closeFake() {
    fake.close();
  }

  @Test
  void killedServerMidStreamReconnectsWithBackoffRemintsResubscribesAndReportsTheOutageWindow() {
    // given: a stream of numbered messages stamped with their publish time
    Events events = new Events();
    FakeTokens tokens = new FakeTokens(fake);
    RecordingSleeper sleeper = new RecordingSleeper();
    Sequenced received = new Sequenced();
    String orders = "stocks/order/updates.apex.sub9";
    Publisher publisher = new Publisher(fake, LTP);
    try (GrowwFeedConnection feed =
        feed(fake, tokens, new GrowwFeedConnectionTest.Received()).handler(received).listener(events)
            .sleeper(sleeper).reconnectPolicy(FAST).build()) {
      feed.connect();
      feed.subscribe(List.of(LTP, orders));
      publisher.start();
      await(() -> received.count() >= 50);

      // when: the server dies, stays down for a few attempts, and comes back on the same ports
      fake.stop();
      await(() -> events.failedAttempts() >= 3);
      assertThat(feed.status()).isEqualTo(GrowwFeedConnection.Status.RECONNECTING);
      fake.start();
      await(() -> events.outage() != null);
      long afterReconnect = received.count();
      await(() -> received.count() >= afterReconnect + 50);
      publisher.stop();

      // then: the outage window is reported, with the disconnect's time as its start
      FeedOutage outage = events.outage();
      assertThat(events.kinds()).startsWith("connected", "disconnected", "failed").endsWith("reconnected");
      assertThat(outage.start()).isEqualTo(events.disconnectedAt);
      assertThat(outage.end()).isAfterOrEqualTo(outage.start());
      assertThat(outage.attempts()).isEqualTo(events.failedAttempts() + 1);
      assertThat(feed.isConnected()).isTrue();
      // backoff with full jitter: each wait within [0, cap(attempt)]
      assertThat(sleeper.delays).hasSize(outage.attempts());
      for (int i = 0; i < sleeper.delays.size(); i++) {
        assertThat(sleeper.delays.get(i)).isBetween(Duration.ZERO, FAST.cap(i + 1));
      }
      // re-minted once for the outage, with a new nkey; both subjects sent again
      assertThat(tokens.minted.get()).isEqualTo(2);
      assertThat(tokens.keys.get(1)).isNotEqualTo(tokens.keys.get(0));
      assertThat(fake.subscribedSubjects()).contains(LTP, orders);
      // nothing duplicated or reordered; every message missed was published no later than the outage's end
      List<long[]> got = received.messages();
      for (int i = 1; i < got.size(); i++) {
        assertThat(got.get(i)[0]).isGreaterThan(got.get(i - 1)[0]);
      }
      Set<Long> receivedSeqs = ConcurrentHashMap.newKeySet();
      got.forEach(m -> receivedSeqs.add(m[0]));
      long lastSeq = got.get(got.size() - 1)[0];
      List<Long> missed = new ArrayList<>();
      for (long seq = 1; seq <= lastSeq; seq++) {
        if (!receivedSeqs.contains(seq)) {
          missed.add(seq);
          assertThat(publisher.publishedAt(seq)).isLessThanOrEqualTo(outage.end().toEpochMilli());
        }
      }
      assertThat(missed).isNotEmpty();
      assertThat(publisher.refused()).isPositive();
      assertThat(missed.get(missed.size() - 1) - missed.get(0)).isEqualTo(missed.size() - 1L); // one gap
    } finally {
      publisher.stop();
    }
  }

  @Test
  void withoutRemintOnReconnectTheTokenIsReusedAfterARestart() {
    Events events = new Events();
    FakeTokens tokens = new FakeTokens(fake);
    try (GrowwFeedConnection feed =
        feed(fake, tokens, new GrowwFeedConnectionTest.Received()).listener(events).remintOnReconnect(false)
            .build()) {
      feed.connect();
      feed.subscribe(LTP);
      fake.stop();
      fake.start();
      await(() -> events.outage() != null);
      assertThat(tokens.minted.get()).isEqualTo(1);
      assertThat(fake.subscribedSubjects()).contains(LTP);
    }
  }

  @Test
  void anExpiredSocketTokenIsRemintedEvenWhenReuseIsConfigured() {
    // given: tokens that expire within two seconds
    try (FakeFeedServer expiring = FakeFeedServer.builder().tokenLifetime(Duration.ofSeconds(2)).build()) {
      expiring.start();
      Events events = new Events();
      FakeTokens tokens = new FakeTokens(expiring);
      try (GrowwFeedConnection feed =
          feed(expiring, tokens, new GrowwFeedConnectionTest.Received()).listener(events).remintOnReconnect(false)
              .build()) {
        // when
        feed.connect();
        feed.subscribe(LTP);
        // then: the server drops the user when the JWT expires, and the feed comes back with a new token
        await(() -> events.outage() != null);
        assertThat(events.outage().reason()).containsIgnoringCase("expired");
        assertThat(tokens.minted.get()).isGreaterThanOrEqualTo(2);
        assertThat(expiring.subscribedSubjects()).contains(LTP);
      }
    }
  }

  @Test
  void givesUpAfterTheAttemptBudgetAndConnectsAgainWhenAsked() {
    Events events = new Events();
    try (GrowwFeedConnection feed =
        feed(fake, new FakeTokens(fake), new GrowwFeedConnectionTest.Received()).listener(events)
            .reconnectPolicy(new ReconnectPolicy(Duration.ofMillis(5), Duration.ofMillis(10), 2)).build()) {
      feed.connect();
      feed.subscribe(LTP);
      fake.stop();
      await(() -> events.kinds().contains("abandoned"));
      assertThat(feed.status()).isEqualTo(GrowwFeedConnection.Status.DOWN);
      assertThat(events.kinds()).containsExactly("connected", "disconnected", "failed", "failed", "abandoned");
      fake.start();
      feed.connect();
      assertThat(feed.isConnected()).isTrue();
      assertThat(fake.subscribedSubjects()).contains(LTP);
    }
  }

  @Test
  void aRefusedSubscriptionIsReportedToTheListener() {
    Events events = new Events();
    String foreign = "stocks/order/updates.apex.not-mine";
    try (GrowwFeedConnection feed =
        feed(fake, new FakeTokens(fake), new GrowwFeedConnectionTest.Received()).listener(events).build()) {
      feed.connect();
      feed.subscribe(foreign);
      await(() -> events.kinds().contains("refused"));
      assertThat(events.refusedSubject).isEqualTo(foreign);
      assertThat(feed.isConnected()).isTrue();
    }
  }

  @Test
  void closeLeavesNoThreadBehindEvenAfterAnOutage() {
    // given
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    Events events = new Events();
    GrowwFeedConnection feed =
        feed(fake, new FakeTokens(fake), new GrowwFeedConnectionTest.Received()).listener(events).build();
    feed.connect();
    feed.subscribe(LTP);
    fake.stop();
    fake.start();
    await(() -> events.outage() != null);
    assertThat(liveFeedThreads(before)).contains("groww-feed-events").anyMatch(n -> n.startsWith("aitrader-groww-feed"));
    // when
    feed.close();
    // then
    try {
      await(() -> liveFeedThreads(before).isEmpty());
    } catch (AssertionError e) {
      throw new AssertionError("threads left behind: " + liveFeedThreads(before), e);
    }
    assertThat(feed.status()).isEqualTo(GrowwFeedConnection.Status.CLOSED);
  }

  /** Threads started since {@code before} that are not the fake server's own. */
  private static List<String> liveFeedThreads(Set<Thread> before) {
    List<String> names = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.isAlive() && !before.contains(t) && !t.getName().startsWith("fake-")) {
        names.add(t.getName());
      }
    }
    return names;
  }

  /** Records the listener's events. */
  static final class Events implements FeedConnectionListener {
    final List<String> kinds = new CopyOnWriteArrayList<>();
    volatile Instant disconnectedAt;
    volatile FeedOutage outage;
    volatile String refusedSubject;

    @Override
    public void onConnected(Instant at, String subscriptionId) {
      kinds.add("connected");
    }

    @Override
    public void onDisconnected(Instant at, String reason) {
      disconnectedAt = at;
      kinds.add("disconnected");
    }

    @Override
    public void onReconnectAttemptFailed(int attempt, String reason) {
      kinds.add("failed");
    }

    @Override
    public void onReconnected(FeedOutage outage, String subscriptionId) {
      kinds.add("reconnected");
      this.outage = outage;
    }

    @Override
    public void onReconnectAbandoned(Instant since, int attempts, String reason) {
      kinds.add("abandoned");
    }

    @Override
    public void onSubscriptionRefused(String subject, String serverError) {
      refusedSubject = subject;
      kinds.add("refused");
    }

    List<String> kinds() {
      return List.copyOf(kinds);
    }

    long failedAttempts() {
      return kinds.stream().filter("failed"::equals).count();
    }

    FeedOutage outage() {
      return outage;
    }
  }

  /** Records each backoff delay and really waits it. */
  static final class RecordingSleeper implements Sleeper {
    final List<Duration> delays = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration delay) throws InterruptedException {
      delays.add(delay);
      Sleeper.THREAD.sleep(delay);
    }
  }

  /** Decodes (sequence, publish time) payloads. */
  static final class Sequenced implements FeedMessageHandler {
    private final List<long[]> messages = new CopyOnWriteArrayList<>();

    @Override
    public void onMessage(String subject, byte[] payload) {
      ByteBuffer b = ByteBuffer.wrap(payload);
      messages.add(new long[] {b.getLong(), b.getLong()});
    }

    long count() {
      return messages.size();
    }

    List<long[]> messages() {
      return List.copyOf(messages);
    }
  }

  /** Publishes numbered, time-stamped messages every 2 ms on one subject from its own thread. */
  static final class Publisher {
    private final FakeFeedServer server;
    private final String subject;
    private final AtomicBoolean running = new AtomicBoolean();
    private final ConcurrentHashMap<Long, Long> publishedAt = new ConcurrentHashMap<>();
    private volatile long refused;
    private Thread thread;

    Publisher(FakeFeedServer server, String subject) {
      this.server = server;
      this.subject = subject;
    }

    void start() {
      running.set(true);
      thread = new Thread(this::run, "test-publisher");
      thread.start();
    }

    private void run() {
      long seq = 0;
      while (running.get()) {
        seq++;
        long now = SystemTimeSource.INSTANCE.currentTimeMillis();
        publishedAt.put(seq, now);
        byte[] payload = ByteBuffer.allocate(16).putLong(seq).putLong(now).array();
        if (!server.publish(subject, payload)) {
          refused++;
        }
        LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
      }
    }

    void stop() {
      running.set(false);
      if (thread != null) {
        try {
          thread.join(5_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    long publishedAt(long seq) {
      return publishedAt.get(seq);
    }

    long refused() {
      return refused;
    }
  }
}
