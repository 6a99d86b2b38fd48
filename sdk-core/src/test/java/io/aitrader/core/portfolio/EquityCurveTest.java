package io.aitrader.core.portfolio;

import static io.aitrader.core.portfolio.Fills.buy;
import static io.aitrader.core.portfolio.Fills.sell;
import static io.aitrader.core.portfolio.Fills.service;
import static io.aitrader.core.testdata.TestInstruments.RELIANCE;
import static io.aitrader.core.testdata.TestInstruments.at;
import static io.aitrader.core.testdata.TestInstruments.rupees;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ValidationException;
import io.aitrader.api.money.Money;
import io.aitrader.api.order.Product;
import io.aitrader.api.portfolio.Charges;
import org.junit.jupiter.api.Test;

class EquityCurveTest {

  @Test
  void samplesTheAccountAtEveryBarClose() {
    // given
    DefaultPortfolioService s = service("10000");
    s.apply(buy("T1", RELIANCE, 10, "100", Product.MIS), Fills.brokerage("2"));
    // when
    s.mark(RELIANCE, rupees("110"), at("09:16"));
    s.onBarClose(at("09:16"));
    s.apply(sell("T2", RELIANCE, 4, "110", Product.MIS), Fills.brokerage("3"));
    s.mark(RELIANCE, rupees("105"), at("09:17"));
    s.onBarClose(at("09:17"));
    // then
    EquityCurve c = s.equityCurve();
    assertThat(c.size()).isEqualTo(2);
    assertThat(c.timeMillis(0)).isEqualTo(at("09:16"));
    assertThat(c.equity(0)).isEqualTo(Money.of("10098"));
    assertThat(c.cashUnits(0)).isEqualTo(rupees("8998"));
    assertThat(c.unrealizedPnlUnits(0)).isEqualTo(rupees("100"));
    assertThat(c.realizedPnlUnits(0)).isZero();
    assertThat(c.chargesPaidUnits(0)).isEqualTo(rupees("2"));
    // bar 2: realized 40, unrealized 6 x 5 = 30, charges 5
    assertThat(c.equity(1)).isEqualTo(Money.of("10065"));
    assertThat(c.realizedPnlUnits(1)).isEqualTo(rupees("40"));
    assertThat(c.unrealizedPnlUnits(1)).isEqualTo(rupees("30"));
    assertThat(c.chargesPaidUnits(1)).isEqualTo(rupees("5"));
  }

  @Test
  void maxDrawdownIsTheLargestFallFromARunningPeak() {
    // given equity 100, 120, 90, 130, 110, 125 (x 10 shares from 10 000 cash)
    DefaultPortfolioService s = service("0");
    s.apply(buy("T1", RELIANCE, 10, "10", Product.CNC), Charges.NONE);
    String[] marks = {"10", "12", "9", "13", "11", "12.5"};
    for (int i = 0; i < marks.length; i++) {
      s.mark(RELIANCE, rupees(marks[i]), at("10:00") + i);
      s.onBarClose(at("10:00") + i);
    }
    // when
    EquityCurve c = s.equityCurve();
    // then: peak 120 -> 90
    assertThat(c.maxDrawdown()).isEqualTo(Money.of("30"));
    assertThat(EquityCurve.EMPTY.maxDrawdown()).isEqualTo(Money.ZERO);
  }

  @Test
  void aViewDoesNotChangeWhenTheCurveGrows() {
    // given
    DefaultPortfolioService s = DefaultPortfolioService.builder().startingCash(Money.of("5")).curveCapacity(1).build();
    s.onBarClose(1);
    EquityCurve first = s.equityCurve();
    // when
    for (int i = 2; i <= 100; i++) {
      s.onBarClose(i);
    }
    // then
    assertThat(first.size()).isEqualTo(1);
    assertThat(s.equityCurve().size()).isEqualTo(100);
    assertThat(s.equityCurve().timeMillis(99)).isEqualTo(100);
    assertThatThrownBy(() -> first.timeMillis(1)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("EquityCurve.index must be in [0, 1), was 1");
  }
}
