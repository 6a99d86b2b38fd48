package io.aitrader.core.risk;

import static io.aitrader.core.testdata.TestInstruments.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ValidationException;
import io.aitrader.api.money.Money;
import io.aitrader.api.order.Side;
import java.time.LocalTime;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RiskProfilesTest {
  private static final RiskLimits GLOBAL = RiskLimits.builder()
      .maxOrderValue(Money.ofRupees(100_000)).maxOpenOrders(5).maxDailyLoss(Money.ofRupees(20_000)).build();

  @Test
  void defaultsAreUnlimitedExceptTheSebiThrottleAndTheQuarterPastThreeCutOff() {
    RiskLimits d = RiskLimits.defaults();

    assertThat(d.maxOrderValue()).isEmpty();
    assertThat(d.maxPositionQuantity()).isEmpty();
    assertThat(d.maxDailyLoss()).isEmpty();
    assertThat(d.ordersPerSecond()).isEqualTo(OptionalInt.of(10));
    assertThat(d.flattenOnKillSwitch()).isFalse();
    assertThat(d.misSquareOffTime()).isEqualTo(LocalTime.of(15, 15));
  }

  @Test
  void aStrategyOverrideInheritsEveryLimitItDoesNotSet() {
    RiskProfiles profiles = RiskProfiles.builder()
        .strategy("ema-cross", b -> b.maxOrderValue(Money.ofRupees(50_000)))
        .global(GLOBAL)                      // order of calls does not matter
        .build();

    RiskLimits own = profiles.limitsFor("ema-cross");

    assertThat(own.maxOrderValue()).contains(Money.ofRupees(50_000));
    assertThat(own.maxOpenOrders()).isEqualTo(OptionalInt.of(5));
    assertThat(own.maxDailyLoss()).contains(Money.ofRupees(20_000));
    assertThat(profiles.limitsFor("other")).isSameAs(GLOBAL);
    assertThat(profiles.hasOverride("ema-cross")).isTrue();
    assertThat(profiles.hasOverride("other")).isFalse();
  }

  @Test
  void anOverrideMayRemoveAnInheritedLimit() {
    RiskProfiles profiles = RiskProfiles.builder().global(GLOBAL).strategy("hedge", b -> b.noMaxOrderValue()).build();

    assertThat(profiles.limitsFor("hedge").maxOrderValue()).isEqualTo(Optional.empty());
  }

  @Test
  void aStrategyIsCheckedOnItsOwnBookAndTheAccountOnTheWholeAccount() {
    RiskProfiles profiles = RiskProfiles.builder().global(GLOBAL)
        .strategy("ema-cross", b -> b.maxOrderValue(Money.ofRupees(50_000))).build();
    try (RiskFixture f = new RiskFixture(profiles, at("10:00:00"))) {
      RiskCheck ownAtLimit = f.check(f.limit("ema-cross", Side.BUY, 20, "2500"));
      RiskCheck ownAbove = f.check(f.limit("ema-cross", Side.BUY, 21, "2500"));
      RiskCheck otherAtGlobal = f.check(f.limit("other", Side.BUY, 40, "2500"));
      f.view.openOrders("ema-cross", 5);
      RiskCheck inherited = f.check(f.limit("ema-cross", Side.BUY, 1, "2500"));
      f.view.openOrders("ema-cross", 0).openOrders(RiskView.ACCOUNT, 5);
      RiskCheck account = f.check(f.limit("ema-cross", Side.BUY, 1, "2500"));

      assertThat(ownAtLimit.passed()).isTrue();
      assertThat(ownAbove.reason()).isEqualTo("order value ₹52,500.00 exceeds max ₹50,000.00 (strategy ema-cross)");
      assertThat(otherAtGlobal.passed()).isTrue();
      assertThat(inherited.reason()).isEqualTo("5 open orders already, max 5 (strategy ema-cross)");
      assertThat(account.reason()).isEqualTo("5 open orders already, max 5 (account)");
    }
  }

  @Test
  void invalidLimitsAreRefusedNamingTheField() {
    assertThatThrownBy(() -> RiskLimits.builder().maxOrderValue(Money.ZERO).build())
        .isInstanceOf(ValidationException.class).hasMessage("RiskLimits.maxOrderValue must be > 0 when set, was 0.00");
    assertThatThrownBy(() -> RiskLimits.builder().ordersPerSecond(0).build())
        .hasMessageContaining("RiskLimits.ordersPerSecond");
    assertThatThrownBy(() -> RiskLimits.builder().maxPositionQuantity(-1).build())
        .hasMessageContaining("RiskLimits.maxPositionQuantity");
    assertThatThrownBy(() -> RiskProfiles.builder().strategy("Bad Id", b -> b.maxOpenOrders(1)))
        .hasMessageContaining("RiskProfiles.strategy");
    assertThatThrownBy(() -> RiskProfiles.builder().global(GLOBAL).strategy("s1", b -> b.maxOpenOrders(0)).build())
        .hasMessageContaining("RiskLimits.maxOpenOrders");
  }

  @Test
  void aStrategyMayBeOverriddenOnlyOnce() {
    RiskProfiles.Builder b = RiskProfiles.builder().strategy("s1", x -> x.maxOpenOrders(1));

    assertThatThrownBy(() -> b.strategy("s1", x -> x.maxOpenOrders(2))).hasMessageContaining("at most once");
  }

  @Test
  void fromCopiesEveryLimit() {
    RiskLimits all = RiskLimits.builder().maxOrderValue(Money.ofRupees(1)).maxPositionQuantity(2)
        .maxPositionValue(Money.ofRupees(3)).maxGrossExposure(Money.ofRupees(4)).maxNetExposure(Money.ofRupees(5))
        .maxOpenOrders(6).maxDailyLoss(Money.ofRupees(7)).ordersPerSecond(8).flattenOnKillSwitch(true)
        .misSquareOffTime(LocalTime.of(15, 0)).build();

    assertThat(RiskLimits.from(all).build()).isEqualTo(all);
    assertThat(all.toBuilder().noOrdersPerSecondLimit().build().ordersPerSecond()).isEmpty();
  }
}
