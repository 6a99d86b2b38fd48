package io.aitrader.core.indicators;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import java.util.List;

/**
 * Moving average convergence/divergence (TA-Lib {@code MACD}): {@code line = EMA(x, fast) − EMA(x, slow)},
 * {@code signal = EMA(line, signal)}, {@code histogram = line − signal}; every EMA is an {@link Ema}
 * (k = 2/(n+1), seeded with the SMA of its first {@code n} inputs). Outputs, in index order: {@code line}
 * ({@link #value()}), {@code signal}, {@code histogram}.
 *
 * <p>Alignment, as TA-Lib: both EMAs produce their first value on the same bar, the {@code slow}-th value. The slow
 * EMA is seeded with the SMA of values {@code 1..slow}; the fast EMA ignores the first {@code slow − fast} values and
 * is seeded with the SMA of values {@code slow − fast + 1..slow}. The signal EMA is seeded with the SMA of the first
 * {@code signal} MACD line values. TA-Lib lookback {@code (slow − 1) + (signal − 1)}: ready after
 * {@code slow + signal − 1} values (34 for 12/26/9).
 *
 * <p>Name {@code macd(<input>,<fast>,<slow>,<signal>)}. O(1), allocation-free, not thread-safe.
 */
public final class Macd extends ValueIndicator {
  public static final int LINE = 0;
  public static final int SIGNAL = 1;
  public static final int HISTOGRAM = 2;
  private static final List<String> OUTPUTS = List.of("line", "signal", "histogram");

  private final int fast;
  private final int slow;
  private final int signal;
  private final String name;
  private final Ema fastEma;
  private final Ema slowEma;
  private final Ema signalEma;
  private int seen;

  public Macd(Input input, int fast, int slow, int signal) {
    super(required(input, "Macd.input"));
    check(fast >= 1, "Macd.fast", "must be >= 1", fast);
    check(slow > fast, "Macd.slow", "must be > fast " + fast, slow);
    check(signal >= 1, "Macd.signal", "must be >= 1", signal);
    this.fast = fast;
    this.slow = slow;
    this.signal = signal;
    this.name = "macd(" + input.name() + "," + fast + "," + slow + "," + signal + ")";
    this.fastEma = new Ema(input, fast);
    this.slowEma = new Ema(input, slow);
    this.signalEma = new Ema(input, signal);
  }

  /** MACD of {@code input} with the given periods. */
  public static Macd of(Input input, int fast, int slow, int signal) {
    return new Macd(input, fast, slow, signal);
  }

  /** The classic MACD(12, 26, 9) of {@code input}. */
  public static Macd of(Input input) {
    return new Macd(input, 12, 26, 9);
  }

  @Override
  public void accept(double x) {
    if (Double.isNaN(x)) {
      return;
    }
    if (seen < slow) {
      seen++;
    }
    slowEma.accept(x);
    if (seen > slow - fast) {
      fastEma.accept(x);
    }
    if (slowEma.isReady()) {
      signalEma.accept(fastEma.value() - slowEma.value());
    }
  }

  @Override
  public boolean isReady() {
    return signalEma.isReady();
  }

  /** The MACD line. */
  @Override
  public double value() {
    return signalEma.isReady() ? line() : Double.NaN;
  }

  @Override
  public double value(int index) {
    switch (index) {
      case LINE:
        return value();
      case SIGNAL:
        return signalEma.value();
      case HISTOGRAM:
        return signalEma.isReady() ? line() - signalEma.value() : Double.NaN;
      default:
        throw new IndexOutOfBoundsException("output " + index + " of " + name + " (it has 3: " + OUTPUTS + ")");
    }
  }

  private double line() {
    return fastEma.value() - slowEma.value();
  }

  /** The signal line; {@code NaN} before ready. */
  public double signal() {
    return value(SIGNAL);
  }

  /** Line − signal; {@code NaN} before ready. */
  public double histogram() {
    return value(HISTOGRAM);
  }

  @Override
  public List<String> outputs() {
    return OUTPUTS;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  protected int ownWarmUp() {
    return slow + signal - 1;
  }

  @Override
  protected void resetOwn() {
    seen = 0;
    fastEma.resetOwn();
    slowEma.resetOwn();
    signalEma.resetOwn();
  }

  @Override
  protected void saveOwn(IndicatorState.Writer out) {
    out.putInt(seen);
    fastEma.saveOwn(out);
    slowEma.saveOwn(out);
    signalEma.saveOwn(out);
  }

  @Override
  protected void restoreOwn(IndicatorState.Reader in) {
    seen = in.getInt();
    fastEma.restoreOwn(in);
    slowEma.restoreOwn(in);
    signalEma.restoreOwn(in);
  }
}
