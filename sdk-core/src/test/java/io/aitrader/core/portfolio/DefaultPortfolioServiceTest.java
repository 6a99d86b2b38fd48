package io.aitrader.core.portfolio;

import static io.aitrader.core.portfolio.Fills.brokerage;
import static io.aitrader.core.portfolio.Fills.buy;
import static io.aitrader.core.portfolio.Fills.sell;
import static io.aitrader.core.portfolio.Fills.service;
import static io.aitrader.core.testdata.TestInstruments.RELIANCE;
import static io.aitrader.core.testdata.TestInstruments.TCS;
import static io.aitrader.core.testdata.TestInstruments.at;
import static io.aitrader.core.testdata.TestInstruments.rupees;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ValidationException;
import io.aitrader.api.money.Money;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.Product;
import io.aitrader.api.portfolio.Charges;
import io.aitrader.api.portfolio.Portfolio;
import io.aitrader.api.portfolio.Position;
import io.aitrader.core.testdata.TestInstruments;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class DefaultPortfolioServiceTest {

  @Test
  void startsWithOnlyCash() {
    // when
    Portfolio p = service("100000").snapshot();
    // then
    assertThat(p.cash()).isEqualTo(Money.of("100000"));
    assertThat(p.positions()).isEmpty();
    assertThat(p.equity()).isEqualTo(Money.of("100000"));
    assertThat(p.netPnl()).isEqualTo(Money.ZERO);
  }

  @Test
  void buyAddPartialSellSellThroughZeroAndCoverAreAveragedAndRealizedExactly() {
    // given
    DefaultPortfolioService s = service("100000");

    // buy 10 @ 100: long 10, cost 1000
    s.apply(buy("T1", RELIANCE, 10, "100.00", Product.MIS), Charges.NONE);
    assertThat(position(s)).isEqualTo(new Position(RELIANCE, Product.MIS, 10, Money.of("1000"), Money.ZERO));
    assertThat(s.snapshot().cash()).isEqualTo(Money.of("99000"));

    // add 5 @ 106: long 15, cost 1530, average 102
    s.apply(buy("T2", RELIANCE, 5, "106.00", Product.MIS), Charges.NONE);
    assertThat(position(s).costBasis()).isEqualTo(Money.of("1530"));
    assertThat(position(s).averagePrice()).isEqualTo(Price.of("102"));

    // sell 6 @ 110: closes 6 at average 102 -> realized 48; long 9, cost 918
    s.apply(sell("T3", RELIANCE, 6, "110.00", Product.MIS), Charges.NONE);
    assertThat(position(s)).isEqualTo(new Position(RELIANCE, Product.MIS, 9, Money.of("918"), Money.of("48")));

    // sell 14 @ 104: closes 9 (realized 18, total 66) and opens a short 5 @ 104 (cost -520)
    s.apply(sell("T4", RELIANCE, 14, "104.00", Product.MIS), Charges.NONE);
    assertThat(position(s)).isEqualTo(new Position(RELIANCE, Product.MIS, -5, Money.of("-520"), Money.of("66")));
    assertThat(position(s).averagePrice()).isEqualTo(Price.of("104"));

    // cover 5 @ 100: short gains 4 x 5 = 20, total realized 86, flat
    s.apply(buy("T5", RELIANCE, 5, "100.00", Product.MIS), Charges.NONE);

    // then
    Portfolio p = s.snapshot();
    assertThat(position(s)).isEqualTo(new Position(RELIANCE, Product.MIS, 0, Money.ZERO, Money.of("86")));
    assertThat(p.realizedPnl()).isEqualTo(Money.of("86"));
    assertThat(p.cash()).isEqualTo(Money.of("100086"));
    assertThat(p.equity()).isEqualTo(Money.of("100086"));
    assertThat(p.positions()).hasSize(1); // flat positions stay listed for the day
    assertThat(p.openPositions()).isEmpty();
  }

  @Test
  void partialCloseRoundsTheClosedCostToTheUnitAndConservesIt() {
    // given cost 30.25 for 3 shares (average 10.0833...)
    DefaultPortfolioService s = service("1000");
    s.apply(buy("T1", RELIANCE, 1, "10.05", Product.CNC), Charges.NONE);
    s.apply(buy("T2", RELIANCE, 2, "10.10", Product.CNC), Charges.NONE);
    // when one is sold @ 11: its cost is 30.25 / 3 = 10.08333 -> 10.0833
    s.apply(sell("T3", RELIANCE, 1, "11.00", Product.CNC), Charges.NONE);
    // then
    assertThat(position(s, Product.CNC).realizedPnl()).isEqualTo(Money.of("0.9167"));
    assertThat(position(s, Product.CNC).costBasis()).isEqualTo(Money.of("20.1667"));
    // and closing the rest realizes exactly what is left: total = 33.00 - 30.25
    s.apply(sell("T4", RELIANCE, 2, "11.00", Product.CNC), Charges.NONE);
    assertThat(s.snapshot().realizedPnl()).isEqualTo(Money.of("2.75"));
    assertThat(s.snapshot().cash()).isEqualTo(Money.of("1002.75"));
  }

  @Test
  void misAndCncPositionsInTheSameStockAreKeptApart() {
    // given
    DefaultPortfolioService s = service("100000");
    // when
    s.apply(buy("T1", RELIANCE, 10, "100", Product.CNC), Charges.NONE);
    s.apply(sell("T2", RELIANCE, 4, "101", Product.MIS), Charges.NONE);
    // then
    assertThat(position(s, Product.CNC)).isEqualTo(new Position(RELIANCE, Product.CNC, 10, Money.of("1000"), Money.ZERO));
    assertThat(position(s, Product.MIS)).isEqualTo(new Position(RELIANCE, Product.MIS, -4, Money.of("-404"), Money.ZERO));
    assertThat(s.snapshot().positions()).extracting(Position::product).containsExactly(Product.CNC, Product.MIS);
    assertThat(s.position(TCS, Product.CNC)).isEmpty();
  }

  @Test
  void chargesLowerCashAndAddToChargesPaidWithoutChangingTheCostBasis() {
    // given
    DefaultPortfolioService s = service("100000");
    // when
    s.apply(buy("T1", RELIANCE, 10, "100", Product.MIS), brokerage("20"));
    s.apply(sell("T2", RELIANCE, 10, "101", Product.MIS), new Charges(Money.of("20"), Money.of("2.53"),
        Money.of("0.03"), Money.ZERO, Money.ZERO, Money.of("3.61"), Money.ZERO, Money.ZERO));
    // then
    Portfolio p = s.snapshot();
    assertThat(p.chargesPaid()).isEqualTo(Money.of("46.17"));
    assertThat(p.realizedPnl()).isEqualTo(Money.of("10"));
    assertThat(p.cash()).isEqualTo(Money.of("99963.83"));
    assertThat(p.netPnl()).isEqualTo(Money.of("-36.17"));
    assertThat(position(s).costBasis()).isEqualTo(Money.ZERO);
  }

  @Test
  void marksGiveUnrealizedPnlAcrossProductsOfAnInstrument() {
    // given long 10 CNC @ 100 and short 4 MIS @ 101 in RELIANCE, long 2 TCS @ 3000 never marked
    DefaultPortfolioService s = service("100000");
    s.apply(buy("T1", RELIANCE, 10, "100", Product.CNC), Charges.NONE);
    s.apply(sell("T2", RELIANCE, 4, "101", Product.MIS), Charges.NONE);
    s.apply(buy("T3", TCS, 2, "3000", Product.CNC), Charges.NONE);
    assertThat(s.snapshot().unrealizedPnl()).isEqualTo(Money.ZERO);
    // when
    s.mark(RELIANCE, Price.of("105.50"), at("10:01"));
    // then: CNC 10 x 5.50 = 55, MIS -4 x 4.50 = -18, TCS at its average = 0
    Portfolio p = s.snapshot();
    assertThat(p.unrealizedPnl()).isEqualTo(Money.of("37"));
    assertThat(p.timestampMillis()).isEqualTo(at("10:01"));
    assertThat(p.equity()).isEqualTo(Money.of("100037"));
    assertThat(p.marketValue()).isEqualTo(Money.of("1055").plus(Money.of("-422")).plus(Money.of("6000")));
    // and a later fill is valued at the last mark
    s.apply(buy("T4", RELIANCE, 10, "106", Product.CNC), Charges.NONE);
    assertThat(s.snapshot().unrealizedPnl()).isEqualTo(Money.of("32"));
  }

  @Test
  void aMarkSoLargeThatThePnlWouldOverflowIsCountedAndChangesNothing() {
    DefaultPortfolioService s = service("1000000");
    s.apply(buy("T1", RELIANCE, 1_000, "100", Product.MIS), Charges.NONE);
    s.mark(RELIANCE, rupees("101"), at("10:01"));

    s.mark(RELIANCE, Long.MAX_VALUE / 100, at("10:02")); // × 1,000 shares overflows a long

    assertThat(s.rejectedMarks()).isEqualTo(1);
    assertThat(s.snapshot().unrealizedPnl()).isEqualTo(Money.of("1000"));
    s.mark(RELIANCE, rupees("102"), at("10:03"));
    assertThat(s.snapshot().unrealizedPnl()).isEqualTo(Money.of("2000"));
  }

  @Test
  void nonPositiveMarksAreIgnoredAndCountedAndUnknownInstrumentsIgnored() {
    // given
    DefaultPortfolioService s = service("1000");
    s.apply(buy("T1", RELIANCE, 1, "100", Product.CNC), Charges.NONE);
    s.mark(RELIANCE, rupees("101"), at("10:01"));
    // when
    s.mark(RELIANCE, 0, at("10:02"));
    s.mark(RELIANCE, -5, at("10:02"));
    s.mark(TCS, rupees("1"), at("10:02"));
    // then
    assertThat(s.rejectedMarks()).isEqualTo(2);
    assertThat(s.snapshot().unrealizedPnl()).isEqualTo(Money.of("1"));
    assertThat(s.snapshot().timestampMillis()).isEqualTo(at("10:01"));
    assertThat(s.snapshot().positions()).hasSize(1);
  }

  @Test
  void aFillWithATradeIdAlreadyAppliedIsIgnored() {
    // given
    DefaultPortfolioService s = service("1000");
    s.apply(buy("T1", RELIANCE, 1, "100", Product.CNC), brokerage("1"));
    Portfolio before = s.snapshot();
    // when the same trade arrives again, even with other contents
    s.apply(buy("T1", RELIANCE, 1, "100", Product.CNC), brokerage("1"));
    s.apply(sell("T1", TCS, 3, "50", Product.MIS), Charges.NONE);
    // then
    assertThat(s.snapshot()).isEqualTo(before);
    assertThat(s.duplicateFills()).isEqualTo(2);
  }

  @Test
  void blockedMarginReducesAvailableCashUntilReleased() {
    // given
    DefaultPortfolioService s = service("10000");
    // when
    s.block("order-1", Money.of("2500"));
    s.block("order-2", Money.of("1000"));
    s.block("order-1", Money.of("3000")); // modified order: replaces
    // then
    assertThat(s.blockedMargin()).isEqualTo(Money.of("4000"));
    assertThat(s.availableCash()).isEqualTo(Money.of("6000"));
    assertThat(s.snapshot().blockedMargin()).isEqualTo(Money.of("4000"));
    assertThat(s.snapshot().availableCash()).isEqualTo(Money.of("6000"));
    assertThat(s.snapshot().equity()).isEqualTo(Money.of("10000"));
    // when
    assertThat(s.release("order-1")).isTrue();
    assertThat(s.release("order-1")).isFalse();
    // then
    assertThat(s.availableCash()).isEqualTo(Money.of("9000"));
  }

  @Test
  void negativeMarginIsRejected() {
    DefaultPortfolioService s = service("10000");
    assertThatThrownBy(() -> s.block("order-1", Money.of("-1")))
        .isInstanceOf(ValidationException.class).hasMessageContaining("amount must be >= 0");
    assertThat(s.blockedMargin()).isEqualTo(Money.ZERO);
  }

  @Test
  void anOverflowingFillThrowsAndLeavesTheStateUnchanged() {
    // given
    DefaultPortfolioService s = service("0");
    s.apply(buy("T1", RELIANCE, 1, "100", Product.CNC), Charges.NONE);
    Portfolio before = s.snapshot();
    // when / then: 10^9 rupees x 10^6 shares does not fit ₹0.0001 units in a long
    assertThatThrownBy(() -> s.apply(buy("T2", RELIANCE, 1_000_000, "1000000000", Product.CNC), Charges.NONE))
        .isInstanceOf(ArithmeticException.class);
    assertThat(s.snapshot()).isEqualTo(before);
    // and the trade id was not consumed
    s.apply(buy("T2", RELIANCE, 1, "100", Product.CNC), Charges.NONE);
    assertThat(position(s, Product.CNC).netQuantity()).isEqualTo(2);
  }

  @Test
  void markAllocatesNothingForAKnownInstrument() {
    var mx = java.lang.management.ManagementFactory.getThreadMXBean();
    Assumptions.assumeTrue(mx instanceof com.sun.management.ThreadMXBean, "needs the HotSpot thread MX bean");
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) mx;
    Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
    // given
    DefaultPortfolioService s = service("100000");
    s.apply(buy("T1", RELIANCE, 10, "100", Product.CNC), Charges.NONE);
    s.apply(sell("T2", RELIANCE, 3, "100", Product.MIS), Charges.NONE);
    long tid = Thread.currentThread().getId();
    long t0 = TestInstruments.at("10:00");
    for (int i = 0; i < 20_000; i++) { // warm up
      s.mark(RELIANCE, 1_000_000 + (i % 100) * 500L, t0 + i);
    }
    // when: the least of a few measurements, so a one-off JVM allocation is not counted
    long least = Long.MAX_VALUE;
    for (int round = 0; round < 5; round++) {
      long before = threads.getThreadAllocatedBytes(tid);
      for (int i = 0; i < 10_000; i++) {
        s.mark(RELIANCE, 1_000_000 + (i % 100) * 500L, t0 + i);
      }
      least = Math.min(least, threads.getThreadAllocatedBytes(tid) - before);
    }
    // then
    assertThat(least).isZero();
  }

  private static Position position(DefaultPortfolioService s) {
    return position(s, Product.MIS);
  }

  private static Position position(DefaultPortfolioService s, Product product) {
    return s.position(RELIANCE, product).orElseThrow();
  }
}
