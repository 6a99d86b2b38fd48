package io.aitrader.core.charges;

import static io.aitrader.core.charges.ChargesFixtures.JUNE_10_2025;
import static io.aitrader.core.charges.ChargesFixtures.RELIANCE;
import static io.aitrader.core.charges.ChargesFixtures.fill;
import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.money.Money;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class BrokerageScheduleTest {
  private final BrokerageSchedule groww = BrokerageSchedule.groww();

  @Test
  void growwEquityIsTheLowerOfTwentyRupeesAndPointOnePercentWithAFiveRupeeMinimum() {
    assertThat(equity("100000")).isEqualTo(Money.of("20.00"));   // 0.1% = 100 -> ₹20 cap
    assertThat(equity("12345")).isEqualTo(Money.of("12.35"));    // 0.1% = 12.345 -> 12.35 (half-up)
    assertThat(equity("1000")).isEqualTo(Money.of("5.00"));      // 0.1% = 1.00 -> ₹5 minimum
    assertThat(equity("100")).isEqualTo(Money.of("2.50"));       // minimum ₹5 > SEBI's 2.5% cap = 2.50
    assertThat(groww.brokerage(TradeKind.EQUITY_INTRADAY, Money.of("15000"))).isEqualTo(Money.of("15.00"));
  }

  @Test
  void growwFuturesAndOptionsPayAFlatTwentyRupeesPerOrder() {
    assertThat(groww.brokerage(TradeKind.OPTIONS, Money.of("1.00"))).isEqualTo(Money.of("20.00"));
    assertThat(groww.brokerage(TradeKind.FUTURES, Money.of("5000000"))).isEqualTo(Money.of("20.00"));
  }

  @Test
  void zeroScheduleChargesNothing() {
    assertThat(BrokerageSchedule.zero().brokerage(TradeKind.EQUITY_DELIVERY, Money.of("100000")))
        .isEqualTo(Money.ZERO);
  }

  @Property(tries = 200)
  void fillsOfOneOrderAddUpToTheBrokerageOfTheWholeOrder(
      @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 1, max = 400) Integer> quantities,
      @ForAll @IntRange(min = 1, max = 500_000) int pricePaise) {
    IndianChargesModel model = IndianChargesModel.groww();
    Price price = Price.ofUnits(pricePaise * 100L);
    long charged = 0;
    long totalQuantity = 0;
    for (int q : quantities) {
      charged += model.chargesFor(fill("ORD", RELIANCE, Side.BUY, q, price.toString(), JUNE_10_2025, Product.CNC))
          .brokerage().units();
      totalQuantity += q;
    }
    assertThat(Money.ofUnits(charged))
        .isEqualTo(groww.brokerage(TradeKind.EQUITY_DELIVERY, price.times(totalQuantity)));
  }

  private Money equity(String value) {
    return groww.brokerage(TradeKind.EQUITY_DELIVERY, Money.of(value));
  }
}
