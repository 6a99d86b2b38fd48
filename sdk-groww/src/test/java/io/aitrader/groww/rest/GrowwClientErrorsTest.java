package io.aitrader.groww.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.BrokerException;
import io.aitrader.api.NotFoundException;
import io.aitrader.api.OrderRejectedException;
import io.aitrader.api.RateLimitedException;
import io.aitrader.api.Secret;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.order.OrderStatus;
import io.aitrader.api.order.OrderType;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.api.order.Validity;
import io.aitrader.core.time.ManualTimeSource;
import io.aitrader.groww.auth.GrowwCredentials;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The HTTP core through the public client, against a scripted server: headers, envelope, errors, retries, limits. */
class GrowwClientErrorsTest {
  private static final String TOKEN = "eyJ.SECRET-TOKEN-VALUE";
  private static final String MINTED = "{\"token\":\"MINTED-TOKEN-VALUE\",\"tokenRefId\":\"r\",\"active\":true}";

  private StubServer server;
  private final ManualTimeSource clock = new ManualTimeSource(1_736_140_000_000L);
  private final List<Long> sleeps = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = new StubServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private GrowwClient client(GrowwCredentials credentials) {
    return GrowwClient.create(GrowwClientConfig.builder().credentials(credentials).baseUrl(server.baseUrl())
        .clock(clock).sleeper(ms -> {
          sleeps.add(ms);
          clock.advance(Duration.ofMillis(ms));
        }).requestTimeout(Duration.ofMillis(300)).build());
  }

  private GrowwClient tokenClient() {
    return client(new GrowwCredentials.AccessToken(Secret.of(TOKEN)));
  }

  private GrowwClient totpClient() {
    return client(new GrowwCredentials.ApiKeyTotp(Secret.of("API-KEY-VALUE"),
        Secret.of("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")));
  }

  private static OrderPlacement placement() {
    return new OrderPlacement("WIPRO", Exchange.NSE, Segment.CASH, 10, Optional.empty(), Optional.empty(),
        OrderType.MARKET, Side.BUY, Product.CNC, Validity.DAY, "ref-00000001");
  }

  @Test
  void sendsTheSdkHeadersAndUnwrapsThePayload() {
    server.thenSuccess("{\"groww_order_id\":\"G1\",\"order_status\":\"OPEN\",\"filled_quantity\":0}");
    OrderStatusInfo s = tokenClient().orders().status("G1", Segment.CASH);

    assertThat(s.status()).isEqualTo(OrderStatus.OPEN);
    StubServer.Seen r = server.requests.get(0);
    assertThat(r.path()).isEqualTo("/v1/order/status/G1");
    assertThat(r.query()).isEqualTo("segment=CASH");
    assertThat(r.header("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(r.header("x-api-version")).isEqualTo("1.0");
    assertThat(r.header("x-request-id")).hasSize(36);
    assertThat(r.header("Content-Type")).isEqualTo("application/json");
  }

  @ParameterizedTest
  @CsvSource({
      "500, GA000, io.aitrader.groww.rest.GrowwApiException, true",
      "400, GA001, io.aitrader.groww.rest.GrowwApiException, false",
      "503, GA003, io.aitrader.groww.rest.GrowwApiException, true",
      "404, GA004, io.aitrader.groww.rest.GrowwNotFoundException, false",
      "403, GA005, io.aitrader.groww.rest.GrowwApiException, false",
      "400, GA006, io.aitrader.groww.rest.GrowwApiException, false",
      "400, GA007, io.aitrader.groww.rest.DuplicateReferenceException, false"})
  void mapsEveryFailureCodeToATypedException(int status, String code, String type, boolean retryable)
      throws Exception {
    server.thenFailure(status, code, "something about " + code);
    GrowwClient c = client(new GrowwCredentials.AccessToken(Secret.of(TOKEN)));
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> c.orders().detail("G1", Segment.CASH));

    assertThat(t).isInstanceOf(Class.forName(type)).hasMessageContaining(code).hasMessageContaining("GET /v1/order");
    assertThat(((GrowwFailure) t).errorCode()).contains(code);
    if (t instanceof BrokerException) {
      assertThat(((BrokerException) t).isRetryable()).isEqualTo(retryable);
    }
  }

  @ParameterizedTest
  @CsvSource({"400, io.aitrader.groww.rest.GrowwApiException", "403, io.aitrader.groww.rest.GrowwApiException",
      "404, io.aitrader.groww.rest.GrowwNotFoundException", "502, io.aitrader.groww.rest.GrowwApiException",
      "504, io.aitrader.groww.rest.GrowwTimeoutException"})
  void mapsHttpStatusesWithoutAnEnvelope(int status, String type) throws Exception {
    server.then(status, "{\"message\":\"plain\"}");
    GrowwClient c = tokenClient();
    assertThatThrownBy(() -> c.orders().detail("G1", Segment.CASH)).isInstanceOf(Class.forName(type))
        .hasMessageContaining("HTTP " + status);
  }

  @Test
  void invalidOrderIsAnOrderRejection() {
    server.thenFailure(400, "GA001", "Invalid trading symbol.");
    assertThatThrownBy(() -> tokenClient().orders().place(placement()))
        .isInstanceOf(GrowwOrderRejectedException.class).isInstanceOf(OrderRejectedException.class)
        .hasMessageContaining("Invalid trading symbol.");
  }

  @Test
  void reusedReferenceIdIsADuplicateReference() {
    server.thenFailure(400, "GA007", "Duplicate order reference id");
    assertThatThrownBy(() -> tokenClient().orders().place(placement()))
        .isInstanceOf(DuplicateReferenceException.class).hasMessageContaining("look it up");
  }

  @Test
  void remintsAfter401AndRepeatsTheCallOnce() {
    server.then(200, MINTED).then(401, "{\"status\":\"FAILURE\",\"error\":{\"code\":\"GA005\",\"message\":\"x\"}}")
        .then(200, MINTED).thenSuccess("{\"holdings\":[]}");
    assertThat(totpClient().portfolio().holdings()).isEmpty();

    List<StubServer.Seen> r = server.requests;
    assertThat(r).extracting(StubServer.Seen::path).containsExactly("/v1/token/api/access", "/v1/holdings/user",
        "/v1/token/api/access", "/v1/holdings/user");
    assertThat(r.get(0).header("Authorization")).isEqualTo("Bearer API-KEY-VALUE");
    assertThat(r.get(0).body()).contains("\"key_type\":\"totp\"").contains("\"totp\":\"");
    assertThat(r.get(3).header("Authorization")).isEqualTo("Bearer MINTED-TOKEN-VALUE");
  }

  @Test
  void aRejectedPreGeneratedTokenSaysWhatToCheckWithoutTheToken() {
    server.then(401, "{\"status\":\"FAILURE\",\"error\":{\"code\":\"GA005\",\"message\":\"bad token " + TOKEN
        + "\"}}");
    assertThatThrownBy(() -> tokenClient().portfolio().holdings())
        .isInstanceOf(GrowwAuthenticationException.class)
        .hasMessageContaining("GROWW_ACCESS_TOKEN").hasMessageContaining("06:00 IST")
        .hasMessageNotContaining(TOKEN).hasMessageContaining("***");
  }

  @Test
  void aFailedMintSaysWhatToCheckWithoutTheKey() {
    server.then(400, "{\"error\":{\"displayMessage\":\"Invalid TOTP for API-KEY-VALUE\"}}");
    assertThatThrownBy(() -> totpClient().portfolio().holdings())
        .isInstanceOf(GrowwAuthenticationException.class)
        .hasMessageContaining("Invalid TOTP").hasMessageContaining("GROWW_TOTP_SECRET")
        .hasMessageNotContaining("API-KEY-VALUE");
  }

  @Test
  void getsBackOffAndRetryAfter429() {
    server.then(429, "Too Many Requests", Map.of("Retry-After", "2")).thenSuccess("{\"holdings\":[]}");
    assertThat(tokenClient().portfolio().holdings()).isEmpty();
    assertThat(server.requests).hasSize(2);
    assertThat(sleeps).containsExactly(2000L);
  }

  @Test
  void writesAreNotRetriedAfter429() {
    server.then(429, "Too Many Requests").thenSuccess("{}");
    assertThatThrownBy(() -> tokenClient().orders().place(placement()))
        .isInstanceOf(RateLimitedException.class).isInstanceOf(GrowwRateLimitedException.class);
    assertThat(server.requests).hasSize(1);
  }

  @Test
  void getsGiveUpAfterTheConfiguredRetries() {
    server.then(502, "");
    assertThatThrownBy(() -> tokenClient().portfolio().holdings()).isInstanceOf(GrowwApiException.class)
        .matches(e -> ((BrokerException) e).isRetryable());
    assertThat(server.requests).hasSize(4);
    assertThat(sleeps).containsExactly(500L, 1000L, 2000L);
  }

  @Test
  void aTimeoutIsARetryableTimeoutException() {
    server.thenHang();
    GrowwClient c = GrowwClient.create(GrowwClientConfig.builder()
        .credentials(new GrowwCredentials.AccessToken(Secret.of(TOKEN))).baseUrl(server.baseUrl()).clock(clock)
        .sleeper(ms -> { }).maxRetries(0).requestTimeout(Duration.ofMillis(200)).build());
    assertThatThrownBy(() -> c.orders().place(placement())).isInstanceOf(GrowwTimeoutException.class)
        .hasMessageContaining("outcome is unknown").hasMessageContaining("reference id")
        .matches(e -> ((BrokerException) e).isRetryable());
  }

  @Test
  void malformedJsonIsAClearErrorAndTheClientKeepsWorking() {
    server.then(200, "<html>gateway</html>").thenSuccess("{\"holdings\":[]}");
    GrowwClient c = tokenClient();
    assertThatThrownBy(() -> c.portfolio().holdings()).isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("not JSON").hasMessageContaining("GET /v1/holdings/user");
    assertThat(c.portfolio().holdings()).isEmpty();
  }

  @Test
  void aMissingFieldNamesTheField() {
    server.thenSuccess("{\"order_status\":\"OPEN\"}");
    assertThatThrownBy(() -> tokenClient().orders().status("G1", Segment.CASH))
        .isInstanceOf(MalformedResponseException.class).hasMessageContaining("groww_order_id");
  }

  @Test
  void waitsForTheClientSideOrdersBucketInsteadOfGetting429() {
    server.thenSuccess("{\"groww_order_id\":\"G1\",\"order_status\":\"OPEN\"}");
    GrowwClient c = tokenClient();
    for (int i = 0; i < 11; i++) {
      c.orders().cancel("G" + i, Segment.CASH);
    }
    assertThat(sleeps).hasSize(1);
    assertThat(sleeps.get(0)).isEqualTo(1000L);
  }

  @Test
  void notFoundByReferenceIsEmpty() {
    server.thenFailure(404, "GA004", "Order not found");
    assertThat(tokenClient().orders().statusByReference("ref-00000001", Segment.CASH)).isEmpty();
  }

  @Test
  void notFoundIsTheSdkNotFoundException() {
    server.thenFailure(404, "GA004", "Order not found");
    assertThatThrownBy(() -> tokenClient().orders().detail("nope", Segment.FNO))
        .isInstanceOf(NotFoundException.class);
  }
}
