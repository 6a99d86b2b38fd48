package io.aitrader.core.features;

import io.aitrader.api.Registration;
import io.aitrader.api.ValidationException;
import io.aitrader.api.feature.FeatureListener;
import io.aitrader.api.feature.FeatureService;
import io.aitrader.api.feature.FeatureVector;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.market.BarView;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded {@link FeatureService}: compiles feature expressions (syntax in {@code docs/features.md}) against an
 * {@link IndicatorCatalog} and computes them incrementally from complete bars.
 *
 * <pre>{@code
 * DefaultFeatureService features = new DefaultFeatureService(StandardIndicators.catalog());
 * features.define(List.of("rsi(14)", "ema(20)/ema(50)", "macd(12,26,9).signal"));   // canonical names
 * features.subscribe(v -> model.onFeatures(v));
 * bus.subscribe(Topics.bars(BarInterval.M5), features::onBar);
 * }</pre>
 *
 * <ul>
 *   <li>Names: a feature's name is the canonical form of its expression ({@link IndicatorCatalog#canonical}):
 *       {@code EMA( close , 20 )} and {@code ema(close,20)} are both the feature {@code ema(20)}, defined once.</li>
 *   <li>Sharing: per instrument and interval there is one instance of each distinct indicator (by canonical
 *       call), whatever the number of expressions using it, directly or as the series of another indicator.</li>
 *   <li>Bars: partial bars are ignored; a bar whose close time is not after the previous bar of its instrument and
 *       interval is rejected and counted ({@link #rejectedBars()}); nothing throws for bad data.</li>
 *   <li>Vectors: timestamped with the bar's close time, computed from that bar and earlier ones only, and
 *       published only when every feature is finite: before warm-up, and on a bar where a division by zero
 *       makes a feature infinite or {@code NaN}, no vector is published and {@link #latest} keeps the previous
 *       one.</li>
 *   <li>Allocation: per bar, only the published {@link FeatureVector}.</li>
 * </ul>
 *
 * <p>Threading as {@link FeatureService}: {@code define}, {@code onBar}, {@code snapshot} and {@code restore} on
 * one thread; {@code latest}, {@code featureNames} and {@code subscribe} from any thread.
 */
public final class DefaultFeatureService implements FeatureService {
  private static final Logger log = LoggerFactory.getLogger(DefaultFeatureService.class);
  private static final FeatureListener[] NO_LISTENERS = new FeatureListener[0];

  private final IndicatorCatalog catalog;
  private volatile FeatureEngine engine = new FeatureEngine(FeatureSet.EMPTY);
  private volatile FeatureListener[] listeners = NO_LISTENERS;
  private final Object listenerLock = new Object();
  private boolean started;
  private long listenerFailures;

  public DefaultFeatureService(IndicatorCatalog catalog) {
    this.catalog = ValidationException.required(catalog, "catalog");
  }

  /**
   * Adds features; returns every defined (canonical) name in vector order. All invalid expressions of the batch
   * are reported together in one {@link InvalidFeaturesException} (a {@code FeatureExpressionException}).
   */
  @Override
  public List<String> define(List<String> expressions) {
    if (started) {
      throw new IllegalStateException("features must be defined before the first bar or restore; defined: " + featureNames());
    }
    FeatureSet set = engine.set.with(catalog, expressions);
    engine = new FeatureEngine(set);
    return set.names;
  }

  @Override
  public List<String> featureNames() {
    return engine.set.names;
  }

  /** The catalog the expressions are compiled against. */
  public IndicatorCatalog catalog() {
    return catalog;
  }

  @Override
  public void onBar(BarView bar) {
    started = true;
    FeatureVector v = engine.onBar(bar);
    if (v != null) {
      publish(v);
    }
  }

  private void publish(FeatureVector v) {
    FeatureListener[] ls = listeners;
    for (FeatureListener l : ls) {
      try {
        l.onFeatures(v);
      } catch (RuntimeException e) {
        listenerFailures++;
        log.warn("feature listener {} failed on {} {} @{} (failure #{})", l, v.instrument().id(), v.interval().label(),
            v.timestampMillis(), listenerFailures, e);
      }
    }
  }

  @Override
  public Optional<FeatureVector> latest(Instrument instrument, BarInterval interval) {
    return engine.latest(instrument, interval);
  }

  @Override
  public Registration subscribe(FeatureListener listener) {
    ValidationException.required(listener, "listener");
    synchronized (listenerLock) {
      FeatureListener[] ls = Arrays.copyOf(listeners, listeners.length + 1);
      ls[ls.length - 1] = listener;
      listeners = ls;
    }
    return () -> unsubscribe(listener);
  }

  private void unsubscribe(FeatureListener listener) {
    synchronized (listenerLock) {
      FeatureListener[] ls = listeners;
      for (int i = 0; i < ls.length; i++) {
        if (ls[i] == listener) {
          FeatureListener[] n = new FeatureListener[ls.length - 1];
          System.arraycopy(ls, 0, n, 0, i);
          System.arraycopy(ls, i + 1, n, i, ls.length - i - 1);
          listeners = n;
          return;
        }
      }
    }
  }

  @Override
  public void snapshot(OutputStream out) {
    Snapshots.write(engine, ValidationException.required(out, "out"));
  }

  /**
   * Replaces the state (every instrument and interval, their indicators, last bar times and latest vectors) with
   * the snapshot's; on failure the current state is kept. After a restore, {@link #define} is no longer allowed.
   */
  @Override
  public void restore(InputStream in) {
    engine = Snapshots.read(engine.set, ValidationException.required(in, "in"));
    started = true;
  }

  /** Bars ignored because they were partial ({@code complete() == false}). */
  public long partialBars() {
    return engine.partialBars();
  }

  /** Bars rejected because their close time was not after the previous bar of their instrument and interval. */
  public long rejectedBars() {
    return engine.rejectedBars();
  }

  /**
   * The canonical keys of the indicator instances computing the features of {@code instrument} at
   * {@code interval}, in update order (dependencies first); empty before its first bar. For diagnostics.
   */
  public List<String> indicatorKeys(Instrument instrument, BarInterval interval) {
    return engine.indicatorKeys(instrument, interval);
  }

  @Override
  public String toString() {
    return "DefaultFeatureService" + featureNames();
  }
}
