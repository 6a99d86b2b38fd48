package io.aitrader.core.paper;

import static io.aitrader.core.paper.PaperKit.price;
import static io.aitrader.core.paper.PaperKit.stopLimit;
import static io.aitrader.core.paper.PaperKit.stopMarket;
import static io.aitrader.core.paper.PaperKit.trade;
import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.order.Order;
import io.aitrader.api.order.OrderStatus;
import io.aitrader.api.order.Side;
import org.junit.jupiter.api.Test;

class StopOrderTest extends PaperBrokerTestBase {

  @Test
  void sellStopMarketWaitsForItsTriggerThenFillsAtTheTriggeringPrint() {
    // given
    Order stop = broker.place(stopMarket(Side.SELL, 10, "2500.00"));
    // when
    broker.onTick(trade("09:15:01", "2510.00", 100));
    Order beforeTrigger = latest(stop);
    broker.onTick(trade("09:15:02", "2499.00", 100));
    // then
    assertThat(stop.status()).isEqualTo(OrderStatus.TRIGGER_PENDING);
    assertThat(beforeTrigger.status()).isEqualTo(OrderStatus.TRIGGER_PENDING);
    assertThat(events.updatesOf(stop.referenceId())).extracting(Order::status)
        .containsExactly(OrderStatus.TRIGGER_PENDING, OrderStatus.OPEN, OrderStatus.EXECUTED);
    assertThat(latest(stop).averageFillPrice()).contains(price("2499.00"));
  }

  @Test
  void buyStopMarketTriggersAtTheTriggerPriceAndPaysSlippage() {
    // given: 2520.00 × 1.001 = 2522.52 → up to 2522.55
    broker = broker(b -> b.slippage(Slippage.fixedBps(10)));
    Order stop = broker.place(stopMarket(Side.BUY, 10, "2520.00"));
    // when
    broker.onTick(trade("09:15:01", "2519.95", 100));
    broker.onTick(trade("09:15:02", "2520.00", 100));
    // then
    assertThat(latest(stop).status()).isEqualTo(OrderStatus.EXECUTED);
    assertThat(latest(stop).averageFillPrice()).contains(price("2522.55"));
  }

  @Test
  void buyStopLimitFillsAtTheTriggeringPrintWhenItIsWithinTheLimit() {
    // given
    Order stop = broker.place(stopLimit(Side.BUY, 10, "2520.00", "2525.00"));
    // when
    broker.onTick(trade("09:15:01", "2521.00", 100));
    // then
    assertThat(latest(stop).averageFillPrice()).contains(price("2521.00"));
  }

  @Test
  void buyStopLimitGappingPastItsLimitWaitsAsALimitOrderAfterTheTrigger() {
    // given
    Order stop = broker.place(stopLimit(Side.BUY, 10, "2520.00", "2525.00"));
    // when: triggers above the limit, then trades back through it
    broker.onTick(trade("09:15:01", "2530.00", 100));
    Order triggered = latest(stop);
    broker.onTick(trade("09:15:02", "2524.00", 100));
    // then
    assertThat(triggered.status()).isEqualTo(OrderStatus.OPEN);
    assertThat(triggered.filledQuantity()).isZero();
    assertThat(latest(stop).averageFillPrice()).contains(price("2525.00"));
    assertThat(latest(stop).status()).isEqualTo(OrderStatus.EXECUTED);
  }

  @Test
  void sellStopLimitTriggersAtOrBelowItsTriggerAndRespectsItsLimit() {
    // given
    Order stop = broker.place(stopLimit(Side.SELL, 10, "2500.00", "2495.00"));
    // when: at the trigger but the limit leg needs a print above 2495.00 (through)
    broker.onTick(trade("09:15:01", "2500.00", 100));
    // then: 2500.00 > 2495.00, so the arriving limit leg fills at the print
    assertThat(latest(stop).averageFillPrice()).contains(price("2500.00"));
  }

  @Test
  void sellStopLimitBelowItsLimitAfterTriggerFillsLaterAtTheLimit() {
    // given
    Order stop = broker.place(stopLimit(Side.SELL, 10, "2500.00", "2495.00"));
    // when
    broker.onTick(trade("09:15:01", "2490.00", 100));
    Order triggered = latest(stop);
    broker.onTick(trade("09:15:02", "2495.00", 100));
    Order atLimit = latest(stop);
    broker.onTick(trade("09:15:03", "2496.00", 100));
    // then
    assertThat(triggered.status()).isEqualTo(OrderStatus.OPEN);
    assertThat(atLimit.filledQuantity()).isZero();
    assertThat(latest(stop).averageFillPrice()).contains(price("2495.00"));
  }
}
