package io.aitrader.benchmarks.bus;

import io.aitrader.api.bus.EventHandler;
import io.aitrader.api.bus.OverflowPolicy;
import io.aitrader.api.bus.Subscription;
import io.aitrader.api.bus.SubscriptionOptions;
import io.aitrader.api.bus.Topic;
import io.aitrader.api.bus.Topics;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentType;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.market.Tick;
import io.aitrader.api.money.Price;
import io.aitrader.core.bus.InProcessEventBus;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Throughput of {@link InProcessEventBus}, in events per second.
 *
 * <ul>
 *   <li>{@code asyncSpsc}: one producer (the JMH thread) → one {@code ASYNCHRONOUS} subscriber (its consumer
 *       thread). An operation publishes {@value #BATCH} ticks and waits until the consumer has delivered all of
 *       them, so the score counts delivered events, not just enqueued ones.</li>
 *   <li>{@code syncPublish}: {@code publish} of one tick to one {@code SYNCHRONOUS} subscriber.</li>
 * </ul>
 *
 * <p>Ticks are a preallocated NSE-like random walk (₹2,500 ± small moves), reused cyclically, so the benchmark
 * itself allocates nothing: {@code -prof gc} shows the bus's own allocation per event.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar Bus -f 1 -wi 3 -i 5 -prof gc</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BusBenchmark {
  static final int BATCH = 4096;
  private static final int TICKS = 1024; // power of two

  private static Tick[] ticks() {
    Instrument reliance = Instrument.builder()
        .exchange(Exchange.NSE).segment(Segment.CASH).type(InstrumentType.EQ)
        .tradingSymbol("RELIANCE").exchangeToken("2885").growwSymbol("NSE-RELIANCE").name("Reliance Industries").tickSize(Price.of("0.05"))
        .build();
    SplittableRandom random = new SplittableRandom(42);
    Tick[] ticks = new Tick[TICKS];
    long price = 2_500_0000L; // ₹2,500.0000
    long volume = 0;
    long time = 1_735_703_100_000L; // 2025-01-01 09:15 IST
    for (int i = 0; i < TICKS; i++) {
      price += 500L * (random.nextInt(11) - 5); // ± up to ₹0.25 in ₹0.05 steps
      long quantity = 1 + random.nextInt(500);
      volume += quantity;
      time += random.nextInt(200);
      ticks[i] = new Tick(reliance, time, price, quantity, volume, price - 500, 100, price + 500, 120, 0);
    }
    return ticks;
  }

  /** Consumer-side sink, written only by the delivering thread, so the handler's work cannot be optimised away. */
  static final class Sink implements EventHandler<Tick> {
    long sum;

    @Override
    public void onEvent(Tick tick) {
      sum += tick.lastPrice();
    }
  }

  /** One bus with one asynchronous subscriber (ring of {@code capacity} events, BLOCK). */
  @State(Scope.Thread)
  public static class Async {
    @Param({"8192"})
    int capacity;

    final Topic<Tick> topic = Topics.ticks(Exchange.NSE);
    final Tick[] ticks = ticks();
    InProcessEventBus bus;
    Subscription subscription;
    long published;
    int next;

    @Setup(Level.Trial)
    public void setUp() {
      bus = InProcessEventBus.builder().threadNamePrefix("bench-bus-").build();
      subscription = bus.subscribe(topic, new Sink(), SubscriptionOptions.asynchronous(capacity, OverflowPolicy.BLOCK));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      bus.close();
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long asyncSpsc(Async s) {
    Tick[] ticks = s.ticks;
    int next = s.next;
    for (int i = 0; i < BATCH; i++) {
      s.bus.publish(s.topic, ticks[next]);
      next = (next + 1) & (TICKS - 1);
    }
    s.next = next;
    long target = s.published += BATCH;
    Subscription subscription = s.subscription;
    while (subscription.delivered() < target) {
      Thread.onSpinWait();
    }
    return target;
  }

  /** One bus with one synchronous subscriber. */
  @State(Scope.Thread)
  public static class Sync {
    final Topic<Tick> topic = Topics.ticks(Exchange.NSE);
    final Tick[] ticks = ticks();
    final Sink sink = new Sink();
    InProcessEventBus bus;
    int next;

    @Setup(Level.Trial)
    public void setUp() {
      bus = InProcessEventBus.create();
      bus.subscribe(topic, sink, SubscriptionOptions.SYNCHRONOUS);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      bus.close();
    }
  }

  @Benchmark
  public long syncPublish(Sync s) {
    int next = s.next;
    s.bus.publish(s.topic, s.ticks[next]);
    s.next = (next + 1) & (TICKS - 1);
    return s.sink.sum;
  }
}
