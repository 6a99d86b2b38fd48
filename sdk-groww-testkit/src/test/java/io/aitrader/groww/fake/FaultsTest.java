package io.aitrader.groww.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.core.instruments.GrowwInstrumentCsv;
import io.aitrader.core.time.ManualTimeSource;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultsTest {
  private final ManualTimeSource clock = new ManualTimeSource(FakeGroww.DEFAULT_START_MILLIS);
  private FakeGroww fake;
  private Http http;

  @BeforeEach
  void start() {
    fake = FakeGroww.builder().clock(clock).build().start();
    http = new Http(fake).login(fake);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void failNextAnswersTheGivenStatusOnceAndPlacesNothing() {
    fake.faults().failNext("/v1/order/create", 503, "{\"status\":\"FAILURE\",\"error\":{\"code\":\"GA000\","
        + "\"message\":\"down\",\"metadata\":null}}");

    Http.Response failed = http.post("/v1/order/create", OrdersTest.order("INFY", "LIMIT", "10.00", 1, "flt-00001"));
    Http.Response next = http.post("/v1/order/create", OrdersTest.order("INFY", "LIMIT", "10.00", 1, "flt-00001"));

    assertThat(failed.status()).isEqualTo(503);
    assertThat(failed.errorCode()).isEqualTo("GA000");
    assertThat(next.payload().get("order_status").asText()).isEqualTo("OPEN");
    assertThat(fake.faults().pending()).isZero();
  }

  @Test
  void failNextWithErrorBuildsTheEnvelopeAndMatchesEitherPathFamily() {
    fake.faults().failNextWithError("/v1/api/apex/v1/order/list", 500, "GA000", "boom");

    Http.Response r = http.get("/v1/order/list");

    assertThat(r.status()).isEqualTo(500);
    assertThat(r.errorMessage()).isEqualTo("boom");
  }

  @Test
  void delayedCreatePlacesTheOrderSoALookupByReferenceFindsIt() {
    fake.faults().delayNext("/v1/order/create", Duration.ofSeconds(1));

    assertThatThrownBy(() -> http.postWithTimeout("/v1/order/create",
        OrdersTest.order("TCS", "LIMIT", "10.00", 1, "late-0001"), Duration.ofMillis(200)))
        .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(HttpTimeoutException.class);

    Http.Response found = http.get("/v1/order/status/reference/late-0001?segment=CASH");
    assertThat(found.payload().get("order_status").asText()).isEqualTo("OPEN");
  }

  @Test
  void malformedNextTruncatesJson() {
    fake.faults().malformedNext("/v1/order/list");

    Http.Response r = http.get("/v1/order/list");

    assertThat(r.status()).isEqualTo(200);
    assertThatThrownBy(r::json).isInstanceOf(AssertionError.class).hasMessageContaining("not JSON");
    assertThat(http.get("/v1/order/list").payload().has("order_list")).isTrue();
  }

  @Test
  void servesTheInstrumentCsvWithoutAuthAndCanBreakIt() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    URI csv = fake.csvUrl();
    String good = client.send(HttpRequest.newBuilder(csv).build(), HttpResponse.BodyHandlers.ofString()).body();
    fake.faults().malformedNext("/instruments");
    String bad = client.send(HttpRequest.newBuilder(csv).build(), HttpResponse.BodyHandlers.ofString()).body();

    assertThat(GrowwInstrumentCsv.read(new StringReader(good), "fake")).hasSize(fake.instruments().size());
    assertThat(good.lines().findFirst().orElseThrow()).startsWith("exchange,exchange_token,trading_symbol");
    assertThatThrownBy(() -> GrowwInstrumentCsv.read(new StringReader(bad), "fake")).isInstanceOf(RuntimeException.class);
  }

  @Test
  void rateLimitAnswers429WithAJsonFailureUntilTheWindowSlides() {
    for (int i = 0; i < 10; i++) {
      assertThat(http.get("/v1/live-data/ltp?segment=CASH&exchange_symbols=NSE_TCS").status()).isEqualTo(200);
    }

    Http.Response limited = http.get("/v1/live-data/ltp?segment=CASH&exchange_symbols=NSE_TCS");
    Http.Response otherBucket = http.get("/v1/order/list");
    clock.advance(Duration.ofSeconds(1));
    Http.Response later = http.get("/v1/live-data/ltp?segment=CASH&exchange_symbols=NSE_TCS");

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.json().get("status").asText()).isEqualTo("FAILURE");
    assertThat(limited.errorMessage()).contains("groww.live-data");
    assertThat(limited.json().get("error").get("metadata").get("retry_after_ms").asLong()).isEqualTo(1000);
    assertThat(limited.retryAfter()).contains("1");
    assertThat(otherBucket.status()).isEqualTo(200);
    assertThat(later.status()).isEqualTo(200);
  }

  @Test
  void ratesLimitsCanBeSwitchedOff() {
    try (FakeGroww open = FakeGroww.builder().clock(clock).rateLimits(false).build().start()) {
      Http h = new Http(open).login(open);
      for (int i = 0; i < 30; i++) {
        assertThat(h.get("/v1/order/list").status()).isEqualTo(200);
      }
    }
  }

  @Test
  void unknownEndpointIsA404FailureEnvelope() {
    Http.Response r = http.get("/v1/no/such/thing");

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().get("status").asText()).isEqualTo("FAILURE");
  }

  @Test
  void closeIsIdempotentAndFreesThePort() {
    int port = fake.port();
    fake.close();
    fake.close();

    try (FakeGroww again = FakeGroww.builder().port(port).build().start()) {
      assertThat(again.port()).isEqualTo(port);
    }
  }
}
