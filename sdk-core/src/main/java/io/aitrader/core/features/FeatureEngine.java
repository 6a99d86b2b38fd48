package io.aitrader.core.features;

import io.aitrader.api.feature.FeatureVector;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.market.BarView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * Routes bars to the {@link Pipeline} of their instrument and interval (created on first sight) and applies the
 * data rules shared by the online service and the offline recomputation: partial bars are ignored, a bar whose
 * close time is not after the previous one of its pipeline (a duplicate or out-of-order bar) is rejected and
 * counted. Single writer; {@link #latest} from any thread.
 */
final class FeatureEngine {
  private static final int INTERVALS = BarInterval.values().length;

  final FeatureSet set;
  private final ConcurrentHashMap<Instrument, AtomicReferenceArray<Pipeline>> pipelines = new ConcurrentHashMap<>();
  private long partialBars;
  private long rejectedBars;

  FeatureEngine(FeatureSet set) {
    this.set = set;
  }

  /** The vector this bar produces, or {@code null} (ignored, rejected, warming up or not finite). */
  @Nullable FeatureVector onBar(BarView bar) {
    if (!bar.complete()) {
      partialBars++;
      return null;
    }
    Pipeline p = pipeline(bar.instrument(), bar.interval());
    long close = bar.closeTimeMillis();
    if (close <= p.lastCloseMillis || close <= 0) {
      rejectedBars++;
      return null;
    }
    return p.onBar(bar);
  }

  Pipeline pipeline(Instrument instrument, BarInterval interval) {
    AtomicReferenceArray<Pipeline> byInterval = pipelines.get(instrument);
    if (byInterval == null) {
      byInterval = new AtomicReferenceArray<>(INTERVALS);
      pipelines.put(instrument, byInterval);
    }
    Pipeline p = byInterval.get(interval.ordinal());
    if (p == null) {
      p = new Pipeline(set, instrument, interval);
      byInterval.set(interval.ordinal(), p);
    }
    return p;
  }

  Optional<FeatureVector> latest(Instrument instrument, BarInterval interval) {
    AtomicReferenceArray<Pipeline> byInterval = pipelines.get(instrument);
    Pipeline p = byInterval == null ? null : byInterval.get(interval.ordinal());
    return p == null ? Optional.empty() : Optional.ofNullable(p.latest());
  }

  List<String> indicatorKeys(Instrument instrument, BarInterval interval) {
    AtomicReferenceArray<Pipeline> byInterval = pipelines.get(instrument);
    Pipeline p = byInterval == null ? null : byInterval.get(interval.ordinal());
    return p == null ? List.of() : List.of(p.keys);
  }

  /** Every pipeline, by instrument id then interval (a stable order for snapshots). */
  List<Pipeline> pipelines() {
    List<Pipeline> out = new ArrayList<>();
    for (AtomicReferenceArray<Pipeline> a : pipelines.values()) {
      for (int i = 0; i < a.length(); i++) {
        if (a.get(i) != null) {
          out.add(a.get(i));
        }
      }
    }
    out.sort((x, y) -> {
      int c = x.instrument.id().compareTo(y.instrument.id()); // the id names an instrument (Instrument.equals)
      return c != 0 ? c : x.interval.compareTo(y.interval);
    });
    return out;
  }

  /** Adds a pipeline rebuilt from a snapshot. */
  void put(Pipeline p) {
    pipelines.computeIfAbsent(p.instrument, k -> new AtomicReferenceArray<>(INTERVALS)).set(p.interval.ordinal(), p);
  }

  long partialBars() {
    return partialBars;
  }

  long rejectedBars() {
    return rejectedBars;
  }

  void addCounts(long partial, long rejected) {
    partialBars += partial;
    rejectedBars += rejected;
  }
}
