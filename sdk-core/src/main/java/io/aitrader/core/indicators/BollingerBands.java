package io.aitrader.core.indicators;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import java.util.List;

/**
 * Bollinger Bands (TA-Lib {@code BBANDS} with {@code MAType = SMA} and equal up/down deviations): over the last
 * {@code n} values, {@code middle = SMA}, {@code sd} = the POPULATION standard deviation (divide by {@code n}, as
 * TA-Lib's {@code STDDEV}), {@code upper = middle + k·sd}, {@code lower = middle − k·sd}. Two derived outputs:
 * {@code percentB = (x − lower)/(upper − lower)} and {@code bandwidth = (upper − lower)/middle}.
 *
 * <p>Outputs, in index order: {@code middle} ({@link #value()}), {@code upper}, {@code lower}, {@code percentB},
 * {@code bandwidth}. Fallbacks: {@code percentB = 0.5} when {@code upper == lower} (a flat window, where the value
 * equals the middle); {@code bandwidth = 0} when {@code middle == 0}. Ready after {@code n} values (TA-Lib lookback
 * {@code n − 1}). Name {@code bollinger(<input>,<n>,<k>)}, e.g. {@code bollinger(close,20,2)}.
 *
 * <p>O(1) amortized and allocation-free (see {@link Sma.Window} for the drift-free sums); not thread-safe.
 */
public final class BollingerBands extends ValueIndicator {
  public static final int MIDDLE = 0;
  public static final int UPPER = 1;
  public static final int LOWER = 2;
  public static final int PERCENT_B = 3;
  public static final int BANDWIDTH = 4;
  private static final List<String> OUTPUTS = List.of("middle", "upper", "lower", "percentB", "bandwidth");

  private final int period;
  private final double k;
  private final String name;
  private final Sma.Window window;
  private double middle = Double.NaN;
  private double upper = Double.NaN;
  private double lower = Double.NaN;
  private double percentB = Double.NaN;
  private double bandwidth = Double.NaN;

  public BollingerBands(Input input, int period, double k) {
    super(required(input, "BollingerBands.input"));
    check(period >= 1, "BollingerBands.period", "must be >= 1", period);
    check(k > 0 && k < Double.POSITIVE_INFINITY, "BollingerBands.k", "must be a finite number > 0", k);
    this.period = period;
    this.k = k;
    this.name = "bollinger(" + input.name() + "," + period + "," + format(k) + ")";
    this.window = new Sma.Window(period);
  }

  /** Bands of {@code k} population standard deviations around the {@code period} SMA. */
  public static BollingerBands of(Input input, int period, double k) {
    return new BollingerBands(input, period, k);
  }

  /** The classic 20-period, 2-deviation bands. */
  public static BollingerBands of(Input input) {
    return new BollingerBands(input, 20, 2.0);
  }

  /** {@code 2} for 2.0, {@code 2.5} for 2.5. */
  private static String format(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  @Override
  public void accept(double x) {
    if (Double.isNaN(x)) {
      return;
    }
    window.push(x);
    if (!window.isFull()) {
      return;
    }
    double mean = window.mean();
    double width = k * Math.sqrt(window.variance());
    middle = mean;
    upper = mean + width;
    lower = mean - width;
    double range = upper - lower;
    percentB = range == 0.0 ? 0.5 : (x - lower) / range;
    bandwidth = mean == 0.0 ? 0.0 : range / mean;
  }

  @Override
  public boolean isReady() {
    return window.isFull();
  }

  @Override
  public double value() {
    return middle;
  }

  @Override
  public double value(int index) {
    switch (index) {
      case MIDDLE:
        return middle;
      case UPPER:
        return upper;
      case LOWER:
        return lower;
      case PERCENT_B:
        return percentB;
      case BANDWIDTH:
        return bandwidth;
      default:
        throw new IndexOutOfBoundsException("output " + index + " of " + name + " (it has 5: " + OUTPUTS + ")");
    }
  }

  public double middle() {
    return middle;
  }

  public double upper() {
    return upper;
  }

  public double lower() {
    return lower;
  }

  public double percentB() {
    return percentB;
  }

  public double bandwidth() {
    return bandwidth;
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
    return period;
  }

  @Override
  protected void resetOwn() {
    window.reset();
    middle = Double.NaN;
    upper = Double.NaN;
    lower = Double.NaN;
    percentB = Double.NaN;
    bandwidth = Double.NaN;
  }

  @Override
  protected void saveOwn(IndicatorState.Writer out) {
    window.save(out);
    out.putDouble(middle).putDouble(upper).putDouble(lower).putDouble(percentB).putDouble(bandwidth);
  }

  @Override
  protected void restoreOwn(IndicatorState.Reader in) {
    window.restore(in);
    middle = in.getDouble();
    upper = in.getDouble();
    lower = in.getDouble();
    percentB = in.getDouble();
    bandwidth = in.getDouble();
  }
}
