package io.aitrader.groww.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.aitrader.api.RateLimitedException;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.OrderType;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.api.order.Validity;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Groww's rate limits (429) with the fake's limits on (10 live-data and 10 order calls a second on the fake's
 * clock, which does not move unless a client waits).
 */
class RateLimitsAgainstFakeTest {
  private static final List<String> RELIANCE = List.of("NSE_RELIANCE");

  private FakeGrowwFixture groww;

  @BeforeEach
  void start() {
    groww = FakeGrowwFixture.start(b -> b.rateLimits(true));
  }

  @AfterEach
  void stop() {
    groww.close();
  }

  /** A client whose own limiter lets everything through, so the fake's limits are what it meets. */
  private GrowwClient unthrottled() {
    return GrowwClient.create(groww.config(FakeGrowwFixture.totp()).rateLimiter(groww.generousLimiter(100)).build());
  }

  @Test
  void aReadThatGets429IsRetriedAfterTheFakesRetryAfter() {
    GrowwClient client = unthrottled();
    for (int i = 0; i < 10; i++) {
      client.liveData().ltp(Segment.CASH, RELIANCE);
    }
    assertThat(groww.sleeps).isEmpty();

    assertThat(client.liveData().ltp(Segment.CASH, RELIANCE)).containsKey("NSE_RELIANCE");

    assertThat(groww.fake.requests("/v1/live-data/ltp")).hasSize(12);
    assertThat(groww.sleeps).containsExactly(1000L); // Retry-After: 1 beats the 500 ms back-off
  }

  @Test
  void aWriteThatGets429IsNotRetriedBlindly() {
    GrowwClient client = unthrottled();
    for (int i = 0; i < 10; i++) {
      client.orders().place(farLimitBuy());
    }

    Throwable t = catchThrowable(() -> client.orders().place(farLimitBuy()));

    assertThat(t).isInstanceOf(GrowwRateLimitedException.class).isInstanceOf(RateLimitedException.class)
        .hasMessageContaining("HTTP 429").hasMessageContaining("POST /v1/order/create");
    assertThat(((RateLimitedException) t).retryAfterMillis()).isEqualTo(1000L);
    assertThat(groww.fake.requests("/v1/order/create")).hasSize(11);
    assertThat(groww.sleeps).isEmpty();
  }

  @Test
  void aPlainText429IsRetriedAfterTheDefaultWait() {
    GrowwClient client = unthrottled();
    groww.fake.faults().failNext("/v1/live-data/ltp", 429, "Too Many Requests");

    assertThat(client.liveData().ltp(Segment.CASH, RELIANCE)).containsKey("NSE_RELIANCE");

    assertThat(groww.fake.requests("/v1/live-data/ltp")).hasSize(2);
    assertThat(groww.sleeps).containsExactly(1000L);
  }

  @Test
  void theClientSideBucketsWaitSoTheFakeNeverAnswers429() {
    GrowwClient client = groww.client(); // the default limiter: Groww's own buckets on the shared clock
    for (int i = 0; i < 25; i++) {
      client.liveData().ltp(Segment.CASH, RELIANCE);
      client.orders().place(farLimitBuy());
    }

    assertThat(groww.fake.requests("/v1/live-data/ltp")).hasSize(25);
    assertThat(groww.fake.requests("/v1/order/create")).hasSize(25);
    assertThat(groww.sleeps).isNotEmpty();
  }

  private static OrderPlacement farLimitBuy() {
    return new OrderPlacement("WIPRO", Exchange.NSE, Segment.CASH, 1, Optional.of(Price.of("10")), Optional.empty(),
        OrderType.LIMIT, Side.BUY, Product.CNC, Validity.DAY, ClientAgainstFakeTest.nextRef());
  }
}
