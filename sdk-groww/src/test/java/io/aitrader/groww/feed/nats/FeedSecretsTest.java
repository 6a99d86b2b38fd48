package io.aitrader.groww.feed.nats;

import static io.aitrader.groww.feed.nats.GrowwFeedConnectionTest.LTP;
import static io.aitrader.groww.feed.nats.GrowwFeedConnectionTest.await;
import static io.aitrader.groww.feed.nats.GrowwFeedConnectionTest.feed;
import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.BrokerException;
import io.aitrader.groww.fake.nats.FakeFeedServer;
import io.aitrader.groww.fake.nats.FakeSocketToken;
import io.nats.client.NKey;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The socket JWT and the nkey seed never reach logs, exception messages or toString. */
class FeedSecretsTest {
  private static final String SEED_PATTERN = "\\bS[UAON][A-Z2-7]{56}\\b";

  private FakeFeedServer fake;

  @BeforeEach
  void startFake() {
    fake = FakeFeedServer.builder().subscriptionId("sub3").build();
    fake.start();
  }

  @AfterEach
  void closeFake() {
    fake.close();
  }

  @Test
  void credentialsSignTheNonceWithTheKeyTheJwtWasMintedForAndPrintNothing() throws Exception {
    // given
    FakeTokens tokens = new FakeTokens(fake);
    // when
    FeedCredentials creds = FeedCredentials.mint(tokens, new SecureRandom());
    byte[] nonce = "nonce-from-INFO".getBytes(StandardCharsets.UTF_8);
    // then
    assertThat(new String(creds.getID())).isEqualTo(tokens.keys.get(0)).startsWith("U");
    assertThat(new String(creds.getJWT())).isEqualTo(tokens.lastJwt());
    assertThat(NKey.fromPublicKey(creds.getID()).verify(nonce, creds.sign(nonce))).isTrue();
    assertThat(creds.toString()).isEqualTo("FeedCredentials[****]");
    assertThat(creds.grant().toString()).doesNotContain(tokens.lastJwt()).contains("sub3");
    assertThat(creds.redact("token " + tokens.lastJwt() + " refused")).isEqualTo("token *** refused");
  }

  @Test
  void neitherJwtNorSeedAppearsInLogsOrErrorsThroughRefusalOutageAndClose() {
    // given: everything printed while a feed is refused, connects, loses the server, reconnects and closes
    PrintStream err = System.err;
    PrintStream out = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
    List<String> jwts = new ArrayList<>();
    List<String> messages = new ArrayList<>();
    FakeTokens tokens = new FakeTokens(fake);
    System.setErr(capture);
    System.setOut(capture);
    try {
      SocketTokenSource wrongKey =
          key -> {
            FakeSocketToken other = fake.issue(FakeTokens.otherUserKey());
            jwts.add(other.token());
            return SocketGrant.of(other.token(), other.subscriptionId());
          };
      try (GrowwFeedConnection refused = feed(fake, wrongKey, new GrowwFeedConnectionTest.Received()).build()) {
        refused.connect();
      } catch (BrokerException e) {
        messages.add(e.getMessage());
      }
      GrowwFeedReconnectTest.Events events = new GrowwFeedReconnectTest.Events();
      try (GrowwFeedConnection feed =
          feed(fake, tokens, new GrowwFeedConnectionTest.Received()).listener(events).build()) {
        feed.connect();
        feed.subscribe(List.of(LTP, "stocks/order/updates.apex.not-mine"));
        fake.stop();
        fake.start();
        await(() -> events.outage() != null);
        messages.add(feed.toString());
        messages.add(events.outage().toString());
      }
    } finally {
      System.setErr(err);
      System.setOut(out);
    }
    jwts.addAll(tokens.jwts);
    String log = captured.toString(StandardCharsets.UTF_8);

    // then
    assertThat(log).contains("Groww feed connected", "Groww feed reconnected", "refused the subscription");
    assertThat(messages).hasSize(3).allSatisfy(m -> assertThat(m).doesNotContainPattern(SEED_PATTERN));
    assertThat(messages.get(0)).contains("refused the socket token");
    assertThat(jwts).hasSizeGreaterThanOrEqualTo(3);
    for (String jwt : jwts) {
      String signature = jwt.substring(jwt.lastIndexOf('.') + 1);
      assertThat(log).doesNotContain(signature);
      assertThat(messages).allSatisfy(m -> assertThat(m).doesNotContain(signature));
    }
    assertThat(log).doesNotContainPattern(SEED_PATTERN);
  }
}
