package io.aitrader.core.paper;

import static io.aitrader.core.paper.PaperKit.limit;
import static io.aitrader.core.paper.PaperKit.price;
import static io.aitrader.core.paper.PaperKit.trade;
import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.order.Order;
import io.aitrader.api.order.OrderStatus;
import io.aitrader.api.order.Side;
import org.junit.jupiter.api.Test;

class LimitOrderTest extends PaperBrokerTestBase {

  @Test
  void buyLimitFillsAtTheLimitOnlyWhenATradePrintsStrictlyBelowIt() {
    // given: resting after a first print above the limit
    Order buy = broker.place(limit(Side.BUY, 10, "2530.00"));
    broker.onTick(trade("09:15:01", "2531.00", 100));
    // when: a print at the limit, then one through it
    broker.onTick(trade("09:15:02", "2530.00", 100));
    Order afterTouch = latest(buy);
    broker.onTick(trade("09:15:03", "2529.50", 100));
    // then
    assertThat(afterTouch.status()).isEqualTo(OrderStatus.OPEN);
    assertThat(afterTouch.filledQuantity()).isZero();
    assertThat(latest(buy).status()).isEqualTo(OrderStatus.EXECUTED);
    assertThat(latest(buy).averageFillPrice()).contains(price("2530.00"));
  }

  @Test
  void sellLimitFillsAtTheLimitOnlyWhenATradePrintsStrictlyAboveIt() {
    // given
    Order sell = broker.place(limit(Side.SELL, 10, "2540.00"));
    broker.onTick(trade("09:15:01", "2539.00", 100));
    // when
    broker.onTick(trade("09:15:02", "2540.00", 100));
    Order afterTouch = latest(sell);
    broker.onTick(trade("09:15:03", "2540.05", 100));
    // then
    assertThat(afterTouch.filledQuantity()).isZero();
    assertThat(latest(sell).averageFillPrice()).contains(price("2540.00"));
  }

  @Test
  void touchModeFillsABuyLimitOnAPrintAtTheLimit() {
    // given
    broker = broker(b -> b.limitFill(LimitFill.TOUCH));
    Order buy = broker.place(limit(Side.BUY, 10, "2530.00"));
    broker.onTick(trade("09:15:01", "2531.00", 100));
    // when
    broker.onTick(trade("09:15:02", "2530.00", 100));
    // then
    assertThat(latest(buy).status()).isEqualTo(OrderStatus.EXECUTED);
    assertThat(latest(buy).averageFillPrice()).contains(price("2530.00"));
  }

  @Test
  void touchModeFillsASellLimitOnAPrintAtTheLimit() {
    // given
    broker = broker(b -> b.limitFill(LimitFill.TOUCH));
    Order sell = broker.place(limit(Side.SELL, 10, "2540.00"));
    broker.onTick(trade("09:15:01", "2539.00", 100));
    // when
    broker.onTick(trade("09:15:02", "2540.00", 100));
    // then
    assertThat(latest(sell).averageFillPrice()).contains(price("2540.00"));
  }

  @Test
  void aLimitMarketableOnArrivalFillsAtTheArrivingPrintPrice() {
    // given
    Order buy = broker.place(limit(Side.BUY, 10, "2540.00"));
    Order sell = broker.place(limit(Side.SELL, 10, "2520.00"));
    // when
    broker.onTick(trade("09:15:01", "2534.05", 100));
    // then: the price improvement goes to the order, never beyond its limit
    assertThat(latest(buy).averageFillPrice()).contains(price("2534.05"));
    assertThat(latest(sell).averageFillPrice()).contains(price("2534.05"));
  }

  @Test
  void aRestingLimitFillsAtItsLimitEvenWhenThePrintGapsThroughIt() {
    // given
    Order buy = broker.place(limit(Side.BUY, 10, "2530.00"));
    broker.onTick(trade("09:15:01", "2535.00", 100));
    // when
    broker.onTick(trade("09:15:02", "2520.00", 100));
    // then
    assertThat(latest(buy).averageFillPrice()).contains(price("2530.00"));
  }
}
