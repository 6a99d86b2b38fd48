package io.aitrader.groww.fake;

import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.core.time.ManualTimeSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthTest {
  private final ManualTimeSource clock = new ManualTimeSource(FakeGroww.DEFAULT_START_MILLIS);
  private FakeGroww fake;
  private Http http;

  @BeforeEach
  void start() {
    fake = FakeGroww.builder().clock(clock).build().start();
    http = new Http(fake);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void mintsATokenAtTopLevelWithTheCurrentTotpCode() {
    String code = Totp.code(FakeGroww.DEFAULT_TOTP_SECRET, clock.currentTimeMillis());

    Http.Response r = http.post(HttpFront.TOKEN_PATH, "{\"key_type\":\"totp\",\"totp\":\"" + code + "\"}",
        Optional.of(FakeGroww.DEFAULT_API_KEY));

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("token").asText()).contains(".");
    assertThat(r.json().get("expiry").asText()).isEqualTo("2025-06-03T06:00:00");
    assertThat(r.json().get("active").asBoolean()).isTrue();
    assertThat(r.json().has("payload")).isFalse();
    assertThat(fake.tokenMints()).isEqualTo(1);
    assertThat(http.token(r.json().get("token").asText()).get("/v1/user/detail").status()).isEqualTo(200);
  }

  @Test
  void acceptsTheCodeOfTheNeighbouringStepOnly() {
    long now = clock.currentTimeMillis();
    String previous = Totp.code(FakeGroww.DEFAULT_TOTP_SECRET, now - 30_000);
    String tooOld = Totp.code(FakeGroww.DEFAULT_TOTP_SECRET, now - 90_000);

    assertThat(mintTotp(previous).status()).isEqualTo(200);
    Http.Response refused = mintTotp(tooOld);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorCode()).isEqualTo("GA001");
    assertThat(refused.json().path("error").path("displayMessage").asText()).contains("TOTP");
  }

  @Test
  void matchesTheRfc6238ReferenceVector() {
    // RFC 6238 appendix B: secret "12345678901234567890" (base32 GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ), T=59 s, SHA-1
    assertThat(Totp.code("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", 59_000)).isEqualTo("287082");
    assertThat(Totp.code("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", 1_111_111_109_000L)).isEqualTo("081804");
  }

  @Test
  void mintsByApprovalChecksumWithIntegerOrStringTimestamp() throws Exception {
    long ts = clock.currentTimeMillis() / 1000;
    String checksum = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest((FakeGroww.DEFAULT_API_SECRET + ts).getBytes(StandardCharsets.UTF_8)));

    Http.Response asInt = http.post(HttpFront.TOKEN_PATH, "{\"key_type\":\"approval\",\"checksum\":\"" + checksum
        + "\",\"timestamp\":" + ts + "}", Optional.of(FakeGroww.DEFAULT_API_KEY));
    Http.Response asString = http.post(HttpFront.TOKEN_PATH, "{\"key_type\":\"approval\",\"checksum\":\"" + checksum
        + "\",\"timestamp\":\"" + ts + "\"}", Optional.of(FakeGroww.DEFAULT_API_KEY));
    Http.Response wrong = http.post(HttpFront.TOKEN_PATH, "{\"key_type\":\"approval\",\"checksum\":\"" + checksum
        + "\",\"timestamp\":" + (ts + 1) + "}", Optional.of(FakeGroww.DEFAULT_API_KEY));

    assertThat(asInt.status()).isEqualTo(200);
    assertThat(asString.status()).isEqualTo(200);
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.errorMessage()).contains("checksum");
    assertThat(fake.tokenMints()).isEqualTo(2);
  }

  @Test
  void refusesAWrongApiKeyWith401AndNeverEchoesIt() {
    Http.Response r = http.post(HttpFront.TOKEN_PATH, "{\"key_type\":\"totp\",\"totp\":\"123456\"}",
        Optional.of("my-wrong-key-value"));

    assertThat(r.status()).isEqualTo(401);
    assertThat(r.json().get("status").asText()).isEqualTo("FAILURE");
    assertThat(r.body()).doesNotContain("my-wrong-key-value");
  }

  @Test
  void answersMissingOrWrongTokenWith401FailureEnvelope() {
    Http.Response none = http.token("").get("/v1/order/list");
    Http.Response wrong = http.token("not-a-token").get("/v1/order/list");

    for (Http.Response r : new Http.Response[] {none, wrong}) {
      assertThat(r.status()).isEqualTo(401);
      assertThat(r.json().get("status").asText()).isEqualTo("FAILURE");
      assertThat(r.errorCode()).isEqualTo("GA005");
      assertThat(r.json().get("error").has("metadata")).isTrue();
    }
    assertThat(wrong.body()).doesNotContain("not-a-token");
  }

  @Test
  void tokensExpireAtSixInTheMorningIst() {
    http.login(fake);
    assertThat(http.get("/v1/order/list").status()).isEqualTo(200);

    fake.advanceTo(FakeGroww.DEFAULT_START_MILLIS + Duration.ofHours(20).toMillis()); // 06:00 next day

    Http.Response r = http.get("/v1/order/list");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.errorMessage()).contains("expired");
  }

  @Test
  void expireTokensForcesARemintThatWorks() {
    http.login(fake);
    fake.faults().expireTokens();

    assertThat(http.get("/v1/order/list").status()).isEqualTo(401);
    http.login(fake);
    assertThat(http.get("/v1/order/list").status()).isEqualTo(200);
    assertThat(fake.tokenMints()).isEqualTo(2);
  }

  @Test
  void acceptsAPreGeneratedTokenAndAnIssuedOne() {
    try (FakeGroww other = FakeGroww.builder().clock(clock).accessToken("ui-token-123").build().start()) {
      Http h = new Http(other);
      assertThat(h.token("ui-token-123").get("/v1/holdings/user").status()).isEqualTo(200);
      assertThat(h.token(other.issueAccessToken()).get("/v1/holdings/user").status()).isEqualTo(200);
    }
  }

  @Test
  void requestLogRedactsTheAuthorizationValue() {
    http.login(fake);
    http.get("/v1/order/list");

    assertThat(fake.requests()).isNotEmpty().allSatisfy(r -> {
      assertThat(r.header("authorization")).contains("Bearer ***");
      assertThat(r.toString()).doesNotContain(FakeGroww.DEFAULT_API_KEY);
    });
    assertThat(fake.requests("/v1/order/list")).hasSize(1);
    assertThat(fake.requests("/v1/order/list").get(0).header("x-api-version")).contains("1.0");
  }

  @Test
  void socketTokenIsGa003WithoutAnIssuerAndTheGrantWithOne() {
    http.login(fake);
    String key = "U" + "A".repeat(55);
    String path = "/v1/api/apex/v1/socket/token/create/";

    Http.Response without = http.post(path, "{\"socketKey\":\"" + key + "\"}");
    fake.socketTokenIssuer(k -> new SocketTokenIssuer.Grant("jwt-for-" + k.substring(0, 3), "sub-1"));
    Http.Response with = http.post(path, "{\"socketKey\":\"" + key + "\"}");
    Http.Response bad = http.post(path, "{\"socketKey\":\"nope\"}");

    assertThat(without.errorCode()).isEqualTo("GA003");
    assertThat(without.errorMessage()).contains("feed is not running");
    assertThat(with.payload().get("token").asText()).isEqualTo("jwt-for-UAA");
    assertThat(with.payload().get("subscriptionId").asText()).isEqualTo("sub-1");
    assertThat(bad.errorCode()).isEqualTo("GA001");
    assertThat(new SocketTokenIssuer.Grant("secret-jwt", "s").toString()).doesNotContain("secret-jwt");
  }

  private Http.Response mintTotp(String code) {
    return http.post(HttpFront.TOKEN_PATH, "{\"key_type\":\"totp\",\"totp\":\"" + code + "\"}",
        Optional.of(FakeGroww.DEFAULT_API_KEY));
  }
}
