package io.aitrader.benchmarks.execution;

import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentType;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.market.Tick;
import io.aitrader.api.money.Money;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.OrderRequest;
import io.aitrader.api.order.OrderType;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.api.time.Ist;
import io.aitrader.core.bus.InProcessEventBus;
import io.aitrader.core.charges.IndianChargesModel;
import io.aitrader.core.execution.ExecutionTier;
import io.aitrader.core.orders.DailyPriceBands;
import io.aitrader.core.paper.PaperBroker;
import io.aitrader.core.risk.RiskLimits;
import io.aitrader.core.risk.RiskProfiles;
import io.aitrader.core.time.ManualTimeSource;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One order through the whole execution tier on one thread: validation (lot, tick, product, price band), the risk
 * check (every limit set; the throttle off, since 10/s would refuse a benchmark; published on the bus), the
 * write-ahead record, the paper broker's placement, then the next tick fills it —
 * fill event, charges (Groww's schedule), portfolio update, order state recorded, margin released.
 *
 * <p>One invocation is a fresh account trading {@value #ORDERS} MARKET orders (alternately buying and selling 10
 * shares, so positions stay small); the order requests and ticks are built in the setup (that is the strategy's and
 * the feed's work). Reported per order.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar OrderPathBenchmark -f 1 -wi 3 -i 5 -prof gc</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class OrderPathBenchmark {
  static final int ORDERS = 10_000;
  private static final Instrument STOCK = Instrument.builder().exchange(Exchange.NSE).segment(Segment.CASH)
      .type(InstrumentType.EQ).tradingSymbol("BENCH").exchangeToken("1").tickSize(Price.of("0.05")).build();
  private static final long OPEN = Ist.toEpochMillis(LocalDate.of(2025, 1, 6), LocalTime.of(9, 15));

  private OrderRequest[] requests;
  private Tick[] ticks;
  private ExecutionTier tier;
  private ManualTimeSource clock;

  @Setup(Level.Trial)
  public void prepare() {
    requests = new OrderRequest[ORDERS];
    ticks = new Tick[ORDERS + 1];
    long price = Price.of("2500.00").units();
    for (int i = 0; i < ORDERS; i++) {
      requests[i] = OrderRequest.builder().instrument(STOCK).side(i % 2 == 0 ? Side.BUY : Side.SELL).quantity(10)
          .orderType(OrderType.MARKET).product(Product.MIS).referenceId(String.format("bench-%08d", i))
          .strategyId("bench").build();
    }
    for (int i = 0; i <= ORDERS; i++) {
      long p = price + (i % 7 - 3) * 500L;
      ticks[i] = new Tick(STOCK, OPEN + i * 10L, p, 100, 100L * (i + 1), p - 500, 50, p + 500, 50, 0);
    }
  }

  @Setup(Level.Invocation)
  public void freshAccount() {
    clock = new ManualTimeSource(OPEN);
    DailyPriceBands bands = new DailyPriceBands();
    bands.setFromPreviousClose(STOCK, Price.of("2500.00"), 20);
    tier = ExecutionTier.builder().timeSource(clock).eventBus(InProcessEventBus.create())
        .startingCash(Money.ofRupees(10_000_000)).paperBroker(PaperBroker.builder()).priceBands(bands)
        .charges(IndianChargesModel.groww())
        .risk(RiskProfiles.of(RiskLimits.builder().maxOrderValue(Money.ofRupees(200_000))
            .maxPositionQuantity(1_000).maxGrossExposure(Money.ofRupees(5_000_000)).maxOpenOrders(50)
            .maxDailyLoss(Money.ofRupees(1_000_000)).noOrdersPerSecondLimit().build()))
        .build();
    tier.onTick(ticks[0]);
  }

  @Benchmark
  @OperationsPerInvocation(ORDERS)
  public void orderToFill(Blackhole bh) {
    ExecutionTier t = tier;
    for (int i = 0; i < ORDERS; i++) {
      clock.set(ticks[i].timestampMillis());
      bh.consume(t.orderService().submit(requests[i]));
      t.onTick(ticks[i + 1]);
    }
  }
}
