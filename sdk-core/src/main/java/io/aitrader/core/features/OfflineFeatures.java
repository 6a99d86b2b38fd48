package io.aitrader.core.features;

import io.aitrader.api.ValidationException;
import io.aitrader.api.feature.FeatureVector;
import io.aitrader.api.market.Bar;
import java.util.ArrayList;
import java.util.List;

/**
 * Offline recomputation of feature vectors from a list of bars, for training and research: the same compiler,
 * indicator sharing, bar rules and publication rule as {@link DefaultFeatureService}, so the vectors are bit for bit
 * those the online service publishes for the same bars (the train/serve consistency path).
 *
 * <pre>{@code
 * List<FeatureVector> rows = OfflineFeatures.compute(catalog, List.of("rsi(14)", "ret(5)"), marketStore.bars(...));
 * }</pre>
 *
 * <p>Stateless and thread-safe: every call starts from empty indicators.
 */
public final class OfflineFeatures {
  private OfflineFeatures() {}

  /**
   * The vectors {@code bars} produce, in bar order. Bars may mix instruments and intervals (each gets its own
   * indicators); partial and out-of-order bars are skipped as online. Fails with {@link InvalidFeaturesException}
   * when an expression is invalid.
   */
  public static List<FeatureVector> compute(IndicatorCatalog catalog, List<String> expressions, List<Bar> bars) {
    ValidationException.required(catalog, "catalog");
    ValidationException.required(bars, "bars");
    FeatureEngine engine = new FeatureEngine(FeatureSet.EMPTY.with(catalog, expressions));
    List<FeatureVector> out = new ArrayList<>();
    for (Bar bar : bars) {
      FeatureVector v = engine.onBar(bar);
      if (v != null) {
        out.add(v);
      }
    }
    return out;
  }
}
