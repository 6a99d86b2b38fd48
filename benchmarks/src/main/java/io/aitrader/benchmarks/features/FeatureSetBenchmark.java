package io.aitrader.benchmarks.features;

import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentType;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.money.Price;
import io.aitrader.core.features.DefaultFeatureService;
import io.aitrader.core.features.StandardIndicators;
import io.aitrader.core.strategy.reference.RulesModelStrategy;
import java.util.ArrayList;
import java.util.List;
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
 * The full feature set of the reference strategy ({@link RulesModelStrategy#features()}: RSI, z-score, EMA trend
 * ratio, 5-bar return, close) for 100 instruments: cost per bar close, including publishing the feature vector.
 * Each invocation starts a fresh service and feeds 100 × 4,000 five-minute bars in time order.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar FeatureSetBenchmark -f 1 -wi 3 -i 5 -prof gc</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class FeatureSetBenchmark {
  static final int INSTRUMENTS = 100;
  static final int BARS_PER_INSTRUMENT = 4_000;
  static final int BARS = INSTRUMENTS * BARS_PER_INSTRUMENT;

  private Bar[] bars;
  private List<String> features;

  @Setup
  public void setUp() {
    List<Instrument> instruments = new ArrayList<>();
    for (int i = 0; i < INSTRUMENTS; i++) {
      instruments.add(Instrument.builder().exchange(Exchange.NSE).segment(Segment.CASH).type(InstrumentType.EQ)
          .tradingSymbol("SYM" + i).exchangeToken(Integer.toString(20_000 + i)).tickSize(Price.of("0.05")).build());
    }
    features = RulesModelStrategy.standard(instruments, BarInterval.M5).features();
    SplittableRandom random = new SplittableRandom(3);
    long[] price = new long[INSTRUMENTS];
    for (int i = 0; i < INSTRUMENTS; i++) {
      price[i] = (200 + random.nextInt(3_000)) * Price.UNITS_PER_RUPEE;
    }
    bars = new Bar[BARS];
    long t = 1_735_000_000_000L;
    int k = 0;
    for (int b = 0; b < BARS_PER_INSTRUMENT; b++, t += 300_000) {
      for (int i = 0; i < INSTRUMENTS; i++) {
        long open = price[i];
        long close = Math.max(10_000, open + (random.nextInt(21) - 10) * 500L);
        long high = Math.max(open, close) + random.nextInt(4) * 500L;
        long low = Math.max(500, Math.min(open, close) - random.nextInt(4) * 500L);
        long volume = 1 + random.nextInt(50_000);
        bars[k++] = new Bar(instruments.get(i), BarInterval.M5, t, t + 300_000, open, high, low, close, volume,
            close * volume, 1, true);
        price[i] = close;
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(BARS)
  public void featureSetPerBarClose(Blackhole bh) {
    DefaultFeatureService service = new DefaultFeatureService(StandardIndicators.catalog());
    service.define(features);
    long[] published = new long[1];
    service.subscribe(v -> published[0]++);
    for (Bar bar : bars) {
      service.onBar(bar);
    }
    bh.consume(published[0]);
  }
}
