package io.aitrader.core.risk;

import static io.aitrader.core.testdata.TestInstruments.RELIANCE;
import static io.aitrader.core.testdata.TestInstruments.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.money.Money;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import org.junit.jupiter.api.Test;

/** One behaviour per rule: passes at the limit, fails just above, and the reason names the numbers. */
class RiskRulesTest {
  private static final String ACCOUNT = RiskView.ACCOUNT;
  private static final String STRATEGY = "momentum-5m";

  private static RiskFixture fixture(RiskLimits global) {
    return new RiskFixture(RiskProfiles.of(global), at("10:00:00"));
  }

  @Test
  void orderValueAtTheMaximumPassesAndAboveItFailsNamingBothAmounts() {
    try (RiskFixture f = fixture(RiskLimits.builder().maxOrderValue(Money.ofRupees(100_000)).build())) {
      RiskCheck atLimit = f.check(f.limit(STRATEGY, Side.BUY, 40, "2500"));
      RiskCheck above = f.check(f.limit(STRATEGY, Side.BUY, 50, "2500"));

      assertThat(atLimit.passed()).isTrue();
      assertThat(atLimit.rule()).isEqualTo(RiskRule.NONE);
      assertThat(above.passed()).isFalse();
      assertThat(above.rule()).isEqualTo(RiskRule.ORDER_VALUE);
      assertThat(above.reason()).isEqualTo("order value ₹1,25,000.00 exceeds max ₹1,00,000.00 (account)");
    }
  }

  @Test
  void positionQuantityCountsThePositionAfterTheOrder() {
    try (RiskFixture f = fixture(RiskLimits.builder().maxPositionQuantity(100).build())) {
      f.view.position(ACCOUNT, RELIANCE, Product.MIS, 60);

      RiskCheck atLimit = f.check(f.limit(STRATEGY, Side.BUY, 40, "2500"));
      RiskCheck above = f.check(f.limit(STRATEGY, Side.BUY, 41, "2500"));

      assertThat(atLimit.passed()).isTrue();
      assertThat(above.rule()).isEqualTo(RiskRule.POSITION);
      assertThat(above.reason()).contains("position 101 in " + RELIANCE.id() + " MIS").contains("max 100 units")
          .contains("(account)");
    }
  }

  @Test
  void positionQuantityIsPerProduct() {
    try (RiskFixture f = fixture(RiskLimits.builder().maxPositionQuantity(100).build())) {
      f.view.position(ACCOUNT, RELIANCE, Product.CNC, 100);

      RiskCheck misEntry = f.check(f.limit(STRATEGY, Side.BUY, 100, "2500"));

      assertThat(misEntry.passed()).isTrue();
    }
  }

  @Test
  void positionValueIsTheQuantityAfterTheOrderAtTheReferencePrice() {
    try (RiskFixture f = fixture(RiskLimits.builder().maxPositionValue(Money.ofRupees(250_000)).build())) {
      f.view.position(ACCOUNT, RELIANCE, Product.MIS, 60);

      RiskCheck atLimit = f.check(f.limit(STRATEGY, Side.BUY, 40, "2500"));
      RiskCheck above = f.check(f.limit(STRATEGY, Side.BUY, 41, "2500"));

      assertThat(atLimit.passed()).isTrue();
      assertThat(above.rule()).isEqualTo(RiskRule.POSITION);
      assertThat(above.reason()).contains("position value ₹2,52,500.00").contains("max ₹2,50,000.00");
    }
  }

  @Test
  void grossExposureAddsTheOrdersIncreaseToTheAccountsGross() {
    try (RiskFixture f = fixture(RiskLimits.builder().maxGrossExposure(Money.ofRupees(500_000)).build())) {
      f.view.grossExposure(ACCOUNT, "400000");

      RiskCheck atLimit = f.check(f.limit(STRATEGY, Side.BUY, 40, "2500"));
      RiskCheck above = f.check(f.limit(STRATEGY, Side.BUY, 41, "2500"));

      assertThat(atLimit.passed()).isTrue();
      assertThat(above.rule()).isEqualTo(RiskRule.GROSS_EXPOSURE);
      assertThat(above.reason())
          .isEqualTo("gross exposure ₹5,02,500.00 after the order exceeds max ₹5,00,000.00 (account)");
    }
  }

  @Test
  void netExposureAppliesToLongAndShortAlike() {
    try (RiskFixture f = fixture(RiskLimits.builder().maxNetExposure(Money.ofRupees(300_000)).build())) {
      f.view.netExposure(ACCOUNT, "-200000");

      RiskCheck atLimit = f.check(f.limit(STRATEGY, Side.SELL, 40, "2500"));
      RiskCheck above = f.check(f.limit(STRATEGY, Side.SELL, 41, "2500"));
      RiskCheck buyBack = f.check(f.limit(STRATEGY, Side.BUY, 200, "2500"));

      assertThat(atLimit.passed()).isTrue();
      assertThat(above.rule()).isEqualTo(RiskRule.NET_EXPOSURE);
      assertThat(above.reason()).contains("net exposure -₹3,02,500.00").contains("max ₹3,00,000.00");
      assertThat(buyBack.passed()).as("-2,00,000 + 5,00,000 = +3,00,000").isTrue();
    }
  }

  @Test
  void openOrdersFailsOnceTheMaximumIsWorking() {
    try (RiskFixture f = fixture(RiskLimits.builder().maxOpenOrders(5).build())) {
      f.view.openOrders(ACCOUNT, 4);
      RiskCheck fifth = f.check(f.limit(STRATEGY, Side.BUY, 1, "2500"));
      f.view.openOrders(ACCOUNT, 5);
      RiskCheck sixth = f.check(f.limit(STRATEGY, Side.BUY, 1, "2500"));

      assertThat(fifth.passed()).isTrue();
      assertThat(sixth.rule()).isEqualTo(RiskRule.OPEN_ORDERS);
      assertThat(sixth.reason()).isEqualTo("5 open orders already, max 5 (account)");
    }
  }

  @Test
  void newIntradayEntriesAreRefusedFromTheCutOffButDeliveryAndExitsPass() {
    try (RiskFixture f = new RiskFixture(RiskProfiles.defaults(), at("15:14:59"))) {
      RiskCheck before = f.check(f.limit(STRATEGY, Side.BUY, 10, "2500"));
      f.clock.set(at("15:15:00"));
      RiskCheck atCutOff = f.check(f.limit(STRATEGY, Side.BUY, 10, "2500"));
      RiskCheck delivery = f.check(f.limit(STRATEGY, RELIANCE, Product.CNC, Side.BUY, 10, "2500"));
      f.view.position(ACCOUNT, RELIANCE, Product.MIS, 10);
      RiskCheck exit = f.check(f.limit(STRATEGY, Side.SELL, 10, "2500"));

      assertThat(before.passed()).isTrue();
      assertThat(atCutOff.rule()).isEqualTo(RiskRule.MIS_CUTOFF);
      assertThat(atCutOff.reason()).isEqualTo("new MIS entry at 15:15:00 IST is at or after the intraday cut-off 15:15 (account)");
      assertThat(delivery.passed()).isTrue();
      assertThat(exit.passed()).isTrue();
    }
  }

  @Test
  void theCutOffTimeIsConfigurable() {
    RiskLimits limits = RiskLimits.builder().misSquareOffTime(java.time.LocalTime.of(14, 30)).build();
    try (RiskFixture f = new RiskFixture(RiskProfiles.of(limits), at("14:29:59"))) {
      RiskCheck before = f.check(f.limit(STRATEGY, Side.BUY, 10, "2500"));
      f.clock.set(at("14:30:00"));
      RiskCheck after = f.check(f.limit(STRATEGY, Side.BUY, 10, "2500"));

      assertThat(before.passed()).isTrue();
      assertThat(after.rule()).isEqualTo(RiskRule.MIS_CUTOFF);
    }
  }

  @Test
  void aMarketOrderIsValuedAtTheLastPriceAndRefusedWithoutOne() {
    try (RiskFixture f = fixture(RiskLimits.builder().maxOrderValue(Money.ofRupees(100_000)).build())) {
      RiskCheck noPrice = f.check(f.market(STRATEGY, Side.BUY, 10));
      f.view.lastPrice(RELIANCE, "2500");
      RiskCheck atLimit = f.check(f.market(STRATEGY, Side.BUY, 40));
      RiskCheck above = f.check(f.market(STRATEGY, Side.BUY, 41));

      assertThat(noPrice.rule()).isEqualTo(RiskRule.REFERENCE_PRICE);
      assertThat(noPrice.reason()).contains("no reference price").contains(RELIANCE.id());
      assertThat(atLimit.passed()).isTrue();
      assertThat(above.reason()).contains("₹1,02,500.00");
    }
  }

  @Test
  void withoutValueLimitsAnOrderNeedsNoReferencePrice() {
    try (RiskFixture f = fixture(RiskLimits.builder().maxPositionQuantity(100).build())) {
      RiskCheck noPrice = f.check(f.market(STRATEGY, Side.BUY, 10));

      assertThat(noPrice.passed()).isTrue();
    }
  }

  @Test
  void anOrderThatReducesThePositionPassesEvenOverEveryLimit() {
    RiskLimits tight = RiskLimits.builder().maxOrderValue(Money.ofRupees(1_000)).maxPositionQuantity(100)
        .maxPositionValue(Money.ofRupees(1_000)).maxGrossExposure(Money.ofRupees(1_000))
        .maxNetExposure(Money.ofRupees(1_000)).maxOpenOrders(1).build();
    try (RiskFixture f = fixture(tight)) {
      f.view.position(ACCOUNT, RELIANCE, Product.MIS, 200).grossExposure(ACCOUNT, "500000")
          .netExposure(ACCOUNT, "500000").openOrders(ACCOUNT, 3);

      RiskCheck partialExit = f.check(f.limit(STRATEGY, Side.SELL, 50, "2500"));
      RiskCheck fullExit = f.check(f.limit(STRATEGY, Side.SELL, 200, "2500"));
      RiskCheck flip = f.check(f.limit(STRATEGY, Side.SELL, 201, "2500"));

      assertThat(partialExit.passed()).isTrue();
      assertThat(fullExit.passed()).isTrue();
      assertThat(flip.passed()).as("crossing zero opens a short: an entry").isFalse();
      assertThat(flip.rule()).isEqualTo(RiskRule.ORDER_VALUE);
    }
  }

  @Test
  void aShortIsReducedByBuying() {
    try (RiskFixture f = fixture(RiskLimits.builder().maxPositionQuantity(10).build())) {
      f.view.position(ACCOUNT, RELIANCE, Product.MIS, -50);

      RiskCheck cover = f.check(f.limit(STRATEGY, Side.BUY, 30, "2500"));
      RiskCheck addShort = f.check(f.limit(STRATEGY, Side.SELL, 1, "2500"));

      assertThat(cover.passed()).isTrue();
      assertThat(addShort.rule()).isEqualTo(RiskRule.POSITION);
      assertThat(addShort.reason()).contains("position -51");
    }
  }

  @Test
  void theFirstFailingRuleInTheDocumentedOrderIsReported() {
    RiskLimits limits = RiskLimits.builder().maxOrderValue(Money.ofRupees(1_000)).maxPositionQuantity(1)
        .maxOpenOrders(1).build();
    try (RiskFixture f = fixture(limits)) {
      f.view.openOrders(ACCOUNT, 9);

      RiskCheck c = f.check(f.limit(STRATEGY, Side.BUY, 10, "2500"));

      assertThat(c.rule()).isEqualTo(RiskRule.ORDER_VALUE);
    }
  }

  @Test
  void everyResultPassedOrFailedIsPublishedWithTheOrdersIdentity() {
    try (RiskFixture f = fixture(RiskLimits.builder().maxOrderValue(Money.ofRupees(100_000)).build())) {
      RiskCheck pass = f.check(f.limit(STRATEGY, Side.BUY, 1, "2500"));
      RiskCheck fail = f.check(f.limit(STRATEGY, Side.BUY, 100, "2500"));

      assertThat(f.checks).containsExactly(pass, fail);
      assertThat(fail.strategyId()).isEqualTo(STRATEGY);
      assertThat(fail.referenceId()).isEqualTo("order-0002");
      assertThat(fail.instrumentId()).isEqualTo(RELIANCE.id());
      assertThat(fail.timestampMillis()).isEqualTo(at("10:00:00"));
      assertThat(pass.reason()).isEqualTo("passed");
    }
  }

  @Test
  void anExplicitReferencePriceOverridesTheOrdersOwn() {
    try (RiskFixture f = fixture(RiskLimits.builder().maxOrderValue(Money.ofRupees(100_000)).build())) {
      RiskCheck c = f.engine.check(f.limit(STRATEGY, Side.BUY, 40, "2500"), Money.ofRupees(2600).units(), f.view);

      assertThat(c.reason()).isEqualTo("order value ₹1,04,000.00 exceeds max ₹1,00,000.00 (account)");
    }
  }
}
