package io.aitrader.api.feature;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.BarInterval;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The features of one instrument and interval as of one bar close: ordered names with their values, the input
 * to a {@link io.aitrader.api.signal.SignalModel}.
 *
 * <pre>{@code
 * FeatureVector v = FeatureVector.of(reliance, BarInterval.M5, closeMillis,
 *     List.of("rsi(14)", "ema(20)/ema(50)"), new double[] {61.2, 1.004});
 * v.value("rsi(14)");      // OptionalDouble[61.2]
 * v.value(1);              // 1.004
 * }</pre>
 *
 * <p>Point-in-time: {@code timestampMillis} is the close of the bar the values were computed from, so a vector
 * never uses data from after that instant. Values are finite (a service produces a vector only once every
 * feature has warmed up). Names are unique and non-blank.
 *
 * <p>Immutable and thread-safe: the values are copied in and out. Equality is by content (instrument, interval,
 * timestamp, names and values in order; doubles compared as by {@link Double#compare}).
 */
public final class FeatureVector {
  private final Instrument instrument;
  private final BarInterval interval;
  private final long timestampMillis;
  private final List<String> names;
  private final double[] values;

  private FeatureVector(Instrument instrument, BarInterval interval, long timestampMillis, Layout layout, double[] values) {
    this.instrument = required(instrument, "FeatureVector.instrument");
    this.interval = required(interval, "FeatureVector.interval");
    required(layout, "FeatureVector.layout");
    required(values, "FeatureVector.values");
    check(timestampMillis > 0, "FeatureVector.timestampMillis", "must be > 0", timestampMillis);
    this.timestampMillis = timestampMillis;
    this.names = layout.names;
    this.values = values.clone();
    if (this.names.size() != this.values.length) {
      check(false, "FeatureVector.values", "must have one value per name (" + this.names.size() + " names)",
          this.values.length + " values");
    }
    for (int i = 0; i < this.values.length; i++) {
      if (!Double.isFinite(this.values[i])) {
        check(false, "FeatureVector.values[" + this.names.get(i) + "]", "must be finite", this.values[i]);
      }
    }
  }

  /**
   * The ordered feature names of a feature set, validated once (non-blank, unique) so the vectors built with it
   * skip that work: a feature service makes one layout per set and passes it to every vector.
   */
  public static final class Layout {
    private final List<String> names;

    private Layout(List<String> names) {
      this.names = names;
    }

    /** Validates and copies {@code names}. */
    public static Layout of(List<String> names) {
      required(names, "FeatureVector.names");
      List<String> copy = List.copyOf(names);
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < copy.size(); i++) {
        String name = copy.get(i);
        ValidationException.requireText(name, "FeatureVector.names[" + i + "]");
        check(seen.add(name), "FeatureVector.names", "must be unique", "'" + name + "' twice");
      }
      return new Layout(copy);
    }

    public List<String> names() {
      return names;
    }

    public int size() {
      return names.size();
    }
  }

  /**
   * A vector; {@code names} are validated and {@code values} copied. For many vectors of one feature set, make a
   * {@link Layout} once and use {@link #of(Instrument, BarInterval, long, Layout, double[])}.
   */
  public static FeatureVector of(Instrument instrument, BarInterval interval, long timestampMillis, List<String> names, double[] values) {
    return new FeatureVector(instrument, interval, timestampMillis, Layout.of(names), values);
  }

  /** A vector of a feature set whose names were validated once in {@code layout}; {@code values} is copied. */
  public static FeatureVector of(Instrument instrument, BarInterval interval, long timestampMillis, Layout layout, double[] values) {
    return new FeatureVector(instrument, interval, timestampMillis, layout, values);
  }

  public Instrument instrument() {
    return instrument;
  }

  public BarInterval interval() {
    return interval;
  }

  /** The close time of the bar the features were computed from, epoch milliseconds. */
  public long timestampMillis() {
    return timestampMillis;
  }

  /** The feature names, in order; immutable. */
  public List<String> names() {
    return names;
  }

  /** The number of features. */
  public int size() {
    return values.length;
  }

  /** The value at {@code index} (the position of its name in {@link #names()}). */
  public double value(int index) {
    return values[index];
  }

  /** The value of the feature called {@code name}, or empty when the vector has no such feature. */
  public OptionalDouble value(String name) {
    int i = names.indexOf(name);
    return i < 0 ? OptionalDouble.empty() : OptionalDouble.of(values[i]);
  }

  /** A copy of the values, in the order of {@link #names()}. */
  public double[] values() {
    return values.clone();
  }

  /** Names to values, in order, as an unmodifiable copy (for audit payloads and display). */
  public Map<String, Double> toMap() {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      m.put(names.get(i), values[i]);
    }
    return Collections.unmodifiableMap(m);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof FeatureVector)) {
      return false;
    }
    FeatureVector v = (FeatureVector) o;
    return timestampMillis == v.timestampMillis && interval == v.interval && instrument.equals(v.instrument)
        && names.equals(v.names) && Arrays.equals(values, v.values);
  }

  @Override
  public int hashCode() {
    int h = instrument.hashCode();
    h = 31 * h + interval.hashCode();
    h = 31 * h + Long.hashCode(timestampMillis);
    h = 31 * h + names.hashCode();
    return 31 * h + Arrays.hashCode(values);
  }

  /** {@code NSE:RELIANCE 5m @1732425300000 {rsi(14)=61.2, ema(20)/ema(50)=1.004}}. */
  @Override
  public String toString() {
    return instrument + " " + interval + " @" + timestampMillis + " " + toMap();
  }
}
