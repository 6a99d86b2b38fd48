package io.aitrader.core.risk;

import static io.aitrader.core.testdata.TestInstruments.MONDAY;
import static io.aitrader.core.testdata.TestInstruments.RELIANCE;
import static io.aitrader.core.testdata.TestInstruments.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ValidationException;
import io.aitrader.api.money.Money;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import org.junit.jupiter.api.Test;

class KillSwitchTest {
  private static final String ACCOUNT = RiskView.ACCOUNT;
  private static final String STRATEGY = "momentum-5m";
  private static final RiskLimits LIMITS = RiskLimits.builder().maxDailyLoss(Money.ofRupees(20_000)).build();

  private static RiskFixture fixture(RiskLimits limits) {
    return new RiskFixture(RiskProfiles.of(limits), at("11:00:00"));
  }

  @Test
  void aLossJustBelowTheMaximumDoesNotTrip() {
    try (RiskFixture f = fixture(LIMITS)) {
      f.view.dayPnl(ACCOUNT, "-19999.99");

      RiskCheck c = f.check(f.limit(STRATEGY, Side.BUY, 1, "2500"));

      assertThat(c.passed()).isTrue();
      assertThat(f.engine.isKillSwitchTripped(ACCOUNT)).isFalse();
      assertThat(f.killSwitchEvents).isEmpty();
      assertThat(f.cancelled).isEmpty();
    }
  }

  @Test
  void tripsAtTheMaximumLossRefusesTheEntryAndCancelsOpenOrders() {
    try (RiskFixture f = fixture(LIMITS)) {
      f.view.dayPnl(ACCOUNT, "-20000");

      RiskCheck c = f.check(f.limit(STRATEGY, Side.BUY, 1, "2500"));

      assertThat(c.rule()).isEqualTo(RiskRule.DAILY_LOSS);
      assertThat(c.reason())
          .isEqualTo("day loss ₹20,000.00 reached max daily loss ₹20,000.00 (account); kill switch tripped");
      assertThat(f.engine.isKillSwitchTripped(ACCOUNT)).isTrue();
      assertThat(f.cancelled).containsExactly(ACCOUNT);
      assertThat(f.flattened).as("flattenOnKillSwitch defaults to false").isEmpty();
      assertThat(f.killSwitchEvents).singleElement().satisfies(e -> {
        assertThat(e.scope()).isEqualTo(ACCOUNT);
        assertThat(e.tripped()).isTrue();
        assertThat(e.flatten()).isFalse();
        assertThat(e.timestampMillis()).isEqualTo(at("11:00:00"));
      });
    }
  }

  @Test
  void staysTrippedForTheDayBlockingEntriesButAllowingExits() {
    try (RiskFixture f = fixture(LIMITS)) {
      f.view.dayPnl(ACCOUNT, "-25000");
      f.check(f.limit(STRATEGY, Side.BUY, 1, "2500"));
      f.view.dayPnl(ACCOUNT, "5000").position(ACCOUNT, RELIANCE, Product.MIS, 10);
      f.clock.set(at("14:00:00"));

      RiskCheck entry = f.check(f.limit(STRATEGY, Side.BUY, 1, "2500"));
      RiskCheck exit = f.check(f.limit(STRATEGY, Side.SELL, 10, "2500"));

      assertThat(entry.rule()).isEqualTo(RiskRule.KILL_SWITCH);
      assertThat(entry.reason()).isEqualTo("kill switch tripped at 11:00:00 IST (account); "
          + "only orders that reduce a position are allowed until the next trading day");
      assertThat(exit.passed()).isTrue();
      assertThat(f.cancelled).as("the actions run once per trip").containsExactly(ACCOUNT);
      assertThat(f.killSwitchEvents).hasSize(1);
    }
  }

  @Test
  void anExitCheckedWhenTheLossIsReachedTripsTheSwitchAndPasses() {
    try (RiskFixture f = fixture(LIMITS)) {
      f.view.dayPnl(ACCOUNT, "-30000").position(ACCOUNT, RELIANCE, Product.MIS, 10);

      RiskCheck exit = f.check(f.limit(STRATEGY, Side.SELL, 10, "2500"));

      assertThat(exit.passed()).isTrue();
      assertThat(f.engine.isKillSwitchTripped(ACCOUNT)).isTrue();
    }
  }

  @Test
  void flattensWhenConfiguredAfterCancelling() {
    try (RiskFixture f = fixture(LIMITS.toBuilder().flattenOnKillSwitch(true).build())) {
      f.view.dayPnl(ACCOUNT, "-20000");

      f.engine.evaluate(f.view);

      assertThat(f.cancelled).containsExactly(ACCOUNT);
      assertThat(f.flattened).containsExactly(ACCOUNT);
      assertThat(f.killSwitchEvents).singleElement().satisfies(e -> assertThat(e.flatten()).isTrue());
    }
  }

  @Test
  void evaluateTripsWithoutAnyOrderAndOnlyOnce() {
    try (RiskFixture f = fixture(LIMITS)) {
      f.view.dayPnl(ACCOUNT, "-1000");
      f.engine.evaluate(f.view);
      boolean before = f.engine.isKillSwitchTripped(ACCOUNT);
      f.view.dayPnl(ACCOUNT, "-21000");
      f.engine.evaluate(f.view);
      f.engine.evaluate(f.view);

      assertThat(before).isFalse();
      assertThat(f.engine.isKillSwitchTripped(ACCOUNT)).isTrue();
      assertThat(f.killSwitchEvents).hasSize(1);
      assertThat(f.checks).as("evaluate checks no order").isEmpty();
    }
  }

  @Test
  void isReleasedWhenTheNextIstDayBegins() {
    try (RiskFixture f = fixture(LIMITS)) {
      f.view.dayPnl(ACCOUNT, "-20000");
      f.engine.evaluate(f.view);
      f.clock.set(at("23:59:59"));
      boolean lateMonday = f.engine.isKillSwitchTripped(ACCOUNT);
      f.view.dayPnl(ACCOUNT, "0");
      f.clock.set(at(MONDAY.plusDays(1), "09:15:00"));

      RiskCheck tuesday = f.check(f.limit(STRATEGY, Side.BUY, 1, "2500"));

      assertThat(lateMonday).isTrue();
      assertThat(f.engine.isKillSwitchTripped(ACCOUNT)).isFalse();
      assertThat(tuesday.passed()).isTrue();
    }
  }

  @Test
  void canBeTrippedAndResetByHand() {
    try (RiskFixture f = fixture(RiskLimits.defaults())) {
      f.engine.tripKillSwitch(ACCOUNT, "operator stop");
      RiskCheck whileTripped = f.check(f.limit(STRATEGY, Side.BUY, 1, "2500"));
      f.engine.resetKillSwitch(ACCOUNT);
      RiskCheck afterReset = f.check(f.limit(STRATEGY, Side.BUY, 1, "2500"));

      assertThat(whileTripped.rule()).isEqualTo(RiskRule.KILL_SWITCH);
      assertThat(afterReset.passed()).isTrue();
      assertThat(f.cancelled).containsExactly(ACCOUNT);
      assertThat(f.killSwitchEvents).extracting(KillSwitchEvent::tripped).containsExactly(true, false);
      assertThat(f.killSwitchEvents.get(0).reason()).contains("operator stop");
    }
  }

  @Test
  void aStrategysOwnSwitchStopsOnlyThatStrategy() {
    RiskProfiles profiles = RiskProfiles.builder().global(LIMITS)
        .strategy("ema-cross", b -> b.maxDailyLoss(Money.ofRupees(5_000)).flattenOnKillSwitch(true)).build();
    try (RiskFixture f = new RiskFixture(profiles, at("11:00:00"))) {
      f.view.dayPnl("ema-cross", "-5000").dayPnl(ACCOUNT, "-5000");

      RiskCheck ema = f.check(f.limit("ema-cross", Side.BUY, 1, "2500"));
      RiskCheck other = f.check(f.limit("other", Side.BUY, 1, "2500"));

      assertThat(ema.rule()).isEqualTo(RiskRule.DAILY_LOSS);
      assertThat(ema.reason()).contains("(strategy ema-cross)");
      assertThat(other.passed()).isTrue();
      assertThat(f.engine.isKillSwitchTripped("ema-cross")).isTrue();
      assertThat(f.engine.isKillSwitchTripped(ACCOUNT)).isFalse();
      assertThat(f.cancelled).containsExactly("ema-cross");
      assertThat(f.flattened).containsExactly("ema-cross");
    }
  }

  @Test
  void theAccountSwitchStopsEveryStrategy() {
    RiskProfiles profiles = RiskProfiles.builder().global(LIMITS).strategy("ema-cross", b -> b.maxOpenOrders(3)).build();
    try (RiskFixture f = new RiskFixture(profiles, at("11:00:00"))) {
      f.engine.tripKillSwitch(ACCOUNT, "test");

      assertThat(f.check(f.limit("ema-cross", Side.BUY, 1, "2500")).rule()).isEqualTo(RiskRule.KILL_SWITCH);
      assertThat(f.check(f.limit("other", Side.BUY, 1, "2500")).rule()).isEqualTo(RiskRule.KILL_SWITCH);
    }
  }

  @Test
  void aFailingActionDoesNotBreakTheCheck() {
    RiskActions failing = new RiskActions() {
      @Override
      public void cancelOpenOrders(String scope) {
        throw new IllegalStateException("broker down");
      }

      @Override
      public void flatten(String scope) {
        throw new IllegalStateException("broker down");
      }
    };
    try (RiskFixture f = fixture(LIMITS)) {
      RiskEngine engine = RiskEngine.builder().profiles(RiskProfiles.of(LIMITS.toBuilder().flattenOnKillSwitch(true)
          .build())).bus(f.bus).clock(f.clock).actions(failing).build();
      f.view.dayPnl(ACCOUNT, "-20000");

      RiskCheck c = engine.check(f.limit(STRATEGY, Side.BUY, 1, "2500"), f.view);

      assertThat(c.rule()).isEqualTo(RiskRule.DAILY_LOSS);
      assertThat(engine.isKillSwitchTripped(ACCOUNT)).isTrue();
    }
  }

  @Test
  void anUnknownScopeIsRefused() {
    try (RiskFixture f = fixture(LIMITS)) {
      assertThatThrownBy(() -> f.engine.isKillSwitchTripped("nobody"))
          .isInstanceOf(ValidationException.class).hasMessageContaining("'nobody'");
    }
  }
}
