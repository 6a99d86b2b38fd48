package io.aitrader.core.risk;

import static io.aitrader.core.testdata.TestInstruments.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.money.Money;
import io.aitrader.api.order.Side;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ThrottleTest {
  private static final String STRATEGY = "momentum-5m";

  @Test
  void tenOrdersInOneSecondPassTheEleventhFailsAndPassesOneSecondLater() {
    try (RiskFixture f = new RiskFixture(RiskProfiles.defaults(), at("10:00:00"))) {
      for (int i = 0; i < 10; i++) {
        assertThat(f.check(f.limit(STRATEGY, Side.BUY, 1, "2500")).passed()).as("order %d", i + 1).isTrue();
        f.clock.advance(Duration.ofMillis(50));
      }
      // the first order was at 10:00:00.000, now it is 10:00:00.500
      RiskCheck eleventh = f.check(f.limit(STRATEGY, Side.BUY, 1, "2500"));
      f.clock.set(at("10:00:01"));
      RiskCheck aSecondLater = f.check(f.limit(STRATEGY, Side.BUY, 1, "2500"));

      assertThat(eleventh.rule()).isEqualTo(RiskRule.THROTTLE);
      assertThat(eleventh.retryAfterMillis()).isEqualTo(500);
      assertThat(eleventh.reason()).isEqualTo("more than 10 orders within one second (account); retry in 500 ms");
      assertThat(aSecondLater.passed()).isTrue();
    }
  }

  @Test
  void exitsAreThrottledToo() {
    RiskLimits two = RiskLimits.builder().ordersPerSecond(2).build();
    try (RiskFixture f = new RiskFixture(RiskProfiles.of(two), at("10:00:00"))) {
      f.view.position(RiskView.ACCOUNT, io.aitrader.core.testdata.TestInstruments.RELIANCE,
          io.aitrader.api.order.Product.MIS, 100);
      f.check(f.limit(STRATEGY, Side.SELL, 1, "2500"));
      f.check(f.limit(STRATEGY, Side.SELL, 1, "2500"));

      assertThat(f.check(f.limit(STRATEGY, Side.SELL, 1, "2500")).rule()).isEqualTo(RiskRule.THROTTLE);
    }
  }

  @Test
  void anOrderRefusedByAnotherRuleUsesNoSlot() {
    RiskLimits limits = RiskLimits.builder().ordersPerSecond(2).maxOrderValue(Money.ofRupees(10_000)).build();
    try (RiskFixture f = new RiskFixture(RiskProfiles.of(limits), at("10:00:00"))) {
      for (int i = 0; i < 5; i++) {
        assertThat(f.check(f.limit(STRATEGY, Side.BUY, 100, "2500")).rule()).isEqualTo(RiskRule.ORDER_VALUE);
      }

      assertThat(f.check(f.limit(STRATEGY, Side.BUY, 1, "2500")).passed()).isTrue();
      assertThat(f.check(f.limit(STRATEGY, Side.BUY, 1, "2500")).passed()).isTrue();
      assertThat(f.check(f.limit(STRATEGY, Side.BUY, 1, "2500")).rule()).isEqualTo(RiskRule.THROTTLE);
    }
  }

  @Test
  void aStrategyWithItsOwnRateIsThrottledAloneWhileOthersShareTheAccounts() {
    RiskProfiles profiles = RiskProfiles.builder().strategy("slow", b -> b.ordersPerSecond(2)).build();
    try (RiskFixture f = new RiskFixture(profiles, at("10:00:00"))) {
      f.check(f.limit("slow", Side.BUY, 1, "2500"));
      f.check(f.limit("slow", Side.BUY, 1, "2500"));
      RiskCheck slowThird = f.check(f.limit("slow", Side.BUY, 1, "2500"));
      int fastPassed = 0;
      for (int i = 0; i < 10; i++) {
        fastPassed += f.check(f.limit("fast", Side.BUY, 1, "2500")).passed() ? 1 : 0;
      }

      assertThat(slowThird.reason()).contains("more than 2 orders").contains("(strategy slow)");
      assertThat(fastPassed).as("the account's 10/s, two used by 'slow'").isEqualTo(8);
    }
  }

  @Test
  void withoutAThrottleEveryOrderPasses() {
    RiskLimits none = RiskLimits.builder().noOrdersPerSecondLimit().build();
    try (RiskFixture f = new RiskFixture(RiskProfiles.of(none), at("10:00:00"))) {
      int passed = 0;
      for (int i = 0; i < 50; i++) {
        passed += f.check(f.limit(STRATEGY, Side.BUY, 1, "2500")).passed() ? 1 : 0;
      }

      assertThat(passed).isEqualTo(50);
    }
  }
}
