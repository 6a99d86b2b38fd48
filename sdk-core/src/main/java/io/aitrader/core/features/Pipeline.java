package io.aitrader.core.features;

import io.aitrader.api.feature.FeatureVector;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.market.BarView;
import io.aitrader.core.indicators.Indicator;
import io.aitrader.core.indicators.Input;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The compiled features of one instrument and interval: one instance of each distinct indicator (by canonical
 * call), updated in dependency order, and one evaluation tree per feature. {@link #onBar} allocates only the
 * vector it returns. Single writer (the bar thread); {@link #latest()} may be read from any thread.
 */
final class Pipeline {
  /** The bar fields, in the order of their slots. */
  static final Input[] FIELDS = {Input.OPEN, Input.HIGH, Input.LOW, Input.CLOSE, Input.VOLUME, Input.HL2, Input.HLC3};
  static final List<String> FIELD_NAMES = List.of("open", "high", "low", "close", "volume", "hl2", "hlc3");

  final Instrument instrument;
  final BarInterval interval;
  private final FeatureVector.Layout layout;
  private final double[] fields = new double[FIELDS.length];
  final String[] keys;
  final Indicator[] indicators;
  private final Node[] roots;
  private final double[] values;
  long lastCloseMillis = Long.MIN_VALUE;
  private volatile @Nullable FeatureVector latest;

  Pipeline(FeatureSet set, Instrument instrument, BarInterval interval) {
    this.instrument = instrument;
    this.interval = interval;
    this.layout = set.layout;
    Builder b = new Builder();
    this.roots = new Node[set.size()];
    for (int i = 0; i < roots.length; i++) {
      roots[i] = b.node(set.roots.get(i));
    }
    this.keys = b.indicators.keySet().toArray(new String[0]);
    this.indicators = b.indicators.values().toArray(new Indicator[0]);
    this.values = new double[roots.length];
  }

  static int fieldIndex(String name) {
    return FIELD_NAMES.indexOf(name);
  }

  /**
   * Feeds a complete bar with a close time after the previous one; returns the vector when every feature is finite,
   * else {@code null} (warming up, or a non-finite value such as a division by zero).
   */
  @Nullable FeatureVector onBar(BarView bar) {
    lastCloseMillis = bar.closeTimeMillis();
    for (int k = 0; k < fields.length; k++) {
      fields[k] = FIELDS[k].next(bar);
    }
    for (Indicator ind : indicators) {
      ind.update(bar);
    }
    boolean finite = true;
    for (int i = 0; i < roots.length; i++) {
      double v = roots[i].eval();
      values[i] = v;
      finite &= Double.isFinite(v);
    }
    if (!finite || roots.length == 0) {
      return null;
    }
    FeatureVector v = FeatureVector.of(instrument, interval, bar.closeTimeMillis(), layout, values);
    latest = v;
    return v;
  }

  @Nullable FeatureVector latest() {
    return latest;
  }

  void restoreLatest(@Nullable FeatureVector v) {
    latest = v;
  }

  /** Instantiates indicators (dependencies first) and nodes, sharing both by canonical text. */
  private final class Builder {
    final Map<String, Indicator> indicators = new LinkedHashMap<>();
    final Map<String, Node> nodes = new HashMap<>();

    Node node(Expr e) {
      Node n = nodes.get(e.canonical());
      if (n == null) {
        n = build(e);
        nodes.put(e.canonical(), n);
      }
      return n;
    }

    private Node build(Expr e) {
      if (e instanceof Expr.Const) {
        return new Node.Const(((Expr.Const) e).value());
      }
      if (e instanceof Expr.Field) {
        return new Node.Field(fields, ((Expr.Field) e).index());
      }
      if (e instanceof Expr.Neg) {
        return new Node.Neg(node(((Expr.Neg) e).operand()));
      }
      if (e instanceof Expr.Binary) {
        Expr.Binary b = (Expr.Binary) e;
        return Node.Binary.of(b.op(), node(b.left()), node(b.right()));
      }
      Expr.Call c = (Expr.Call) e;
      return new Node.Output(indicator(c), c.output());
    }

    private Indicator indicator(Expr.Call c) {
      Indicator ind = indicators.get(c.key());
      if (ind == null) {
        Input series = c.series() instanceof Expr.Field
            ? ((Expr.Field) c.series()).input()
            : new Node.SeriesInput(node(c.series()), c.series().canonical());
        ind = c.factory().create(series, c.params().clone());
        indicators.put(c.key(), ind);
      }
      return ind;
    }
  }
}
