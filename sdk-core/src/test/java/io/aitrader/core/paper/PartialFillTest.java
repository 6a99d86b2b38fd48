package io.aitrader.core.paper;

import static io.aitrader.core.paper.PaperKit.NIFTY_FUT;
import static io.aitrader.core.paper.PaperKit.market;
import static io.aitrader.core.paper.PaperKit.price;
import static io.aitrader.core.paper.PaperKit.trade;
import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.order.Fill;
import io.aitrader.api.order.Order;
import io.aitrader.api.order.OrderStatus;
import io.aitrader.api.order.OrderType;
import io.aitrader.api.order.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class PartialFillTest extends PaperBrokerTestBase {

  @Test
  void fillsAreCappedByTheVolumeShareAcrossTicksWithTheExactAveragePrice() {
    // given
    broker = broker(b -> b.maxVolumeShare(0.25));
    broker.onTick(trade("09:15:00", "2534.00", 1));
    Order buy = broker.place(market(Side.BUY, 100));
    // when: caps 40→10, 100→25, 37→9 (9.25 rounded down), then the remaining 56
    broker.onTick(trade("09:15:01", "2534.05", 40));
    broker.onTick(trade("09:15:02", "2534.10", 100));
    broker.onTick(trade("09:15:03", "2534.15", 37));
    Order partly = latest(buy);
    broker.onTick(trade("09:15:04", "2534.20", 1000));
    // then
    assertThat(broker.trades(buy)).extracting(Fill::quantity).containsExactly(10L, 25L, 9L, 56L);
    assertThat(partly.status()).isEqualTo(OrderStatus.OPEN);
    assertThat(partly.filledQuantity()).isEqualTo(44);
    assertThat(events.updatesOf(buy.referenceId())).extracting(Order::filledQuantity)
        .containsExactly(0L, 10L, 35L, 44L, 100L);
    // (2534.05×10 + 2534.10×25 + 2534.15×9 + 2534.20×56) / 100 = 2534.1555
    assertThat(latest(buy).averageFillPrice()).contains(price("2534.1555"));
    assertThat(latest(buy).status()).isEqualTo(OrderStatus.EXECUTED);
  }

  @Test
  void averageFillPriceIsRoundedHalfEvenToTheUnit() {
    // given: one unit per tick (half of 2 or 3 traded)
    broker = broker(b -> b.maxVolumeShare(0.5));
    broker.onTick(trade("09:15:00", "100.00", 1));
    Order sell = broker.place(market(Side.SELL, 3));
    // when
    broker.onTick(trade("09:15:01", "100.05", 2));
    broker.onTick(trade("09:15:02", "100.10", 3));
    broker.onTick(trade("09:15:03", "100.10", 2));
    // then: 300.25 / 3 = 100.08333… → 100.0833
    BigDecimal reference = new BigDecimal("300.25").divide(BigDecimal.valueOf(3), 4, RoundingMode.HALF_EVEN);
    assertThat(latest(sell).averageFillPrice()).contains(price(reference.toPlainString()));
    assertThat(latest(sell).averageFillPrice()).contains(price("100.0833"));
  }

  @Test
  void theVolumeCapIsRoundedDownToTheLotSize() {
    // given: two lots of 75
    broker = broker(b -> b.maxVolumeShare(0.25));
    broker.onTick(PaperKit.trade(NIFTY_FUT, "09:15:00", "23500.00", 75));
    Order buy = broker.place(PaperKit.request(NIFTY_FUT, Side.BUY, 150).orderType(OrderType.MARKET).build());
    // when: 400 → 100 → one lot; 200 → 50 → nothing; 300 → 75 → one lot
    broker.onTick(PaperKit.trade(NIFTY_FUT, "09:15:01", "23500.05", 400));
    broker.onTick(PaperKit.trade(NIFTY_FUT, "09:15:02", "23500.10", 200));
    broker.onTick(PaperKit.trade(NIFTY_FUT, "09:15:03", "23500.10", 300));
    // then
    assertThat(broker.trades(buy)).extracting(Fill::quantity).containsExactly(75L, 75L);
    assertThat(latest(buy).averageFillPrice()).contains(price("23500.075"));
    assertThat(latest(buy).status()).isEqualTo(OrderStatus.EXECUTED);
  }

  @Test
  void aPriceUpdateWithoutTradedQuantityFillsNothingUnderAVolumeCap() {
    // given
    broker = broker(b -> b.maxVolumeShare(0.25));
    broker.onTick(trade("09:15:00", "2534.00", 1));
    Order buy = broker.place(market(Side.BUY, 10));
    // when
    broker.onTick(trade("09:15:01", "2534.05", 0));
    // then
    assertThat(latest(buy).filledQuantity()).isZero();
    assertThat(latest(buy).status()).isEqualTo(OrderStatus.OPEN);
  }
}
