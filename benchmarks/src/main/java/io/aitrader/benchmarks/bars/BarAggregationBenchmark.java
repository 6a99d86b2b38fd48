package io.aitrader.benchmarks.bars;

import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentType;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.market.BarListener;
import io.aitrader.api.market.BarView;
import io.aitrader.api.money.Price;
import io.aitrader.api.time.TradingSession;
import io.aitrader.core.bars.TimeBarAggregator;
import io.aitrader.core.calendar.ExchangeCalendar;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * Bar aggregation throughput: 100 NSE instruments, 1m + 5m + 15m bars, one trading session of 2^20 prints per
 * invocation (a new session each time, so time only moves forward), bars closed by the session end. The score is
 * ticks per second; with {@code -prof gc}, {@code gc.alloc.rate.norm} is bytes per tick.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar BarAggregation -f 1 -wi 3 -i 5 -prof gc</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class BarAggregationBenchmark {
  static final int INSTRUMENTS = 100;
  static final int TICKS_PER_SESSION = 1 << 20;
  static final long SESSION_MILLIS = Duration.ofMinutes(375).toMillis();

  private final ExchangeCalendar calendar = ExchangeCalendar.nse();
  private Instrument[] instruments;
  private int[] instrumentOf;
  private long[] offsetMillis;
  private long[] price;
  private long[] quantity;
  private TimeBarAggregator aggregator;
  private final BarSink sink = new BarSink();
  private LocalDate day = LocalDate.of(2024, 1, 1);

  /** Consumes every field of every bar so nothing is optimized away; allocates nothing. */
  static final class BarSink implements BarListener {
    long checksum;
    long bars;

    @Override
    public void onBar(BarView b) {
      checksum += b.open() ^ b.high() ^ b.low() ^ b.close() ^ b.volume() ^ b.turnover() ^ b.tradeCount()
          ^ b.openTimeMillis();
      bars++;
    }
  }

  @Setup
  public void setUp() {
    instruments = new Instrument[INSTRUMENTS];
    long[] last = new long[INSTRUMENTS];
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < INSTRUMENTS; i++) {
      instruments[i] = Instrument.builder().exchange(Exchange.NSE).segment(Segment.CASH).type(InstrumentType.EQ)
          .tradingSymbol("SYM" + i).exchangeToken(Integer.toString(10_000 + i)).tickSize(Price.of("0.05")).build();
      last[i] = (100 + random.nextInt(4_000)) * Price.UNITS_PER_RUPEE;
    }
    instrumentOf = new int[TICKS_PER_SESSION];
    offsetMillis = new long[TICKS_PER_SESSION];
    price = new long[TICKS_PER_SESSION];
    quantity = new long[TICKS_PER_SESSION];
    for (int k = 0; k < TICKS_PER_SESSION; k++) {
      offsetMillis[k] = random.nextLong(SESSION_MILLIS);
    }
    Arrays.sort(offsetMillis);
    for (int k = 0; k < TICKS_PER_SESSION; k++) {
      int i = random.nextInt(INSTRUMENTS);
      instrumentOf[k] = i;
      last[i] = Math.max(500, last[i] + (random.nextInt(5) - 2) * 500L); // ±2 ticks of ₹0.05
      price[k] = last[i];
      quantity[k] = 1 + random.nextInt(200);
    }
    aggregator = TimeBarAggregator.builder().calendar(calendar)
        .intervals(BarInterval.M1, BarInterval.M5, BarInterval.M15)
        .watermarkLag(Duration.ofSeconds(1)).listener(sink).build();
  }

  @Benchmark
  @OperationsPerInvocation(TICKS_PER_SESSION)
  public void aggregateOneSession(Blackhole bh) {
    day = calendar.nextTradingDay(day.plusDays(1));
    TradingSession session = calendar.session(day).orElseThrow();
    long open = session.openMillis();
    TimeBarAggregator agg = aggregator;
    Instrument[] ins = instruments;
    for (int k = 0; k < TICKS_PER_SESSION; k++) {
      agg.onTrade(ins[instrumentOf[k]], open + offsetMillis[k], price[k], quantity[k]);
    }
    agg.advanceTo(session.closeMillis());
    bh.consume(sink.checksum);
  }
}
