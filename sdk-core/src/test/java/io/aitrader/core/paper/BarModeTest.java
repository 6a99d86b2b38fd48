package io.aitrader.core.paper;

import static io.aitrader.core.paper.PaperKit.at;
import static io.aitrader.core.paper.PaperKit.bar;
import static io.aitrader.core.paper.PaperKit.limit;
import static io.aitrader.core.paper.PaperKit.market;
import static io.aitrader.core.paper.PaperKit.price;
import static io.aitrader.core.paper.PaperKit.stopLimit;
import static io.aitrader.core.paper.PaperKit.stopMarket;
import static io.aitrader.core.paper.PaperKit.trade;
import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.market.Bar;
import io.aitrader.api.order.Fill;
import io.aitrader.api.order.Order;
import io.aitrader.api.order.OrderStatus;
import io.aitrader.api.order.Side;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BarModeTest extends PaperBrokerTestBase {

  @BeforeEach
  void barBroker() {
    broker = broker(b -> b.fillMode(FillMode.BAR));
    broker.onBar(bar("09:15", "2530.00", "2532.00", "2528.00", "2531.00", 1000));
    clock.set("09:16:00");
  }

  @Test
  void marketOrderFillsAtTheNextBarsOpenWithSlippage() {
    // given: 2534.05 × 1.0005 = 2535.317025 → 2535.35
    broker = broker(b -> b.fillMode(FillMode.BAR).slippage(Slippage.halfSpread(5)));
    broker.onBar(bar("09:15", "2530.00", "2532.00", "2528.00", "2531.00", 1000));
    Order buy = broker.place(market(Side.BUY, 10));
    // when
    broker.onBar(bar("09:16", "2534.05", "2540.00", "2533.00", "2538.00", 1000));
    // then
    assertThat(latest(buy).averageFillPrice()).contains(price("2535.35"));
    assertThat(broker.trades(buy)).singleElement().extracting(Fill::timestampMillis).isEqualTo(at("09:16:00"));
  }

  @Test
  void aBarThatOpenedBeforeThePlacementDoesNotFillIt() {
    // given: placed mid-bar
    clock.set("09:16:30");
    Order buy = broker.place(market(Side.BUY, 10));
    // when
    broker.onBar(bar("09:16", "2534.05", "2540.00", "2533.00", "2538.00", 1000));
    Order afterSameBar = latest(buy);
    broker.onBar(bar("09:17", "2538.00", "2539.00", "2537.00", "2538.50", 1000));
    // then
    assertThat(afterSameBar.filledQuantity()).isZero();
    assertThat(latest(buy).averageFillPrice()).contains(price("2538.00"));
  }

  @Test
  void ticksAndRunningBarsAreIgnoredInBarMode() {
    // given
    Order buy = broker.place(market(Side.BUY, 10));
    // when
    broker.onTick(trade("09:16:01", "2534.05", 1000));
    Bar b = bar("09:16", "2534.05", "2540.00", "2533.00", "2538.00", 1000);
    broker.onBar(new Bar(b.instrument(), b.interval(), b.openTimeMillis(), b.closeTimeMillis(), b.open(), b.high(),
        b.low(), b.close(), b.volume(), b.turnover(), b.tradeCount(), false));
    // then
    assertThat(latest(buy).filledQuantity()).isZero();
  }

  @Test
  void limitFillsAtTheLimitWhenTheBarTradesThroughIt() {
    // given
    Order buy = broker.place(limit(Side.BUY, 10, "2530.00"));
    Order sell = broker.place(limit(Side.SELL, 10, "2545.00"));
    // when: low 2529.95 < 2530.00; high 2545.00 only touches the sell limit
    broker.onBar(bar("09:16", "2534.00", "2545.00", "2529.95", "2531.00", 1000));
    // then
    assertThat(latest(buy).averageFillPrice()).contains(price("2530.00"));
    assertThat(broker.trades(buy)).singleElement().extracting(Fill::timestampMillis).isEqualTo(at("09:17:00"));
    assertThat(latest(sell).filledQuantity()).isZero();
  }

  @Test
  void limitFillsAtTheOpenWhenTheOpenIsAlreadyBetter() {
    // given
    Order buy = broker.place(limit(Side.BUY, 10, "2530.00"));
    // when
    broker.onBar(bar("09:16", "2525.00", "2527.00", "2520.00", "2526.00", 1000));
    // then
    assertThat(latest(buy).averageFillPrice()).contains(price("2525.00"));
  }

  @Test
  void stopMarketTriggersOnTheBarsRangeAndFillsAtTheTriggerOrAGappedOpen() {
    // given
    Order sellStop = broker.place(stopMarket(Side.SELL, 10, "2520.00"));
    Order buyStop = broker.place(stopMarket(Side.BUY, 10, "2540.00"));
    // when: the low reaches the sell trigger mid-bar; the next bar gaps above the buy trigger
    broker.onBar(bar("09:16", "2530.00", "2535.00", "2519.00", "2522.00", 1000));
    broker.onBar(bar("09:17", "2545.00", "2546.00", "2544.00", "2545.00", 1000));
    // then
    assertThat(latest(sellStop).averageFillPrice()).contains(price("2520.00"));
    assertThat(latest(buyStop).averageFillPrice()).contains(price("2545.00"));
    assertThat(events.updatesOf(buyStop.referenceId())).extracting(Order::status)
        .containsExactly(OrderStatus.TRIGGER_PENDING, OrderStatus.OPEN, OrderStatus.EXECUTED);
  }

  @Test
  void stopLimitTriggeredMidBarFillsAtTheTriggerOnlyWhenThatFillsTheLimit() {
    // given: buy SL trigger 2540 limit 2540 (through needs a print below 2540 after the trigger)
    Order tight = broker.place(stopLimit(Side.BUY, 10, "2540.00", "2540.00"));
    Order loose = broker.place(stopLimit(Side.BUY, 10, "2540.00", "2545.00"));
    // when
    broker.onBar(bar("09:16", "2535.00", "2550.00", "2530.00", "2548.00", 1000));
    Order tightAfterTrigger = latest(tight);
    broker.onBar(bar("09:17", "2548.00", "2549.00", "2539.00", "2541.00", 1000));
    // then
    assertThat(latest(loose).averageFillPrice()).contains(price("2540.00"));
    assertThat(tightAfterTrigger.status()).isEqualTo(OrderStatus.OPEN);
    assertThat(tightAfterTrigger.filledQuantity()).isZero();
    assertThat(latest(tight).averageFillPrice()).contains(price("2540.00"));
  }

  @Test
  void theBarsVolumeCapsTheFill() {
    // given
    broker = broker(b -> b.fillMode(FillMode.BAR).maxVolumeShare(0.1));
    broker.onBar(bar("09:15", "2530.00", "2532.00", "2528.00", "2531.00", 1000));
    Order buy = broker.place(market(Side.BUY, 150));
    // when
    broker.onBar(bar("09:16", "2534.00", "2540.00", "2533.00", "2538.00", 1000));
    broker.onBar(bar("09:17", "2538.00", "2540.00", "2533.00", "2538.00", 600));
    // then
    assertThat(broker.trades(buy)).extracting(Fill::quantity).containsExactly(100L, 50L);
    assertThat(latest(buy).averageFillPrice()).contains(price("2535.3333"));
  }
}
