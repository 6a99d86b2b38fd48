package io.aitrader.core.paper;

import static io.aitrader.core.paper.PaperKit.limit;
import static io.aitrader.core.paper.PaperKit.market;
import static io.aitrader.core.paper.PaperKit.stopLimit;
import static io.aitrader.core.paper.PaperKit.stopMarket;
import static io.aitrader.core.paper.PaperKit.trade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.aitrader.api.market.Tick;
import io.aitrader.api.order.Fill;
import io.aitrader.api.order.Order;
import io.aitrader.api.order.OrderRequest;
import io.aitrader.api.order.Side;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeterminismAndAllocationTest {

  /** One fixed session: the requests are created once so both runs get the same input. */
  private static final List<OrderRequest> REQUESTS = List.of(market(Side.BUY, 30), limit(Side.SELL, 20, "2536.00"),
      stopMarket(Side.SELL, 10, "2525.00"), stopLimit(Side.BUY, 15, "2540.00", "2541.00"));
  private static final List<Tick> TICKS = List.of(trade("09:15:01", "2534.00", 40), trade("09:15:02", "2537.00", 30),
      trade("09:15:03", "2524.00", 100), trade("09:15:04", "2540.50", 100), trade("09:15:05", "2538.00", 100));

  private static List<Object> session() {
    PaperKit.Clock clock = new PaperKit.Clock();
    PaperBroker broker = PaperBroker.builder().timeSource(clock).maxVolumeShare(0.5).slippage(Slippage.fixedBps(2))
        .build();
    EventRecorder recorder = new EventRecorder();
    broker.subscribe(recorder);
    broker.onTick(trade("09:15:00", "2533.00", 1));
    REQUESTS.forEach(broker::place);
    TICKS.forEach(broker::onTick);
    broker.endOfDay(PaperKit.at("15:30:00"));
    assertThat(recorder.violations).isEmpty();
    return recorder.events;
  }

  @Test
  void theSameInputGivesIdenticalEventSequences() {
    // when
    List<Object> first = session();
    List<Object> second = session();
    // then
    assertThat(second).isEqualTo(first);
    assertThat(first).filteredOn(Fill.class::isInstance).extracting(e -> ((Fill) e).tradeId())
        .startsWith("PT-000001", "PT-000002");
    assertThat(first).filteredOn(Order.class::isInstance).extracting(e -> ((Order) e).brokerOrderId())
        .contains("PAPER-000001", "PAPER-000004");
  }

  @Test
  void ticksThatFillNothingAllocateNothing() {
    // given: one instrument without orders, one with a limit far from the market
    assumeThat(ManagementFactory.getThreadMXBean()).isInstanceOf(com.sun.management.ThreadMXBean.class);
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    assumeThat(threads.isThreadAllocatedMemorySupported()).isTrue();
    PaperKit.Clock clock = new PaperKit.Clock();
    PaperBroker broker = PaperBroker.builder().timeSource(clock).build();
    broker.subscribe(order -> { });
    Tick tcs = trade(PaperKit.TCS, "09:15:01", "4100.00", 10);
    Tick reliance = trade("09:15:01", "2534.00", 10);
    broker.onTick(tcs);
    broker.onTick(reliance);
    broker.place(limit(Side.BUY, 10, "2000.00"));
    broker.place(stopMarket(Side.SELL, 10, "2000.00"));
    for (int i = 0; i < 20_000; i++) {
      broker.onTick(tcs);
      broker.onTick(reliance);
    }
    long threadId = Thread.currentThread().getId();
    // when
    long before = threads.getThreadAllocatedBytes(threadId);
    for (int i = 0; i < 100_000; i++) {
      broker.onTick(tcs);
      broker.onTick(reliance);
    }
    long allocated = threads.getThreadAllocatedBytes(threadId) - before;
    // then: far less than one byte per tick (the measuring call itself may allocate a little)
    assertThat(allocated).isLessThan(10_000);
  }
}
