/**
 * The Signal Service: scores {@link io.aitrader.api.feature.FeatureVector}s with a
 * {@link io.aitrader.api.signal.SignalModel} and gates them with {@link io.aitrader.core.signals.Rule}s
 * (thresholds, crossovers, IST time windows, cool-downs, daily limits, model scores), emitting
 * {@link io.aitrader.api.signal.Signal}s whose reason says which rules passed or failed with which values.
 *
 * <p>Entry points: {@link io.aitrader.core.signals.Rules} (rule factories), {@link io.aitrader.core.signals.RuleSet}
 * (a strategy's model and rules), {@link io.aitrader.core.signals.LinearSignalModel} and
 * {@link io.aitrader.core.signals.DefaultSignalService}.
 */
@NullMarked
package io.aitrader.core.signals;

import org.jspecify.annotations.NullMarked;
