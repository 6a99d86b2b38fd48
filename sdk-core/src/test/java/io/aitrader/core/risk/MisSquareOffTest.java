package io.aitrader.core.risk;

import static io.aitrader.core.testdata.TestInstruments.MONDAY;
import static io.aitrader.core.testdata.TestInstruments.RELIANCE;
import static io.aitrader.core.testdata.TestInstruments.TCS;
import static io.aitrader.core.testdata.TestInstruments.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.money.Money;
import io.aitrader.api.order.Order;
import io.aitrader.api.order.OrderRequest;
import io.aitrader.api.order.OrderStatus;
import io.aitrader.api.order.OrderType;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.api.portfolio.Position;
import io.aitrader.core.testdata.TestInstruments;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class MisSquareOffTest {
  private static final Instrument INFY = TestInstruments.equity("INFY", "1594");

  private static Position position(Instrument instrument, Product product, long quantity) {
    return new Position(instrument, product, quantity, Money.ofRupees(1_000).times(quantity), Money.ZERO);
  }

  /** Long 10 RELIANCE MIS, short 5 TCS MIS, flat INFY MIS, long 20 RELIANCE CNC; one MIS and one CNC order working. */
  private static TestRiskView dayOfTrading(RiskFixture f) {
    f.view.addPosition(position(RELIANCE, Product.MIS, 10))
        .addPosition(position(TCS, Product.MIS, -5))
        .addPosition(Position.flat(INFY, Product.MIS))
        .addPosition(position(RELIANCE, Product.CNC, 20))
        .addActiveOrder(Order.accepted(f.limit("s1", INFY, Product.MIS, Side.BUY, 3, "1500"), "b-1", OrderStatus.OPEN,
            at("15:00:00")))
        .addActiveOrder(Order.accepted(f.limit("s1", INFY, Product.CNC, Side.BUY, 3, "1500"), "b-2", OrderStatus.OPEN,
            at("15:00:00")));
    return f.view;
  }

  @Test
  void beforeTheCutOffNothingIsPlanned() {
    try (RiskFixture f = new RiskFixture(RiskProfiles.defaults(), at("15:14:59"))) {
      MisSquareOff squareOff = MisSquareOff.of(RiskProfiles.defaults());

      assertThat(squareOff.isDue(at("15:14:59.999"))).isFalse();
      assertThat(squareOff.onTime(at("15:14:59.999"), dayOfTrading(f))).isEmpty();
    }
  }

  @Test
  void atTheCutOffFlattensEveryOpenMisPositionAndCancelsWorkingMisOrders() {
    try (RiskFixture f = new RiskFixture(RiskProfiles.defaults(), at("15:15:00"))) {
      MisSquareOff squareOff = MisSquareOff.of(RiskProfiles.defaults());

      SquareOffPlan plan = squareOff.onTime(at("15:15:00"), dayOfTrading(f)).orElseThrow();

      assertThat(plan.day()).isEqualTo(MONDAY);
      assertThat(plan.timestampMillis()).isEqualTo(at("15:15:00"));
      assertThat(plan.cancelReferenceIds()).containsExactly("order-0001");
      assertThat(plan.orders()).hasSize(2);
      OrderRequest sellReliance = plan.orders().get(0);
      OrderRequest buyTcs = plan.orders().get(1);
      assertThat(sellReliance.instrument()).isEqualTo(RELIANCE);
      assertThat(sellReliance.side()).isEqualTo(Side.SELL);
      assertThat(sellReliance.quantity()).isEqualTo(10);
      assertThat(buyTcs.instrument()).isEqualTo(TCS);
      assertThat(buyTcs.side()).isEqualTo(Side.BUY);
      assertThat(buyTcs.quantity()).isEqualTo(5);
      assertThat(plan.orders()).allSatisfy(o -> {
        assertThat(o.orderType()).isEqualTo(OrderType.MARKET);
        assertThat(o.product()).isEqualTo(Product.MIS);
        assertThat(o.strategyId()).isEqualTo(MisSquareOff.DEFAULT_STRATEGY_ID);
        assertThat(o.tag()).contains(MisSquareOff.TAG);
        assertThat(OrderRequest.isValidReferenceId(o.referenceId())).isTrue();
      });
      assertThat(plan.orders()).extracting(OrderRequest::referenceId)
          .containsExactly("sqoff-250106-1", "sqoff-250106-2");
    }
  }

  @Test
  void plansOnceADayAndAgainTheNextDay() {
    try (RiskFixture f = new RiskFixture(RiskProfiles.defaults(), at("15:15:00"))) {
      MisSquareOff squareOff = MisSquareOff.at(LocalTime.of(15, 15));
      TestRiskView view = dayOfTrading(f);

      boolean first = squareOff.onTime(at("15:15:01"), view).isPresent();
      boolean again = squareOff.onTime(at("15:20:00"), view).isPresent();
      boolean dueAgain = squareOff.isDue(at("15:29:00"));
      SquareOffPlan tuesday = squareOff.onTime(at(MONDAY.plusDays(1), "15:15:00"), view).orElseThrow();

      assertThat(first).isTrue();
      assertThat(again).isFalse();
      assertThat(dueAgain).isFalse();
      assertThat(tuesday.orders()).extracting(OrderRequest::referenceId).first().isEqualTo("sqoff-250107-1");
    }
  }

  @Test
  void theCutOffComesFromTheGlobalLimitsOrIsGivenDirectly() {
    RiskProfiles profiles = RiskProfiles.of(RiskLimits.builder().misSquareOffTime(LocalTime.of(15, 0)).build());
    try (RiskFixture f = new RiskFixture(profiles, at("15:00:00"))) {
      MisSquareOff fromProfiles = MisSquareOff.of(profiles);
      MisSquareOff early = MisSquareOff.at(LocalTime.of(14, 30), "house-squareoff");

      assertThat(fromProfiles.cutoff()).isEqualTo(LocalTime.of(15, 0));
      assertThat(fromProfiles.onTime(at("14:59:59"), dayOfTrading(f))).isEmpty();
      assertThat(fromProfiles.onTime(at("15:00:00"), f.view)).isPresent();
      assertThat(early.onTime(at("14:30:00"), f.view).orElseThrow().orders())
          .allSatisfy(o -> assertThat(o.strategyId()).isEqualTo("house-squareoff"));
    }
  }

  @Test
  void nothingToDoGivesNoPlanButStillCountsAsDone() {
    try (RiskFixture f = new RiskFixture(RiskProfiles.defaults(), at("15:15:00"))) {
      MisSquareOff squareOff = MisSquareOff.of(RiskProfiles.defaults());
      f.view.addPosition(position(RELIANCE, Product.CNC, 20));

      assertThat(squareOff.onTime(at("15:15:00"), f.view)).isEmpty();
      assertThat(squareOff.isDue(at("15:16:00"))).isFalse();
    }
  }

  @Test
  void afterTheCutOffSquareOffOrdersPassRiskAndNewMisEntriesAreRefused() {
    try (RiskFixture f = new RiskFixture(RiskProfiles.defaults(), at("15:15:00"))) {
      MisSquareOff squareOff = MisSquareOff.of(RiskProfiles.defaults());
      f.view.position(RiskView.ACCOUNT, RELIANCE, Product.MIS, 10).position(RiskView.ACCOUNT, TCS, Product.MIS, -5)
          .lastPrice(RELIANCE, "2500").lastPrice(TCS, "4000");
      SquareOffPlan plan = squareOff.onTime(at("15:15:00"), dayOfTrading(f)).orElseThrow();

      assertThat(plan.orders()).allSatisfy(o -> assertThat(f.engine.check(o, f.view).passed()).isTrue());
      RiskCheck entry = f.check(f.limit("s1", TCS, Product.MIS, Side.SELL, 1, "4000"));
      assertThat(entry.rule()).isEqualTo(RiskRule.MIS_CUTOFF);
    }
  }
}
