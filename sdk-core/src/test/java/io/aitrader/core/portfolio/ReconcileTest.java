package io.aitrader.core.portfolio;

import static io.aitrader.core.portfolio.Fills.buy;
import static io.aitrader.core.portfolio.Fills.sell;
import static io.aitrader.core.portfolio.Fills.service;
import static io.aitrader.core.testdata.TestInstruments.RELIANCE;
import static io.aitrader.core.testdata.TestInstruments.TCS;
import static io.aitrader.core.testdata.TestInstruments.equity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.money.Money;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.Product;
import io.aitrader.api.portfolio.Charges;
import io.aitrader.api.portfolio.Portfolio;
import io.aitrader.api.portfolio.Position;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconcileTest {
  private static final Instrument INFY = equity("INFY", "1594");
  private static final Instrument SBIN = equity("SBIN", "3045");

  /** Ours: RELIANCE CNC 10 @ 100, TCS MIS -5 @ 3000, INFY CNC 4 @ 1500, SBIN MIS flat. */
  private static DefaultPortfolioService ours() {
    DefaultPortfolioService s = service("1000000");
    s.apply(buy("T1", RELIANCE, 10, "100", Product.CNC), Charges.NONE);
    s.apply(sell("T2", TCS, 5, "3000", Product.MIS), Charges.NONE);
    s.apply(buy("T3", INFY, 4, "1500", Product.CNC), Charges.NONE);
    s.apply(buy("T4", SBIN, 1, "800", Product.MIS), Charges.NONE);
    s.apply(sell("T5", SBIN, 1, "801", Product.MIS), Charges.NONE);
    return s;
  }

  @Test
  void reportsNothingWhenTheBrokerAgrees() {
    DefaultPortfolioService s = ours();
    List<Position> broker = List.of(
        new Position(TCS, Product.MIS, -5, Money.of("-15000"), Money.ZERO),
        new Position(RELIANCE, Product.CNC, 10, Money.of("1000"), Money.ZERO),
        new Position(INFY, Product.CNC, 4, Money.of("6000"), Money.of("3")),
        new Position(SBIN, Product.MIS, 0, Money.ZERO, Money.of("1")));
    assertThat(s.reconcile(broker)).isEmpty();
  }

  @Test
  void reportsEveryKindOfDifferenceAndChangesNothing() {
    // given
    DefaultPortfolioService s = ours();
    Portfolio before = s.snapshot();
    List<Position> broker = List.of(
        new Position(RELIANCE, Product.CNC, 10, Money.of("1000.50"), Money.ZERO),   // price 100.05
        new Position(TCS, Product.MIS, -3, Money.of("-9000"), Money.ZERO),          // quantity
        new Position(RELIANCE, Product.MIS, 2, Money.of("200"), Money.ZERO),        // missing here
        new Position(SBIN, Product.MIS, 0, Money.ZERO, Money.ZERO));                // flat both: fine
    // when (INFY is missing at the broker)
    List<PositionDifference> d = s.reconcile(broker);
    // then
    assertThat(d).containsExactly(
        new PositionDifference(RELIANCE, Product.CNC, 10, 10, Price.of("100"), Price.of("100.05"),
            PositionDifference.Kind.PRICE),
        new PositionDifference(TCS, Product.MIS, -5, -3, Price.of("3000"), Price.of("3000"),
            PositionDifference.Kind.QUANTITY),
        new PositionDifference(INFY, Product.CNC, 4, 0, Price.of("1500"), Price.ZERO,
            PositionDifference.Kind.MISSING_AT_BROKER),
        new PositionDifference(RELIANCE, Product.MIS, 0, 2, Price.ZERO, Price.of("100"),
            PositionDifference.Kind.MISSING_HERE));
    assertThat(s.snapshot()).isEqualTo(before);
  }

  @Test
  void aBrokerPositionWeHoldFlatIsMissingHereAndAPriceToleranceIsHonoured() {
    // given
    DefaultPortfolioService s = ours();
    List<Position> broker = List.of(
        new Position(RELIANCE, Product.CNC, 10, Money.of("1000.50"), Money.ZERO),
        new Position(TCS, Product.MIS, -5, Money.of("-15000"), Money.ZERO),
        new Position(INFY, Product.CNC, 4, Money.of("6000"), Money.ZERO),
        new Position(SBIN, Product.MIS, 3, Money.of("2400"), Money.ZERO));
    // when
    List<PositionDifference> d = s.reconcile(broker, Price.of("0.05"));
    // then
    assertThat(d).extracting(PositionDifference::kind).containsExactly(PositionDifference.Kind.MISSING_HERE);
    assertThat(d.get(0).instrument()).isEqualTo(SBIN);
    assertThat(d.get(0).toString()).isEqualTo("MISSING_HERE NSE:SBIN/MIS here 0 @ 0.00, broker 3 @ 800.00");
  }

  @Test
  void aBrokerListWithTwoPositionsForOneKeyIsRejected() {
    DefaultPortfolioService s = ours();
    List<Position> broker = List.of(
        new Position(INFY, Product.CNC, 4, Money.of("6000"), Money.ZERO),
        new Position(INFY, Product.CNC, 1, Money.of("1500"), Money.ZERO));
    assertThatThrownBy(() -> s.reconcile(broker)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("NSE:INFY/CNC");
  }
}
