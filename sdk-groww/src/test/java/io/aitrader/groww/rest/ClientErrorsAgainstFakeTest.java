package io.aitrader.groww.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.aitrader.api.BrokerException;
import io.aitrader.api.NotFoundException;
import io.aitrader.api.OrderRejectedException;
import io.aitrader.api.Secret;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.OrderRequest;
import io.aitrader.api.order.OrderType;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.api.order.Validity;
import io.aitrader.core.instruments.InMemoryInstrumentRepository;
import io.aitrader.groww.auth.GrowwCredentials;
import io.aitrader.groww.broker.GrowwInstruments;
import io.aitrader.groww.fake.FakeGroww;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The client's error paths against the fake Groww, endpoint by endpoint: a FAILURE envelope, a 401 and the re-mint,
 * a timeout, a malformed body; each ends in a typed exception with a clear message (or in a transparent recovery),
 * and the client keeps working. Rate limits (429) are in {@link RateLimitsAgainstFakeTest}.
 */
class ClientErrorsAgainstFakeTest {
  private static final Duration IMPATIENT = Duration.ofMillis(500);
  private static final Duration BEYOND_IMPATIENT = Duration.ofMillis(1300);

  static FakeGrowwFixture groww;
  static GrowwClient client;
  /** A client with a short timeout, for the timeout cases (each waits for it). */
  static GrowwClient impatient;
  static String openOrderId;
  static String openOrderRef;
  static String gttId;

  /** One endpoint: its path (for fault injection) and a call through the client that uses it. */
  record Endpoint(String name, String path, boolean idempotent, Consumer<GrowwClient> call) {
    @Override
    public String toString() {
      return name;
    }
  }

  @BeforeAll
  static void start() {
    List<Instrument> master = new ArrayList<>(InMemoryInstrumentRepository.bundledNse().all());
    master.addAll(ClientAgainstFakeTest.niftyOptions(7));
    groww = FakeGrowwFixture.start(b -> b.rateLimits(false).instruments(master));
    client = GrowwClient.create(groww.config(FakeGrowwFixture.totp()).rateLimiter(groww.generousLimiter(100)).build());
    impatient = GrowwClient.create(groww.config(FakeGrowwFixture.totp()).rateLimiter(groww.generousLimiter(100))
        .requestTimeout(IMPATIENT).build());
    OrderPlacement open = farLimitBuy();
    openOrderRef = open.referenceId();
    openOrderId = client.orders().place(open).growwOrderId();
    gttId = client.smartOrders().createGtt(gtt()).smartOrderId();
  }

  @AfterAll
  static void stop() {
    groww.close();
  }

  @BeforeEach
  void reset() {
    groww.reset();
  }

  private static OrderPlacement farLimitBuy() {
    return new OrderPlacement("INFY", Exchange.NSE, Segment.CASH, 1, Optional.of(Price.of("100")), Optional.empty(),
        OrderType.LIMIT, Side.BUY, Product.CNC, Validity.DAY, ClientAgainstFakeTest.nextRef());
  }

  private static GttRequest gtt() {
    return new GttRequest(ClientAgainstFakeTest.nextRef(), Exchange.NSE, Segment.CASH, "SBIN", 1, Product.CNC,
        Validity.DAY, Price.of("100"), "DOWN", Side.BUY, OrderType.LIMIT, Optional.of(Price.of("100")));
  }

  private static OrderRequest basketItem() {
    Instrument lt = InMemoryInstrumentRepository.bundledNse().find(Exchange.NSE, "LT").orElseThrow();
    return OrderRequest.builder().instrument(lt).side(Side.BUY).quantity(1).orderType(OrderType.LIMIT)
        .limitPrice(Price.of("3000")).product(Product.CNC).referenceId(ClientAgainstFakeTest.nextRef())
        .strategyId("it").build();
  }

  static Stream<Endpoint> endpoints() {
    LocalDate expiry = ClientAgainstFakeTest.EXPIRY;
    String option = ClientAgainstFakeTest.niftyOptions(7).get(0).tradingSymbol();
    return Stream.of(
        new Endpoint("order place", "/v1/order/create", false, c -> c.orders().place(farLimitBuy())),
        new Endpoint("order modify", "/v1/order/modify", false, c -> c.orders().modify(openOrderId, Segment.CASH, 1,
            OrderType.LIMIT, Optional.of(Price.of("101")), Optional.empty())),
        new Endpoint("order cancel", "/v1/order/cancel", false,
            c -> c.orders().cancel(c.orders().place(farLimitBuy()).growwOrderId(), Segment.CASH)),
        new Endpoint("order status", "/v1/order/status/G", true, c -> c.orders().status(openOrderId, Segment.CASH)),
        new Endpoint("order status by reference", "/v1/order/status/reference", true,
            c -> c.orders().statusByReference(openOrderRef, Segment.CASH).orElseThrow()),
        new Endpoint("order detail", "/v1/order/detail", true, c -> c.orders().detail(openOrderId, Segment.CASH)),
        new Endpoint("order list", "/v1/order/list", true, c -> c.orders().list(Optional.empty(), 0, 25)),
        new Endpoint("order trades", "/v1/order/trades", true, c -> c.orders().trades(openOrderId, Segment.CASH, 0,
            25)),
        new Endpoint("smart order create", "/v1/order-advance/create", false, c -> c.smartOrders().createGtt(gtt())),
        new Endpoint("smart order modify", "/v1/order-advance/modify", false, c -> c.smartOrders().modifyGtt(gttId,
            Segment.CASH, Optional.of(2L), Optional.empty(), Optional.empty())),
        new Endpoint("smart order cancel", "/v1/order-advance/cancel", false, c -> c.smartOrders().cancel(
            Segment.CASH, SmartOrderType.GTT, c.smartOrders().createGtt(gtt()).smartOrderId())),
        new Endpoint("smart order get", "/v1/order-advance/status", true,
            c -> c.smartOrders().get(Segment.CASH, SmartOrderType.GTT, gttId)),
        new Endpoint("smart order list", "/v1/order-advance/list", true, c -> c.smartOrders().list(Optional.empty(),
            Optional.empty(), Optional.empty(), 0, 50)),
        new Endpoint("quote", "/v1/live-data/quote", true, c -> c.liveData().quote(Exchange.NSE, Segment.CASH,
            "RELIANCE")),
        new Endpoint("ltp", "/v1/live-data/ltp", true, c -> c.liveData().ltp(Segment.CASH, List.of("NSE_RELIANCE"))),
        new Endpoint("ohlc", "/v1/live-data/ohlc", true, c -> c.liveData().ohlc(Segment.CASH, List.of("NSE_TCS"))),
        new Endpoint("option chain", "/v1/option-chain", true, c -> c.liveData().optionChain(Exchange.NSE, "NIFTY",
            expiry)),
        new Endpoint("greeks", "/v1/live-data/greeks", true, c -> c.liveData().greeks(Exchange.NSE, "NIFTY", option,
            expiry)),
        new Endpoint("candles", "/v1/historical/candles", true, c -> c.historical().candles(Exchange.NSE,
            Segment.CASH, "NSE-WIPRO", LocalDateTime.of(2025, 5, 30, 9, 15), LocalDateTime.of(2025, 5, 30, 15, 30),
            CandleInterval.MINUTE_5)),
        new Endpoint("expiries", "/v1/historical/expiries", true, c -> c.historical().expiries(Exchange.NSE, "NIFTY",
            Optional.empty(), Optional.empty())),
        new Endpoint("contracts", "/v1/historical/contracts", true, c -> c.historical().contracts(Exchange.NSE,
            "NIFTY", expiry)),
        new Endpoint("holdings", "/v1/holdings/user", true, c -> c.portfolio().holdings()),
        new Endpoint("positions", "/v1/positions/user", true, c -> c.portfolio().positions(Optional.empty())),
        new Endpoint("positions of a symbol", "/v1/positions/trading-symbol", true,
            c -> c.portfolio().positionsFor("RELIANCE", Segment.CASH)),
        new Endpoint("margins", "/v1/margins/detail/user", true, c -> c.account().margins()),
        new Endpoint("required margin", "/v1/margins/detail/orders", true,
            c -> c.account().requiredMargin(Segment.CASH, List.of(basketItem()))),
        new Endpoint("user", "/v1/user/detail", true, c -> c.account().user()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void aFailureEnvelopeIsATypedExceptionWithGrowwsCodeAndMessageAndTheClientKeepsWorking(Endpoint e) {
    groww.fake.faults().failNextWithError(e.path(), 400, "GA006", "the fake refuses this " + e.name());

    Throwable t = catchThrowable(() -> e.call().accept(client));

    assertThat(t).isInstanceOf(GrowwFailure.class).isInstanceOf(BrokerException.class)
        .hasMessageContaining("GA006").hasMessageContaining("the fake refuses this " + e.name())
        .hasMessageContaining(e.path().substring(0, e.path().lastIndexOf('/')));
    assertThat(((GrowwFailure) t).errorCode()).contains("GA006");
    assertThat(((BrokerException) t).isRetryable()).isFalse();
    assertThat(groww.fake.faults().pending()).isZero();
    e.call().accept(client);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void anExpiredTokenIsReMintedAndTheCallerSeesNothing(Endpoint e) {
    client.tokens().current();
    groww.fake.clearRequests();
    int mintsBefore = groww.fake.tokenMints();
    groww.fake.faults().expireTokens();

    e.call().accept(client);

    assertThat(groww.fake.tokenMints()).isEqualTo(mintsBefore + 1);
    assertThat(groww.fake.requests(HttpPaths.MINT)).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void aTimeoutIsRetriedForReadsAndReportedForWrites(Endpoint e) {
    e.call().accept(impatient); // warm: the fake's caches, the connection, the token
    groww.fake.clearRequests();
    groww.fake.faults().delayNext(e.path(), BEYOND_IMPATIENT);

    Throwable t = catchThrowable(() -> e.call().accept(impatient));

    if (e.idempotent()) {
      assertThat(t).isNull();
      assertThat(groww.fake.requests(e.path())).hasSizeGreaterThanOrEqualTo(2);
    } else {
      assertThat(t).isInstanceOf(GrowwTimeoutException.class).hasMessageContaining("outcome is unknown")
          .hasMessageContaining(IMPATIENT.toMillis() + " ms");
      assertThat(((BrokerException) t).isRetryable()).isTrue();
      assertThat(groww.fake.requests(e.path())).hasSize(1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void aMalformedBodyIsAClearErrorAndTheClientKeepsWorking(Endpoint e) {
    groww.fake.faults().malformedNext(e.path());

    Throwable t = catchThrowable(() -> e.call().accept(client));

    assertThat(t).isInstanceOf(MalformedResponseException.class).hasMessageContaining("not JSON")
        .hasMessageContaining(e.path().substring(0, e.path().lastIndexOf('/')));
    e.call().accept(client);
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
  void mapsEveryGrowwErrorCodeToATypedException(int status, String code, String type, boolean retryable)
      throws Exception {
    GrowwClient noRetries = GrowwClient.create(groww.config(FakeGrowwFixture.totp()).maxRetries(0).build());
    groww.fake.faults().failNextWithError("/v1/order/detail", status, code, "something about " + code);

    Throwable t = catchThrowable(() -> noRetries.orders().detail(openOrderId, Segment.CASH));

    assertThat(t).isInstanceOf(Class.forName(type)).hasMessageContaining(code)
        .hasMessageContaining("something about " + code).hasMessageContaining("GET /v1/order/detail");
    assertThat(((GrowwFailure) t).errorCode()).contains(code);
    assertThat(((GrowwFailure) t).httpStatus()).isEqualTo(status);
    if (t instanceof BrokerException) {
      assertThat(((BrokerException) t).isRetryable()).isEqualTo(retryable);
    }
  }

  @ParameterizedTest
  @CsvSource({"400, io.aitrader.groww.rest.GrowwApiException", "403, io.aitrader.groww.rest.GrowwApiException",
      "404, io.aitrader.groww.rest.GrowwNotFoundException", "502, io.aitrader.groww.rest.GrowwApiException",
      "504, io.aitrader.groww.rest.GrowwTimeoutException"})
  void mapsHttpStatusesWithoutAnEnvelope(int status, String type) throws Exception {
    GrowwClient noRetries = GrowwClient.create(groww.config(FakeGrowwFixture.totp()).maxRetries(0).build());
    groww.fake.faults().failNext("/v1/order/detail", status, "{\"message\":\"plain\"}");

    assertThatThrownBy(() -> noRetries.orders().detail(openOrderId, Segment.CASH)).isInstanceOf(Class.forName(type))
        .hasMessageContaining("HTTP " + status);
  }

  @Test
  void anInvalidOrderIsAnOrderRejectionWithGrowwsReason() {
    OrderPlacement unknown = new OrderPlacement("NOSUCHSYMBOL", Exchange.NSE, Segment.CASH, 1,
        Optional.of(Price.of("1")), Optional.empty(), OrderType.LIMIT, Side.BUY, Product.CNC, Validity.DAY,
        ClientAgainstFakeTest.nextRef());

    assertThatThrownBy(() -> client.orders().place(unknown)).isInstanceOf(GrowwOrderRejectedException.class)
        .isInstanceOf(OrderRejectedException.class).hasMessageContaining("GA001")
        .hasMessageContaining("Invalid trading symbol");
  }

  @Test
  void aReusedReferenceIdIsADuplicateReference() {
    OrderPlacement again = new OrderPlacement("INFY", Exchange.NSE, Segment.CASH, 1, Optional.of(Price.of("100")),
        Optional.empty(), OrderType.LIMIT, Side.BUY, Product.CNC, Validity.DAY, openOrderRef);

    assertThatThrownBy(() -> client.orders().place(again)).isInstanceOf(DuplicateReferenceException.class)
        .hasMessageContaining("look it up");
  }

  @Test
  void anUnknownReferenceIsEmptyAndAnUnknownOrderIsTheSdksNotFound() {
    assertThat(client.orders().statusByReference("never-used-1", Segment.CASH)).isEmpty();
    assertThatThrownBy(() -> client.orders().detail("GMK-NOPE", Segment.CASH))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("GA004");
  }

  @Test
  void aReadGivesUpAfterTheConfiguredRetries() {
    for (int i = 0; i < 6; i++) { // more than the 4 attempts: a resend inside the JDK client must not end the run
      groww.fake.faults().failNext("/v1/holdings/user", 502, "");
    }

    assertThatThrownBy(() -> client.portfolio().holdings()).isInstanceOf(GrowwApiException.class)
        .hasMessageContaining("HTTP 502").matches(x -> ((BrokerException) x).isRetryable());
    assertThat(groww.sleeps).containsExactly(500L, 1000L, 2000L);
  }

  @Test
  void aServerErrorOnAReadIsRetriedAfterBackOff() {
    groww.fake.faults().failNextWithError("/v1/holdings/user", 500, "GA000", "internal")
        .failNext("/v1/holdings/user", 502, "<html>bad gateway</html>");

    assertThat(client.portfolio().holdings()).isEmpty();
    assertThat(groww.fake.faults().pending()).isZero();
    // (the JDK client may itself resend a GET once on a pooled connection the server closed: count the waits)
    assertThat(groww.sleeps).containsExactly(500L, 1000L);
  }

  @Test
  void aServerErrorOnAWriteIsNotRetried() {
    groww.fake.faults().failNextWithError("/v1/order/cancel", 500, "GA000", "internal");

    assertThatThrownBy(() -> client.orders().cancel(openOrderId, Segment.CASH))
        .isInstanceOf(GrowwApiException.class).hasMessageContaining("GA000")
        .matches(x -> ((BrokerException) x).isRetryable());
    assertThat(groww.fake.requests("/v1/order/cancel")).hasSize(1);
  }

  @Test
  void aMalformedInstrumentCsvIsAClearErrorAndTheNextLoadWorks() {
    groww.fake.faults().malformedNext(FakeGroww.CSV_PATH);

    assertThatThrownBy(() -> GrowwInstruments.load(client)).isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("instrument master").hasMessageContaining("missing required column");
    assertThat(GrowwInstruments.load(client).all()).hasSameSizeAs(groww.fake.instruments());
  }

  @Test
  void theApprovalFlowMintsWithAnIntegerTimestampAndChecksum() {
    GrowwClient approval = GrowwClient.create(groww.config(FakeGrowwFixture.approval()).build());
    int before = groww.fake.tokenMints();

    assertThat(approval.account().user().field("ucc")).isPresent();
    assertThat(groww.fake.tokenMints()).isEqualTo(before + 1);
    assertThat(groww.fake.requests(HttpPaths.MINT).get(0).body()).contains("\"key_type\":\"approval\"")
        .containsPattern("\"checksum\":\"[0-9a-f]{64}\"").containsPattern("\"timestamp\":[0-9]{10}[,}]");
  }

  @Test
  void theTotpFlowPassesTheFakesVerification() {
    GrowwClient totp = GrowwClient.create(groww.config(FakeGrowwFixture.totp()).build());
    int before = groww.fake.tokenMints();

    totp.tokens().current();

    assertThat(groww.fake.tokenMints()).isEqualTo(before + 1);
    assertThat(groww.fake.requests(HttpPaths.MINT).get(0).body()).contains("\"key_type\":\"totp\"")
        .containsPattern("\"totp\":\"[0-9]{6}\"");
  }

  @Test
  void aWrongTotpSecretIsAnAuthenticationErrorSayingWhatToCheck() {
    GrowwClient wrong = GrowwClient.create(groww.config(new GrowwCredentials.ApiKeyTotp(
        Secret.of(FakeGroww.DEFAULT_API_KEY), Secret.of("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"))).build());

    assertThatThrownBy(() -> wrong.portfolio().holdings()).isInstanceOf(GrowwAuthenticationException.class)
        .hasMessageContaining("TOTP code is invalid").hasMessageContaining(GrowwCredentials.TOTP_SECRET)
        .hasMessageNotContaining(FakeGroww.DEFAULT_API_KEY);
  }

  @Test
  void aWrongApiSecretIsAnAuthenticationErrorSayingWhatToCheck() {
    GrowwClient wrong = GrowwClient.create(groww.config(new GrowwCredentials.ApiKeySecret(
        Secret.of(FakeGroww.DEFAULT_API_KEY), Secret.of("not-the-secret"))).build());

    assertThatThrownBy(() -> wrong.account().user()).isInstanceOf(GrowwAuthenticationException.class)
        .hasMessageContaining("checksum is invalid").hasMessageContaining(GrowwCredentials.API_SECRET)
        .hasMessageNotContaining("not-the-secret");
  }

  @Test
  void aRejectedPreGeneratedTokenCannotBeReMintedAndSaysWhatToCheck() {
    GrowwClient pre = GrowwClient.create(groww.config(groww.accessToken()).build());
    assertThat(pre.account().user().field("ucc")).isPresent();
    String token = pre.tokens().current().value().reveal();
    groww.fake.faults().expireTokens();

    assertThatThrownBy(() -> pre.account().user()).isInstanceOf(GrowwAuthenticationException.class)
        .hasMessageContaining(GrowwCredentials.ACCESS_TOKEN).hasMessageContaining("06:00 IST")
        .hasMessageNotContaining(token);
    assertThat(groww.fake.requests(HttpPaths.MINT)).isEmpty();
  }

  @Test
  void aServerMessageQuotingTheTokenIsRedacted() {
    String token = client.tokens().current().value().reveal();
    groww.fake.faults().failNextWithError("/v1/user/detail", 403, "GA005", "token " + token + " may not do this");

    assertThatThrownBy(() -> client.account().user()).isInstanceOf(GrowwApiException.class)
        .hasMessageContaining("GA005").hasMessageContaining("token *** may not").hasMessageNotContaining(token);
  }

  /** Paths used in assertions. */
  static final class HttpPaths {
    static final String MINT = "/v1/token/api/access";

    private HttpPaths() {}
  }
}
