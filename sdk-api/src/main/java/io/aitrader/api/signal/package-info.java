/**
 * Signals: a {@link io.aitrader.api.signal.Signal} is a strategy's scored opinion on an instrument
 * ({@link io.aitrader.api.signal.Direction} and strength), produced by the
 * {@link io.aitrader.api.signal.SignalService} from a {@link io.aitrader.api.feature.FeatureVector}: a
 * {@link io.aitrader.api.signal.SignalModel} scores it, and a {@link io.aitrader.api.signal.SignalPolicy}
 * (thresholds, conditions, cool-down) gates the score. Signals are published on {@code signals.<strategy>}.
 */
@NullMarked
package io.aitrader.api.signal;

import org.jspecify.annotations.NullMarked;
