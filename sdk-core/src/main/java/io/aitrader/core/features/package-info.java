/**
 * Features: a small expression language over indicators and bar fields ({@code rsi(14)}, {@code ema(20)/ema(50)},
 * {@code macd(12,26,9).signal}, {@code ret(5)}), compiled to allocation-free evaluation trees, and the
 * {@link io.aitrader.core.features.DefaultFeatureService} that computes feature vectors from complete bars.
 *
 * <p>Indicators are looked up by name in an {@link io.aitrader.core.features.IndicatorCatalog}; identical
 * (sub)expressions share one indicator instance per instrument and interval. {@link
 * io.aitrader.core.features.OfflineFeatures} recomputes the same vectors from a list of bars, bit for bit (the
 * train/serve consistency path). The language is documented in {@code docs/features.md}.
 *
 * <p>{@link io.aitrader.core.features.InMemoryFeatureCache} is the embedded online
 * {@link io.aitrader.api.feature.FeatureCache}: the latest vector per instrument and interval, with a TTL.
 */
@NullMarked
package io.aitrader.core.features;

import org.jspecify.annotations.NullMarked;
