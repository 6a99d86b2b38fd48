package io.aitrader.core.features;

import io.aitrader.api.market.BarView;
import io.aitrader.api.money.Price;
import io.aitrader.core.indicators.Indicator;
import io.aitrader.core.indicators.IndicatorState;
import io.aitrader.core.indicators.Input;
import io.aitrader.core.indicators.ValueIndicator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Small test-only indicators standing in for the real ones, and a catalog of them. */
final class TestIndicators {
  private TestIndicators() {}

  /**
   * sma, ema, rsi (a stand-in: an SMA under another name), macd (line/signal/histogram), vwap (value/distance),
   * bb (middle/upper/lower) and the built-ins.
   */
  static IndicatorCatalog catalog() {
    return IndicatorCatalog.builder()
        .register("sma", IndicatorFactory.seriesAndInts(1, (in, p) -> new TestSma(in, p[0])))
        .register("ema", IndicatorFactory.seriesAndInts(1, (in, p) -> new TestEma(in, p[0])))
        .register("rsi", IndicatorFactory.seriesAndInts(1, (in, p) -> new TestSma(in, p[0])))
        .register("macd", IndicatorFactory.of("series?, fast:int=12, slow:int=26, signal:int=9",
                (in, p) -> new TestMacd(in, (int) p[0], (int) p[1], (int) p[2]))
            .validatedBy(p -> {
              if (p[0] >= p[1]) {
                throw new IllegalArgumentException("fast must be < slow");
              }
            }))
        .register("bb", IndicatorFactory.of("series?, period:int=20, k=2", (in, p) -> new TestBands(in, (int) p[0], p[1])))
        .register("vwap", IndicatorFactory.ints(0, p -> new TestVwap()))
        .build();
  }

  /** Simple moving average; counts instances and updates. */
  static final class TestSma extends ValueIndicator {
    static final AtomicInteger INSTANCES = new AtomicInteger();
    static final AtomicInteger UPDATES = new AtomicInteger();
    private final int period;
    private final double[] ring;
    private long count;
    private double sum;

    TestSma(Input input, int period) {
      super(input);
      this.period = period;
      this.ring = new double[period];
      INSTANCES.incrementAndGet();
    }

    @Override
    public void accept(double x) {
      UPDATES.incrementAndGet();
      int slot = (int) (count % period);
      sum += x - ring[slot];
      ring[slot] = x;
      count++;
    }

    @Override
    protected int ownWarmUp() {
      return period;
    }

    @Override
    public boolean isReady() {
      return count >= period;
    }

    @Override
    public double value() {
      return isReady() ? sum / period : Double.NaN;
    }

    @Override
    public String name() {
      return "sma(" + input.name() + "," + period + ")";
    }

    @Override
    protected void resetOwn() {
      java.util.Arrays.fill(ring, 0);
      count = 0;
      sum = 0;
    }

    @Override
    protected void saveOwn(IndicatorState.Writer out) {
      out.putLong(count).putDouble(sum).putDoubles(ring);
    }

    @Override
    protected void restoreOwn(IndicatorState.Reader in) {
      count = in.getLong();
      sum = in.getDouble();
      in.getDoubles(ring);
    }
  }

  /** Exponential moving average seeded with the first value; ready after {@code period} values. */
  static final class TestEma extends ValueIndicator {
    private final int period;
    private final double alpha;
    private long count;
    private double ema;

    TestEma(Input input, int period) {
      super(input);
      this.period = period;
      this.alpha = 2.0 / (period + 1);
    }

    @Override
    public void accept(double x) {
      ema = count == 0 ? x : ema + alpha * (x - ema);
      count++;
    }

    @Override
    protected int ownWarmUp() {
      return period;
    }

    @Override
    public boolean isReady() {
      return count >= period;
    }

    @Override
    public double value() {
      return isReady() ? ema : Double.NaN;
    }

    @Override
    public String name() {
      return "ema(" + input.name() + "," + period + ")";
    }

    @Override
    protected void resetOwn() {
      count = 0;
      ema = 0;
    }

    @Override
    protected void saveOwn(IndicatorState.Writer out) {
      out.putLong(count).putDouble(ema);
    }

    @Override
    protected void restoreOwn(IndicatorState.Reader in) {
      count = in.getLong();
      ema = in.getDouble();
    }
  }

  /** MACD-like: line = ema(fast) - ema(slow), signal = ema(line, signal), histogram = line - signal. */
  static final class TestMacd extends ValueIndicator {
    private final int fast;
    private final int slow;
    private final int signalPeriod;
    private final TestEma fastEma;
    private final TestEma slowEma;
    private final TestEma signal;

    TestMacd(Input input, int fast, int slow, int signal) {
      super(input);
      this.fast = fast;
      this.slow = slow;
      this.signalPeriod = signal;
      this.fastEma = new TestEma(Input.CLOSE, fast);
      this.slowEma = new TestEma(Input.CLOSE, slow);
      this.signal = new TestEma(Input.CLOSE, signal);
    }

    @Override
    public void accept(double x) {
      fastEma.accept(x);
      slowEma.accept(x);
      if (slowEma.isReady()) {
        signal.accept(fastEma.value() - slowEma.value());
      }
    }

    @Override
    protected int ownWarmUp() {
      return slow + signalPeriod - 1;
    }

    @Override
    public boolean isReady() {
      return signal.isReady();
    }

    @Override
    public double value() {
      return isReady() ? fastEma.value() - slowEma.value() : Double.NaN;
    }

    @Override
    public double value(int index) {
      switch (index) {
        case 0: return value();
        case 1: return signal.value();
        case 2: return value() - signal.value();
        default: throw new IndexOutOfBoundsException("output " + index);
      }
    }

    @Override
    public List<String> outputs() {
      return List.of("line", "signal", "histogram");
    }

    @Override
    public String name() {
      return "macd(" + input.name() + "," + fast + "," + slow + "," + signalPeriod + ")";
    }

    @Override
    protected void resetOwn() {
      fastEma.reset();
      slowEma.reset();
      signal.reset();
    }

    @Override
    protected void saveOwn(IndicatorState.Writer out) {
      fastEma.saveState(out);
      slowEma.saveState(out);
      signal.saveState(out);
    }

    @Override
    protected void restoreOwn(IndicatorState.Reader in) {
      fastEma.restoreState(in);
      slowEma.restoreState(in);
      signal.restoreState(in);
    }
  }

  /** Bollinger-like bands around an SMA with a population stdev: middle, upper, lower. */
  static final class TestBands extends ValueIndicator {
    private final int period;
    private final double k;
    private final double[] ring;
    private long count;

    TestBands(Input input, int period, double k) {
      super(input);
      this.period = period;
      this.k = k;
      this.ring = new double[period];
    }

    @Override
    public void accept(double x) {
      ring[(int) (count++ % period)] = x;
    }

    @Override
    protected int ownWarmUp() {
      return period;
    }

    @Override
    public boolean isReady() {
      return count >= period;
    }

    private double mean() {
      double s = 0;
      for (double v : ring) {
        s += v;
      }
      return s / period;
    }

    private double sd() {
      double m = mean();
      double s = 0;
      for (double v : ring) {
        s += (v - m) * (v - m);
      }
      return Math.sqrt(s / period);
    }

    @Override
    public double value() {
      return isReady() ? mean() : Double.NaN;
    }

    @Override
    public double value(int index) {
      if (!isReady()) {
        return Double.NaN;
      }
      switch (index) {
        case 0: return mean();
        case 1: return mean() + k * sd();
        case 2: return mean() - k * sd();
        default: throw new IndexOutOfBoundsException("output " + index);
      }
    }

    @Override
    public List<String> outputs() {
      return List.of("middle", "upper", "lower");
    }

    @Override
    public String name() {
      return "bb(" + input.name() + "," + period + "," + k + ")";
    }

    @Override
    protected void resetOwn() {
      count = 0;
    }

    @Override
    protected void saveOwn(IndicatorState.Writer out) {
      out.putLong(count).putDoubles(ring);
    }

    @Override
    protected void restoreOwn(IndicatorState.Reader in) {
      count = in.getLong();
      in.getDoubles(ring);
    }
  }

  /** Cumulative VWAP from bar turnover and volume; outputs value and distance = close / vwap - 1. */
  static final class TestVwap implements Indicator {
    private double turnover;
    private double volume;
    private double close;

    @Override
    public void update(BarView bar) {
      turnover += bar.turnover() / (double) Price.UNITS_PER_RUPEE;
      volume += bar.volume();
      close = bar.close() / (double) Price.UNITS_PER_RUPEE;
    }

    @Override
    public boolean isReady() {
      return volume > 0;
    }

    @Override
    public double value() {
      return isReady() ? turnover / volume : Double.NaN;
    }

    @Override
    public double value(int index) {
      return index == 0 ? value() : close / value() - 1;
    }

    @Override
    public List<String> outputs() {
      return List.of("value", "distance");
    }

    @Override
    public int warmUp() {
      return 1;
    }

    @Override
    public String name() {
      return "vwap()";
    }

    @Override
    public void reset() {
      turnover = 0;
      volume = 0;
    }

    @Override
    public void saveState(IndicatorState.Writer out) {
      out.putDouble(turnover).putDouble(volume).putDouble(close);
    }

    @Override
    public void restoreState(IndicatorState.Reader in) {
      turnover = in.getDouble();
      volume = in.getDouble();
      close = in.getDouble();
    }
  }
}
