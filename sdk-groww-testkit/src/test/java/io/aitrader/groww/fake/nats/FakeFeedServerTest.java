package io.aitrader.groww.fake.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Segment;
import io.nats.client.AuthHandler;
import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.Message;
import io.nats.client.NKey;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FakeFeedServerTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static FakeFeedServer server;

  @BeforeAll
  static void startServer() {
    server = FakeFeedServer.builder().subscriptionId("sub42").maxSubscriptions(5).build();
    server.start();
  }

  @AfterAll
  static void closeServer() {
    server.close();
  }

  @Test
  void issuedJwtWithNonceSignatureConnectsOverWebSocketAndReceivesPublishedBytes() throws Exception {
    // given
    NKey user = NKey.createUser(RANDOM);
    FakeSocketToken token = server.issue(publicKey(user));
    String subject = FeedSubjects.ltp(Exchange.NSE, Segment.CASH, "2885");
    try (Connection c = connect(server.websocketUrl(), token.token(), user)) {
      Subscription sub = c.subscribe(subject);
      c.flush(Duration.ofSeconds(5));
      // when
      await(() -> server.subscribedSubjects().contains(subject));
      assertThat(server.publish(subject, new byte[] {1, 2, 3})).isTrue();
      // then
      Message m = sub.nextMessage(Duration.ofSeconds(5));
      assertThat(m).isNotNull();
      assertThat(m.getData()).containsExactly(1, 2, 3);
      assertThat(m.getSubject()).isEqualTo("/ld/eq/nse/price.2885");
    }
  }

  @Test
  void ownAccountStreamsAreAllowedButOtherSubscriptionIdsAreRefused() throws Exception {
    // given
    NKey user = NKey.createUser(RANDOM);
    FakeSocketToken token = server.issue(publicKey(user));
    List<String> errors = new CopyOnWriteArrayList<>();
    String own = FeedSubjects.orderUpdates(Segment.FNO, token.subscriptionId());
    String foreign = FeedSubjects.orderUpdates(Segment.FNO, "someone-else");
    try (Connection c = connect(server.websocketUrl(), token.token(), user, errors)) {
      // when
      c.subscribe(own);
      c.subscribe(foreign);
      c.flush(Duration.ofSeconds(5));
      // then
      await(() -> errors.stream().anyMatch(e -> e.contains("Permissions Violation")));
      assertThat(server.subscribedSubjects()).contains("stocks_fo/order/updates.apex.sub42").doesNotContain(foreign);
    }
  }

  @Test
  void userMayNotPublish() throws Exception {
    // given
    NKey user = NKey.createUser(RANDOM);
    List<String> errors = new CopyOnWriteArrayList<>();
    try (Connection c = connect(server.websocketUrl(), server.issue(publicKey(user)).token(), user, errors)) {
      // when
      c.publish("/ld/eq/nse/price.2885", new byte[] {9});
      c.flush(Duration.ofSeconds(5));
      // then
      await(() -> errors.stream().anyMatch(e -> e.contains("Permissions Violation for Publish")));
    }
  }

  @Test
  void serverRefusesNonceSignedByAnotherKey() {
    // given: a valid JWT for one key, the nonce signed by another
    NKey owner = newUser();
    NKey impostor = newUser();
    String jwt = server.issue(publicKey(owner)).token();
    // when / then
    assertThatThrownBy(() -> connect(server.websocketUrl(), jwt, impostor, owner).close())
        .hasMessageContaining("Authorization Violation");
  }

  @Test
  void serverRefusesJwtSignedByAnUnknownAccount() {
    // given: the same claims signed by an account the operator never signed
    NKey user = newUser();
    try (FakeFeedServer other = FakeFeedServer.builder().build()) {
      String foreignJwt = other.issue(publicKey(user)).token();
      // when / then
      assertThatThrownBy(() -> connect(server.websocketUrl(), foreignJwt, user).close())
          .hasMessageContaining("Authorization Violation");
    }
  }

  @Test
  void serverRefusesJwtWhoseClaimsWereChanged() {
    // given: a JWT whose claims were edited after signing (subscribe permissions widened to everything)
    NKey user = newUser();
    String[] parts = server.issue(publicKey(user)).token().split("\\.");
    String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    String widened = claims.replaceFirst("\"sub\":\\{\"allow\":\\[[^]]*]}", "\"sub\":{}");
    assertThat(widened).isNotEqualTo(claims);
    String tampered =
        parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(widened.getBytes(StandardCharsets.UTF_8))
            + "." + parts[2];
    // when / then
    assertThatThrownBy(() -> connect(server.websocketUrl(), tampered, user).close())
        .hasMessageContaining("Authorization Violation");
  }

  @Test
  void serverRefusesAJwtWithoutAValidSignature() {
    // given: a JWT whose signature is replaced by one made with an unrelated key
    NKey user = newUser();
    String jwt = server.issue(publicKey(user)).token();
    String unsigned = jwt.substring(0, jwt.lastIndexOf('.') + 1)
        + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[64]);
    // when / then
    assertThatThrownBy(() -> connect(server.websocketUrl(), unsigned, user).close())
        .hasMessageContaining("Authorization Violation");
  }

  @Test
  void serverEnforcesTheSubscriptionLimitOfTheJwt() throws Exception {
    // given: the server under test allows 5 subscriptions per user
    NKey user = newUser();
    List<String> errors = new CopyOnWriteArrayList<>();
    try (Connection c = connect(server.websocketUrl(), server.issue(publicKey(user)).token(), user, errors)) {
      // when
      for (int token = 1; token <= 6; token++) {
        c.subscribe(FeedSubjects.ltp(Exchange.BSE, Segment.FNO, "9" + token));
      }
      // then
      await(() -> errors.stream().anyMatch(e -> e.toLowerCase().contains("maximum subscriptions")));
    }
  }

  @Test
  void restartsOnTheSamePortsAndEarlierTokensStillWork() throws Exception {
    // given
    try (FakeFeedServer feed = FakeFeedServer.builder().build()) {
      feed.start();
      String url = feed.websocketUrl();
      NKey user = newUser();
      String jwt = feed.issue(publicKey(user)).token();
      // when
      feed.stop();
      assertThat(feed.isRunning()).isFalse();
      assertThat(feed.publish("/ld/indices/nse/price.NIFTY", new byte[] {1})).isFalse();
      feed.start();
      // then
      assertThat(feed.websocketUrl()).isEqualTo(url);
      try (Connection c = connect(url, jwt, user)) {
        Subscription sub = c.subscribe("/ld/indices/nse/price.NIFTY");
        c.flush(Duration.ofSeconds(5));
        await(() -> feed.connectedClients() == 1 && !feed.subscribedSubjects().isEmpty());
        feed.publish("/ld/indices/nse/price.NIFTY", new byte[] {7});
        assertThat(sub.nextMessage(Duration.ofSeconds(5)).getData()).containsExactly(7);
      }
    }
  }

  @Test
  void issueRefusesAKeyThatIsNotAUserPublicKey() throws Exception {
    String accountKey = new String(NKey.createAccount(RANDOM).getPublicKey());
    assertThatThrownBy(() -> server.issue(accountKey))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("user public nkey");
  }

  @Test
  void tokenIsNeverShownByToString() {
    FakeSocketToken token = server.issue(publicKey(newUser()));
    assertThat(token.toString()).doesNotContain(token.token()).contains("sub42");
  }

  @Test
  void subjectsFollowTheGrowwNaming() {
    assertThat(FeedSubjects.ltp(Exchange.BSE, Segment.FNO, "1234")).isEqualTo("/ld/fo/bse/price.1234");
    assertThat(FeedSubjects.depth(Exchange.NSE, Segment.CASH, "2885")).isEqualTo("/ld/eq/nse/book.2885");
    assertThat(FeedSubjects.index(Exchange.BSE, "1")).isEqualTo("/ld/indices/bse/price.1");
    assertThat(FeedSubjects.orderUpdates(Segment.CASH, "s1")).isEqualTo("stocks/order/updates.apex.s1");
    assertThat(FeedSubjects.positionUpdates("s1")).isEqualTo("stocks_fo/position/updates.apex.s1");
    assertThatThrownBy(() -> FeedSubjects.ltp(Exchange.MCX, Segment.COMMODITY, "1"))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> FeedSubjects.ltp(Exchange.NSE, Segment.CASH, "a.b"))
        .hasMessageContaining("one subject token");
  }

  private static Connection connect(String url, String jwt, NKey signer) throws Exception {
    return connect(url, jwt, signer, signer, new CopyOnWriteArrayList<>());
  }

  private static Connection connect(String url, String jwt, NKey signer, List<String> errors) throws Exception {
    return connect(url, jwt, signer, signer, errors);
  }

  private static Connection connect(String url, String jwt, NKey signer, NKey claimed) throws Exception {
    return connect(url, jwt, signer, claimed, new CopyOnWriteArrayList<>());
  }

  private static Connection connect(String url, String jwt, NKey signer, NKey claimed, List<String> errors)
      throws Exception {
    AuthHandler auth =
        new AuthHandler() {
          @Override
          public byte[] sign(byte[] nonce) {
            try {
              return signer.sign(nonce);
            } catch (GeneralSecurityException | IOException e) {
              throw new IllegalStateException(e);
            }
          }

          @Override
          public char[] getID() {
            return publicKey(claimed).toCharArray();
          }

          @Override
          public char[] getJWT() {
            return jwt.toCharArray();
          }
        };
    Options options =
        Options.builder()
            .server(url)
            .authHandler(auth)
            .noReconnect()
            .connectionTimeout(Duration.ofSeconds(1))
            .errorListener(
                new ErrorListener() {
                  @Override
                  public void errorOccurred(Connection conn, String error) {
                    errors.add(error);
                  }
                })
            .build();
    return Nats.connect(options);
  }

  private static NKey newUser() {
    try {
      return NKey.createUser(RANDOM);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String publicKey(NKey key) {
    return NatsJwts.publicKey(key);
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 10 s");
      }
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
  }
}
