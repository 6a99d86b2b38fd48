package io.aitrader.groww.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.Secret;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.OrderType;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.api.order.Validity;
import io.aitrader.groww.auth.GrowwCredentials;
import io.aitrader.groww.fake.FakeGroww;
import io.aitrader.groww.fake.Totp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * After a run through all three login flows and a series of failures against the fake Groww, neither the log output
 * (SLF4J simple logger, which writes to {@code System.err}) nor any exception message or {@code toString()} contains
 * an API key, API secret, TOTP secret, TOTP code or access token.
 */
class TokenRedactionTest {
  private static final String WRONG_SECRET = "wrong-api-secret-value";
  private static final String WRONG_TOTP = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

  private final List<String> texts = new ArrayList<>();
  private final Set<String> secrets = new LinkedHashSet<>();

  @Test
  void noSecretTokenOrTotpCodeReachesTheLogOrAnyMessage() throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream originalErr = System.err;
    long startMillis;
    long endMillis;
    try (FakeGrowwFixture groww = FakeGrowwFixture.start(b -> b.rateLimits(true))) {
      startMillis = groww.clock.currentTimeMillis();
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      try {
        run(groww);
      } finally {
        System.setErr(originalErr);
      }
      endMillis = groww.clock.currentTimeMillis();
    }
    secrets.add(FakeGroww.DEFAULT_API_KEY);
    secrets.add(FakeGroww.DEFAULT_API_SECRET);
    secrets.add(FakeGroww.DEFAULT_TOTP_SECRET);
    secrets.add(WRONG_SECRET);
    secrets.add(WRONG_TOTP);
    List<Pattern> codes = new ArrayList<>();
    for (long t = startMillis - 30_000; t <= endMillis + 30_000; t += 30_000) {
      codes.add(Pattern.compile("\\b" + Totp.code(FakeGroww.DEFAULT_TOTP_SECRET, t) + "\\b"));
    }
    String log = captured.toString(StandardCharsets.UTF_8);

    assertThat(log).as("the capture works").contains("Minted a Groww access token");
    assertThat(secrets).hasSizeGreaterThan(6);
    assertThat(texts).hasSizeGreaterThan(8);
    for (String text : concat(texts, log)) {
      for (String secret : secrets) {
        assertThat(text).doesNotContain(secret);
      }
      for (Pattern code : codes) {
        assertThat(code.matcher(text).find()).as("a TOTP code in: %s", text).isFalse();
      }
    }
  }

  private static List<String> concat(List<String> texts, String log) {
    List<String> all = new ArrayList<>(texts);
    all.add(log);
    return all;
  }

  private void run(FakeGrowwFixture groww) {
    GrowwClient totp = GrowwClient.create(groww.config(FakeGrowwFixture.totp()).build());
    GrowwClient approval = GrowwClient.create(groww.config(FakeGrowwFixture.approval()).build());
    GrowwCredentials pre = groww.accessToken();
    GrowwClient preGenerated = GrowwClient.create(groww.config(pre).build());
    secrets.add(((GrowwCredentials.AccessToken) pre).token().reveal());
    for (GrowwClient c : List.of(totp, approval, preGenerated)) {
      c.account().user();
      remember(c);
    }

    // 401: the API-key clients re-mint, the pre-generated one cannot
    groww.fake.faults().expireTokens();
    totp.portfolio().holdings();
    approval.portfolio().holdings();
    attempt(() -> preGenerated.portfolio().holdings());
    remember(totp);
    remember(approval);

    // a server message quoting the token, a timeout, a malformed body, a 429, a rejected order
    String token = totp.tokens().current().value().reveal();
    groww.fake.faults().failNextWithError("/v1/user/detail", 403, "GA005", "token " + token + " is not allowed");
    attempt(() -> totp.account().user());
    groww.fake.faults().delayNext("/v1/order/cancel", FakeGrowwFixture.BEYOND_TIMEOUT);
    attempt(() -> totp.orders().cancel("GMK-NONE", Segment.CASH));
    groww.fake.faults().malformedNext("/v1/margins/detail/user");
    attempt(() -> approval.account().margins());
    GrowwClient unthrottled = GrowwClient.create(groww.config(FakeGrowwFixture.totp())
        .rateLimiter(groww.generousLimiter(100)).maxRetries(0).build());
    for (int i = 0; i < 11; i++) {
      attempt(() -> unthrottled.liveData().ltp(Segment.CASH, List.of("NSE_RELIANCE")));
    }
    remember(unthrottled);
    attempt(() -> totp.orders().place(new OrderPlacement("NOSUCHSYMBOL", Exchange.NSE, Segment.CASH, 1,
        Optional.of(Price.of("1")), Optional.empty(), OrderType.LIMIT, Side.BUY, Product.CNC, Validity.DAY,
        "redact-0001")));

    // mint failures with wrong credentials
    attempt(() -> GrowwClient.create(groww.config(new GrowwCredentials.ApiKeySecret(
        Secret.of(FakeGroww.DEFAULT_API_KEY), Secret.of(WRONG_SECRET))).build()).account().user());
    attempt(() -> GrowwClient.create(groww.config(new GrowwCredentials.ApiKeyTotp(
        Secret.of(FakeGroww.DEFAULT_API_KEY), Secret.of(WRONG_TOTP))).build()).account().user());
    texts.add(totp.toString());
    texts.add(totp.config().toString());
    texts.add(totp.tokens().toString());
    texts.add(totp.tokens().current().toString());
    texts.add(FakeGrowwFixture.totp().toString());
    texts.add(FakeGrowwFixture.approval().toString());
    texts.add(pre.toString());
  }

  private void remember(GrowwClient c) {
    secrets.add(c.tokens().current().value().reveal());
  }

  private void attempt(Supplier<?> call) {
    try {
      call.get();
      texts.add("(no failure)");
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        texts.add(String.valueOf(t.getMessage()));
        texts.add(t.toString());
      }
    }
  }
}
