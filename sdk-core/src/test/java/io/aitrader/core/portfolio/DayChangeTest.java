package io.aitrader.core.portfolio;

import static io.aitrader.core.portfolio.Fills.buy;
import static io.aitrader.core.portfolio.Fills.fill;
import static io.aitrader.core.portfolio.Fills.sell;
import static io.aitrader.core.portfolio.Fills.service;
import static io.aitrader.core.testdata.TestInstruments.MONDAY;
import static io.aitrader.core.testdata.TestInstruments.RELIANCE;
import static io.aitrader.core.testdata.TestInstruments.TCS;
import static io.aitrader.core.testdata.TestInstruments.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ValidationException;
import io.aitrader.api.money.Money;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.api.portfolio.Charges;
import io.aitrader.api.portfolio.Position;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DayChangeTest {
  private static final LocalDate TUESDAY = MONDAY.plusDays(1);

  /** Monday: CNC RELIANCE 10 @ 100 held, MIS RELIANCE round trip (+20), MIS TCS 5 @ 200 left open. */
  private static DefaultPortfolioService monday() {
    DefaultPortfolioService s = service("100000");
    s.startDay(MONDAY, at("09:15"));
    s.apply(buy("M1", RELIANCE, 10, "100", Product.CNC), Charges.NONE);
    s.apply(buy("M2", RELIANCE, 4, "100", Product.MIS), Charges.NONE);
    s.apply(sell("M3", RELIANCE, 4, "105", Product.MIS), Fills.brokerage("5"));
    s.apply(buy("M4", TCS, 5, "200", Product.MIS), Charges.NONE);
    return s;
  }

  @Test
  void dayPnlIsEquityChangeSinceTheDayStartIncludingCharges() {
    // given
    DefaultPortfolioService s = monday();
    // when
    s.mark(RELIANCE, Price.of("101"), at("15:29"));
    // then: realized 20, charges 5, unrealized 10 x 1 = 10
    assertThat(s.dayPnl()).isEqualTo(Money.of("25"));
    assertThat(s.equity()).isEqualTo(Money.of("100025"));
  }

  @Test
  void aNewDayCarriesHoldingsDropsFlatPositionsAndReportsOpenIntradayPositions() {
    // given
    DefaultPortfolioService s = monday();
    s.mark(RELIANCE, Price.of("101"), at("15:29"));
    // when
    boolean started = s.startDay(TUESDAY, at(TUESDAY, "09:15"));
    // then
    assertThat(started).isTrue();
    assertThat(s.currentDay()).contains(TUESDAY);
    assertThat(s.snapshot().positions()).containsExactly(
        new Position(RELIANCE, Product.CNC, 10, Money.of("1000"), Money.ZERO),
        new Position(TCS, Product.MIS, 5, Money.of("1000"), Money.ZERO));
    assertThat(s.openIntradayPositions()).containsExactly(new Position(TCS, Product.MIS, 5, Money.of("1000"), Money.ZERO));
    assertThat(s.position(RELIANCE, Product.MIS)).isEmpty();
    // the account totals and the last mark carry on
    assertThat(s.snapshot().realizedPnl()).isEqualTo(Money.of("20"));
    assertThat(s.snapshot().unrealizedPnl()).isEqualTo(Money.of("10"));
    assertThat(s.dayPnl()).isEqualTo(Money.ZERO);
    // when the holding moves on Tuesday
    s.mark(RELIANCE, Price.of("103"), at(TUESDAY, "09:20"));
    // then
    assertThat(s.dayPnl()).isEqualTo(Money.of("20"));
  }

  @Test
  void yesterdaysTradeIdsAreForgottenButTodaysAreStillDuplicates() {
    // given
    DefaultPortfolioService s = monday();
    s.startDay(TUESDAY, at(TUESDAY, "09:15"));
    // when
    s.apply(fill("M1", RELIANCE, Side.SELL, 10, "100", Product.CNC, at(TUESDAY, "09:30")), Charges.NONE);
    s.apply(fill("M1", RELIANCE, Side.SELL, 10, "100", Product.CNC, at(TUESDAY, "09:30")), Charges.NONE);
    // then
    assertThat(s.position(RELIANCE, Product.CNC).orElseThrow().netQuantity()).isZero();
    assertThat(s.duplicateFills()).isEqualTo(1);
  }

  @Test
  void startingTheCurrentDayAgainChangesNothingAndAnEarlierDayIsRejected() {
    // given
    DefaultPortfolioService s = monday();
    var before = s.snapshot();
    // when / then
    assertThat(s.startDay(MONDAY, at("12:00"))).isFalse();
    assertThat(s.snapshot()).isEqualTo(before);
    assertThatThrownBy(() -> s.startDay(MONDAY.minusDays(3), at("12:00")))
        .isInstanceOf(ValidationException.class).hasMessageContaining("must not be before the current day 2025-01-06");
  }

  @Test
  void beforeAnyDayStartsDayPnlIsMeasuredFromTheStartingCash() {
    // given
    DefaultPortfolioService s = service("1000");
    // when
    s.apply(buy("T1", RELIANCE, 1, "100", Product.CNC), Fills.brokerage("1"));
    // then
    assertThat(s.currentDay()).isEmpty();
    assertThat(s.dayPnl()).isEqualTo(Money.of("-1"));
    assertThat(s.openIntradayPositions()).isEmpty();
  }
}
