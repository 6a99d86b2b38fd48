package io.aitrader.core.paper;

import static io.aitrader.core.paper.PaperKit.at;
import static io.aitrader.core.paper.PaperKit.market;
import static io.aitrader.core.paper.PaperKit.price;
import static io.aitrader.core.paper.PaperKit.quoted;
import static io.aitrader.core.paper.PaperKit.trade;
import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.order.Fill;
import io.aitrader.api.order.Order;
import io.aitrader.api.order.OrderStatus;
import io.aitrader.api.order.Side;
import org.junit.jupiter.api.Test;

class MarketOrderTest extends PaperBrokerTestBase {

  @Test
  void marketOrderFillsAtTheNextTickWithoutSlippage() {
    // given
    broker.onTick(trade("09:15:00", "2530.00", 10));
    clock.set("09:15:01");
    Order placed = broker.place(market(Side.BUY, 10));
    // when
    broker.onTick(trade("09:15:02", "2534.05", 50));
    // then
    assertThat(placed.status()).isEqualTo(OrderStatus.OPEN);
    Order done = latest(placed);
    assertThat(done.status()).isEqualTo(OrderStatus.EXECUTED);
    assertThat(done.averageFillPrice()).contains(price("2534.05"));
    assertThat(broker.trades(done)).singleElement().satisfies(f -> {
      assertThat(f.price()).isEqualTo(price("2534.05"));
      assertThat(f.quantity()).isEqualTo(10);
      assertThat(f.timestampMillis()).isEqualTo(at("09:15:02"));
      assertThat(f.tradeId()).isEqualTo("PT-000001");
      assertThat(f.brokerOrderId()).isEqualTo("PAPER-000001");
    });
  }

  @Test
  void fixedBpsSlippageIsAdverseAndRoundedToTheTickAgainstTheOrder() {
    // given: 2534.05 × 1.0005 = 2535.317025 → up to 2535.35; × 0.9995 = 2532.782975 → down to 2532.75
    broker = broker(b -> b.slippage(Slippage.fixedBps(5)));
    broker.onTick(trade("09:15:00", "2534.00", 1));
    Order buy = broker.place(market(Side.BUY, 5));
    Order sell = broker.place(market(Side.SELL, 5));
    // when
    broker.onTick(trade("09:15:01", "2534.05", 100));
    // then
    assertThat(latest(buy).averageFillPrice()).contains(price("2535.35"));
    assertThat(latest(sell).averageFillPrice()).contains(price("2532.75"));
  }

  @Test
  void halfSpreadSlippageBuysAtTheAskAndSellsAtTheBidWhenQuoted() {
    // given
    broker = broker(b -> b.slippage(Slippage.halfSpread(5)));
    broker.onTick(trade("09:15:00", "2534.00", 1));
    Order buy = broker.place(market(Side.BUY, 5));
    Order sell = broker.place(market(Side.SELL, 5));
    // when
    broker.onTick(quoted("09:15:01", "2534.05", 100, "2534.00", "2534.20"));
    // then
    assertThat(latest(buy).averageFillPrice()).contains(price("2534.20"));
    assertThat(latest(sell).averageFillPrice()).contains(price("2534.00"));
  }

  @Test
  void halfSpreadSlippageFallsBackToFixedBpsWithoutATwoSidedQuote() {
    // given
    broker = broker(b -> b.slippage(Slippage.halfSpread(5)));
    broker.onTick(trade("09:15:00", "2534.00", 1));
    Order buy = broker.place(market(Side.BUY, 5));
    Order sell = broker.place(market(Side.SELL, 5));
    // when: a bid but no ask
    broker.onTick(new io.aitrader.api.market.Tick(PaperKit.RELIANCE, at("09:15:01"), PaperKit.price("2534.05").units(),
        100, 100, PaperKit.price("2534.00").units(), 10, 0, 0, 0));
    // then
    assertThat(latest(buy).averageFillPrice()).contains(price("2535.35"));
    assertThat(latest(sell).averageFillPrice()).contains(price("2532.75"));
  }

  @Test
  void aTickProcessedBeforeThePlacementNeverFillsTheOrder() {
    // given
    broker.onTick(trade("09:15:05", "2534.05", 10));
    clock.set("09:15:05");
    Order placed = broker.place(market(Side.BUY, 10));
    // then: nothing until the next tick
    assertThat(latest(placed).status()).isEqualTo(OrderStatus.OPEN);
    assertThat(events.fills()).isEmpty();
  }

  @Test
  void aTickStampedBeforeThePlacementIsIgnoredAndOneStampedAtItFills() {
    // given
    broker.onTick(trade("09:15:00", "2530.00", 10));
    clock.set("09:15:05");
    Order placed = broker.place(market(Side.BUY, 10));
    // when: late data, then a print at the placement millisecond
    broker.onTick(trade("09:15:04", "2531.00", 10));
    Order afterLate = latest(placed);
    broker.onTick(trade("09:15:05", "2532.00", 10));
    // then
    assertThat(afterLate.status()).isEqualTo(OrderStatus.OPEN);
    assertThat(latest(placed).averageFillPrice()).contains(price("2532.00"));
  }

  @Test
  void ticksOfOtherInstrumentsDoNotFillTheOrder() {
    // given
    broker.onTick(trade("09:15:00", "2530.00", 10));
    Order placed = broker.place(market(Side.BUY, 10));
    // when
    broker.onTick(PaperKit.trade(PaperKit.TCS, "09:15:01", "4100.00", 100));
    // then
    assertThat(latest(placed).status()).isEqualTo(OrderStatus.OPEN);
  }

  @Test
  void marketOrderIsRejectedWhenNoPriceIsKnownForItsInstrument() {
    // when
    Order placed = broker.place(market(Side.BUY, 10));
    // then
    assertThat(placed.status()).isEqualTo(OrderStatus.REJECTED);
    assertThat(placed.remark()).hasValueSatisfying(r -> assertThat(r).contains("no market price known"));
    assertThat(events.updates()).containsExactly(placed);
    broker.onTick(trade("09:15:01", "2530.00", 10));
    assertThat(events.fills()).isEmpty();
  }

  @Test
  void listenersSeeTheFillBeforeTheUpdateThatReportsIt() {
    // given
    broker.onTick(trade("09:15:00", "2530.00", 10));
    Order placed = broker.place(market(Side.SELL, 10));
    // when
    broker.onTick(trade("09:15:01", "2530.00", 10));
    // then
    assertThat(events.events).hasSize(3);
    assertThat(events.events.get(0)).isEqualTo(placed);
    assertThat(events.events.get(1)).isInstanceOf(Fill.class);
    assertThat(events.events.get(2)).isEqualTo(latest(placed));
    assertThat(latest(placed).status()).isEqualTo(OrderStatus.EXECUTED);
    assertThat(latest(placed).updatedAtMillis()).isEqualTo(at("09:15:01"));
  }
}
