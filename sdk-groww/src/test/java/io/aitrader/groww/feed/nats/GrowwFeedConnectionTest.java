package io.aitrader.groww.feed.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.BrokerException;
import io.aitrader.api.ValidationException;
import io.aitrader.groww.fake.nats.FakeFeedServer;
import io.aitrader.groww.fake.nats.FakeSocketToken;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GrowwFeedConnectionTest {
  static final String LTP = "/ld/eq/nse/price.2885";
  static final String DEPTH = "/ld/eq/nse/book.2885";
  static final String NIFTY = "/ld/indices/nse/price.NIFTY";

  private static FakeFeedServer fake;

  @BeforeAll
  static void startFake() {
    fake = FakeFeedServer.builder().subscriptionId("sub7").build();
    fake.start();
  }

  @AfterAll
  static void closeFake() {
    fake.close();
  }

  @Test
  void connectsWithJwtAndNonceSignatureOverWebSocketAndReceivesSubscribedSubjects() {
    // given
    Received received = new Received();
    FakeTokens tokens = new FakeTokens(fake);
    try (GrowwFeedConnection feed = feed(fake, tokens, received).build()) {
      // when
      feed.connect();
      String orders = "stocks/order/updates.apex." + feed.subscriptionId();
      feed.subscribe(List.of(LTP, NIFTY, orders));
      fake.publish(DEPTH, new byte[] {9}); // not subscribed
      fake.publish(LTP, new byte[] {1});
      fake.publish(NIFTY, new byte[] {2});
      fake.publish(orders, new byte[] {3});
      // then
      await(() -> received.size() == 3);
      assertThat(received.subjects()).containsExactly(LTP, NIFTY, "stocks/order/updates.apex.sub7");
      assertThat(received.payloads.get(2)).containsExactly(3);
      assertThat(feed.isConnected()).isTrue();
      assertThat(feed.subscriptions()).containsExactlyInAnyOrder(LTP, NIFTY, orders);
      assertThat(fake.subscribedSubjects()).contains(LTP, NIFTY, orders).doesNotContain(DEPTH);
      assertThat(tokens.minted.get()).isEqualTo(1);
    }
  }

  @Test
  void subscriptionsMadeBeforeConnectAreSentOnConnect() {
    Received received = new Received();
    try (GrowwFeedConnection feed = feed(fake, new FakeTokens(fake), received).build()) {
      feed.subscribe(DEPTH);
      feed.connect();
      fake.publish(DEPTH, new byte[] {4});
      await(() -> received.size() == 1);
      assertThat(received.subjects()).containsExactly(DEPTH);
    }
  }

  @Test
  void aJwtTheServerDoesNotAcceptIsRefusedWithAClearErrorThatHidesTheToken() {
    // given: a source that hands out a JWT bound to another key than the one that signs the nonce
    List<String> jwts = new CopyOnWriteArrayList<>();
    SocketTokenSource wrongKey =
        key -> {
          FakeSocketToken other = fake.issue(FakeTokens.otherUserKey());
          jwts.add(other.token());
          return SocketGrant.of(other.token(), other.subscriptionId());
        };
    try (GrowwFeedConnection feed = feed(fake, wrongKey, new Received()).build()) {
      // when / then
      assertThatThrownBy(feed::connect)
          .isInstanceOf(BrokerException.class)
          .hasMessageContaining("refused the socket token")
          .hasMessageContaining("Authorization Violation")
          .satisfies(e -> assertThat(((BrokerException) e).isRetryable()).isFalse())
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(jwts.get(0)));
      assertThat(feed.status()).isEqualTo(GrowwFeedConnection.Status.NEW);
    }
  }

  @Test
  void moreThanAThousandSubscriptionsAreRefusedBeforeAnythingIsSent() {
    // given
    try (GrowwFeedConnection feed = feed(fake, new FakeTokens(fake), new Received()).build()) {
      feed.connect();
      List<String> thousand = tokens(1, 1000);
      feed.subscribe(thousand);
      await(() -> fake.subscribedSubjects().size() >= 1000);
      // when / then
      assertThatThrownBy(() -> feed.subscribe(List.of("/ld/fo/nse/price.99999", "/ld/fo/nse/price.1")))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("must be at most 1000")
          .hasMessageContaining("was 1001 (1000 held + 1 new)")
          .hasMessageContaining("nothing was subscribed");
      assertThat(feed.subscriptions()).hasSize(1000).doesNotContain("/ld/fo/nse/price.99999");
      assertThat(fake.subscribedSubjects()).doesNotContain("/ld/fo/nse/price.99999");
    }
  }

  @Test
  void aSingleRequestAboveTheLimitIsRefusedWhileDisconnected() {
    try (GrowwFeedConnection feed = feed(fake, new FakeTokens(fake), new Received()).build()) {
      assertThatThrownBy(() -> feed.subscribe(tokens(1, 1001)))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("was 1001 (0 held + 1001 new)");
      assertThat(feed.subscriptions()).isEmpty();
    }
  }

  @Test
  void quietSubjectsAreThoseWithoutAMessageForAWhile() {
    // given
    io.aitrader.core.time.ManualTimeSource clock = new io.aitrader.core.time.ManualTimeSource(1_000_000);
    Received received = new Received();
    try (GrowwFeedConnection feed = feed(fake, new FakeTokens(fake), received).clock(clock).build()) {
      feed.connect();
      feed.subscribe(List.of(LTP, NIFTY));
      clock.advance(Duration.ofSeconds(30));
      // when
      fake.publish(LTP, new byte[] {1});
      await(() -> received.size() == 1);
      clock.advance(Duration.ofSeconds(10));
      // then
      assertThat(feed.lastMessageMillis(LTP)).hasValue(1_030_000);
      assertThat(feed.lastMessageMillis(NIFTY)).isEmpty();
      assertThat(feed.quietSubjects(Duration.ofSeconds(20))).containsExactly(NIFTY);
      assertThat(feed.quietSubjects(Duration.ofSeconds(5))).containsExactly(LTP, NIFTY);
      assertThat(feed.quietSubjects(Duration.ofSeconds(60))).isEmpty();
    }
  }

  @Test
  void aThrowingHandlerIsCountedAndDoesNotStopDelivery() {
    AtomicInteger calls = new AtomicInteger();
    FeedMessageHandler failing =
        (subject, payload) -> {
          if (calls.incrementAndGet() == 1) {
            throw new IllegalStateException("boom");
          }
        };
    try (GrowwFeedConnection feed =
        GrowwFeedConnection.builder().url(fake.websocketUrl()).tokenSource(new FakeTokens(fake)).handler(failing)
            .connectTimeout(Duration.ofSeconds(2)).build()) {
      feed.connect();
      feed.subscribe(LTP);
      fake.publish(LTP, new byte[] {1});
      fake.publish(LTP, new byte[] {2});
      await(() -> calls.get() == 2);
      assertThat(feed.handlerFailures()).isEqualTo(1);
    }
  }

  @Test
  void toStringShowsNoSecret() {
    FakeTokens tokens = new FakeTokens(fake);
    try (GrowwFeedConnection feed = feed(fake, tokens, new Received()).build()) {
      feed.connect();
      assertThat(feed.toString()).startsWith("GrowwFeedConnection[ws://127.0.0.1:").doesNotContain(tokens.lastJwt());
      assertThat(SocketGrant.of(tokens.lastJwt(), "s1").toString()).doesNotContain(tokens.lastJwt());
    }
  }

  static GrowwFeedConnection.Builder feed(FakeFeedServer server, SocketTokenSource tokens, Received received) {
    return GrowwFeedConnection.builder()
        .url(server.websocketUrl())
        .tokenSource(tokens)
        .handler(received)
        .connectTimeout(Duration.ofSeconds(2))
        .reconnectPolicy(new ReconnectPolicy(Duration.ofMillis(20), Duration.ofMillis(160), 0));
  }

  static List<String> tokens(int from, int to) {
    return IntStream.rangeClosed(from, to).mapToObj(i -> "/ld/fo/nse/price." + i).toList();
  }

  static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 15 s");
      }
      LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
    }
  }

  /** Collects messages. */
  static final class Received implements FeedMessageHandler {
    final List<String> subjects = new CopyOnWriteArrayList<>();
    final List<byte[]> payloads = new CopyOnWriteArrayList<>();

    @Override
    public void onMessage(String subject, byte[] payload) {
      subjects.add(subject);
      payloads.add(payload);
    }

    int size() {
      return payloads.size();
    }

    List<String> subjects() {
      return new ArrayList<>(subjects);
    }
  }
}
