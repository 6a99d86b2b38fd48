package io.aitrader.benchmarks.indicators;

import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentType;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.money.Price;
import io.aitrader.core.bars.BarColumns;
import io.aitrader.core.indicators.Atr;
import io.aitrader.core.indicators.BollingerBands;
import io.aitrader.core.indicators.Ema;
import io.aitrader.core.indicators.Input;
import io.aitrader.core.indicators.Macd;
import io.aitrader.core.indicators.Rsi;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

/**
 * Cost per bar of one indicator update, this project against ta4j 0.17 (DoubleNum), on the same series of 2^20
 * one-minute bars (a random walk around ₹2,500). One op = one bar: each invocation builds a fresh indicator and
 * runs it over the whole series, reading every output, as a live system does bar after bar.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar IndicatorBenchmark -f 1 -wi 3 -i 5 -prof gc</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class IndicatorBenchmark {
  static final int BARS = 1 << 20;

  @Param({"ema20", "rsi14", "macd12_26_9", "bollinger20_2", "atr14"})
  public String indicator;

  private Bar[] bars;
  private BarColumns columns;
  private BarSeries series;

  @Setup(Level.Trial)
  public void setUp() {
    Instrument instrument = Instrument.builder().exchange(Exchange.NSE).segment(Segment.CASH).type(InstrumentType.EQ)
        .tradingSymbol("BENCH").exchangeToken("1").tickSize(Price.of("0.05")).build();
    SplittableRandom random = new SplittableRandom(7);
    bars = new Bar[BARS];
    columns = BarColumns.of(instrument, BarInterval.M1);
    series = new BaseBarSeriesBuilder().withName("bench").withNumTypeOf(DoubleNum.class).build();
    long price = 2_500 * Price.UNITS_PER_RUPEE;
    long t = 1_735_000_000_000L;
    for (int i = 0; i < BARS; i++) {
      long open = price;
      long close = Math.max(10_000, open + (random.nextInt(41) - 20) * 500L);
      long high = Math.max(open, close) + random.nextInt(6) * 500L;
      long low = Math.max(500, Math.min(open, close) - random.nextInt(6) * 500L);
      long volume = 1 + random.nextInt(10_000);
      bars[i] = new Bar(instrument, BarInterval.M1, t, t + 60_000, open, high, low, close, volume, close * volume, 1, true);
      columns.add(bars[i]);
      series.addBar(ZonedDateTime.ofInstant(Instant.ofEpochMilli(t + 60_000), ZoneOffset.UTC),
          open / 1e4, high / 1e4, low / 1e4, close / 1e4, volume);
      price = close;
      t += 60_000;
    }
  }

  private io.aitrader.core.indicators.Indicator newIndicator() {
    switch (indicator) {
      case "ema20": return Ema.of(Input.CLOSE, 20);
      case "rsi14": return Rsi.of(Input.CLOSE, 14);
      case "macd12_26_9": return Macd.of(Input.CLOSE, 12, 26, 9);
      case "bollinger20_2": return BollingerBands.of(Input.CLOSE, 20, 2);
      default: return Atr.of(14);
    }
  }

  /** The series held as this project holds a stored series: {@link BarColumns}, read through one cursor. */
  @Benchmark
  @OperationsPerInvocation(BARS)
  public double aitrader(Blackhole bh) {
    io.aitrader.core.indicators.Indicator ind = newIndicator();
    int outputs = ind.outputs().size();
    double sum = 0;
    BarColumns.Cursor bar = columns.cursor();
    int n = columns.size();
    for (int i = 0; i < n; i++) {
      ind.update(bar.moveTo(i));
      for (int k = 0; k < outputs; k++) {
        sum += ind.value(k);
      }
    }
    bh.consume(sum);
    return sum;
  }

  /**
   * The series as an array of {@link Bar} objects (about 100 B each, 100 MB in all): this loop streams them from
   * memory, so it measures memory bandwidth as much as the indicator.
   */
  @Benchmark
  @OperationsPerInvocation(BARS)
  public double aitraderBarObjects(Blackhole bh) {
    io.aitrader.core.indicators.Indicator ind = newIndicator();
    int outputs = ind.outputs().size();
    double sum = 0;
    Bar[] b = bars;
    for (int i = 0; i < b.length; i++) {
      ind.update(b[i]);
      for (int k = 0; k < outputs; k++) {
        sum += ind.value(k);
      }
    }
    bh.consume(sum);
    return sum;
  }

  @Benchmark
  @OperationsPerInvocation(BARS)
  public double ta4j(Blackhole bh) {
    ClosePriceIndicator close = new ClosePriceIndicator(series);
    org.ta4j.core.Indicator<?>[] outs;
    switch (indicator) {
      case "ema20": outs = new org.ta4j.core.Indicator<?>[] {new EMAIndicator(close, 20)}; break;
      case "rsi14": outs = new org.ta4j.core.Indicator<?>[] {new RSIIndicator(close, 14)}; break;
      case "macd12_26_9": {
        MACDIndicator macd = new MACDIndicator(close, 12, 26);
        EMAIndicator signal = new EMAIndicator(macd, 9);
        outs = new org.ta4j.core.Indicator<?>[] {macd, signal};
        break;
      }
      case "bollinger20_2": {
        BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(new SMAIndicator(close, 20));
        StandardDeviationIndicator sd = new StandardDeviationIndicator(close, 20);
        outs = new org.ta4j.core.Indicator<?>[] {middle, new BollingerBandsUpperIndicator(middle, sd, DoubleNum.valueOf(2)),
            new BollingerBandsLowerIndicator(middle, sd, DoubleNum.valueOf(2))};
        break;
      }
      default: outs = new org.ta4j.core.Indicator<?>[] {new ATRIndicator(series, 14)}; break;
    }
    double sum = 0;
    int end = series.getEndIndex();
    for (int i = series.getBeginIndex(); i <= end; i++) {
      for (org.ta4j.core.Indicator<?> o : outs) {
        sum += ((Num) o.getValue(i)).doubleValue();
      }
    }
    bh.consume(sum);
    return sum;
  }
}
