package io.aitrader.api.feature;

import io.aitrader.api.Registration;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.market.BarListener;
import io.aitrader.api.market.BarView;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

/**
 * The Feature Service: computes a defined set of features from complete bars, incrementally, for every
 * instrument and interval it receives bars for. Feature expressions combine indicators with arithmetic:
 * {@code rsi(14)}, {@code ema(20)/ema(50)}, {@code close/sma(20) - 1}; the expression syntax is documented by
 * the implementation. A feature's name is the canonical form of its expression, as {@link #define} returns it
 * (the embedded service drops the default {@code close} series: {@code ema(close,20)} is named {@code ema(20)}), so
 * equal expressions share one name and one computation.
 *
 * <pre>{@code
 * features.define(List.of("rsi(14)", "ema(20)/ema(50)"));
 * features.subscribe(signals::onFeatures);
 * bus.subscribe(Topics.bars(BarInterval.M5), features::onBar);
 * features.latest(reliance, BarInterval.M5).ifPresent(v -> ...);
 * }</pre>
 *
 * <p>Point-in-time: a vector for a bar uses only that bar and earlier ones, and is produced only once every
 * defined feature has warmed up (has enough history). Incomplete bars are ignored.
 *
 * <p>Threading: {@link #define}, {@link #onBar}, {@link #snapshot} and {@link #restore} are called by one thread
 * (the bar thread); {@link #latest} and {@link #featureNames} may be called from any thread. {@code onBar}
 * never throws for bad data: it counts and skips it.
 */
public interface FeatureService extends BarListener {

  /**
   * Adds features. Expressions already defined are ignored; the order of first definition is the order of the
   * values in every vector. Must be called before the first bar; afterwards it fails with
   * {@link IllegalStateException}. Fails with {@link FeatureExpressionException} for an invalid expression, and
   * then defines none of {@code expressions}.
   *
   * @return every defined feature name, in vector order
   */
  List<String> define(List<String> expressions);

  /** The defined feature names, in vector order. */
  List<String> featureNames();

  /** Updates the features of the bar's instrument and interval; notifies listeners when a vector is produced. */
  @Override
  void onBar(BarView bar);

  /** The most recent vector of {@code instrument} at {@code interval}, or empty before warm-up. */
  Optional<FeatureVector> latest(Instrument instrument, BarInterval interval);

  /** Registers a listener for every vector produced from now on. */
  Registration subscribe(FeatureListener listener);

  /**
   * Writes the complete indicator state (including warm-up history) to {@code out}, in a versioned format of the
   * implementation, so that {@link #restore} continues exactly where this service stands. Does not close
   * {@code out}; I/O failures are {@link java.io.UncheckedIOException}s.
   */
  void snapshot(OutputStream out);

  /**
   * Replaces the state with one written by {@link #snapshot}, which must have the same feature names; fails with
   * {@link io.aitrader.api.ConfigurationException} when they differ or the format is unknown.
   */
  void restore(InputStream in);
}
