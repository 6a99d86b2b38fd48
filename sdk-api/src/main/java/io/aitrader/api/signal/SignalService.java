package io.aitrader.api.signal;

import io.aitrader.api.Registration;
import io.aitrader.api.feature.FeatureListener;
import io.aitrader.api.feature.FeatureVector;
import java.util.Optional;

/**
 * The Signal Service: turns feature vectors into {@link Signal}s. For each registered strategy it scores the
 * vector with the strategy's {@link SignalModel}, gates the score with its {@link SignalPolicy} (thresholds,
 * conditions, cool-down) and emits the signals that pass to listeners (and so to {@code signals.<strategy>}).
 *
 * <pre>{@code
 * signals.register(SignalPolicy.builder("momentum-5m").longThreshold(0.55).build(), model);
 * features.subscribe(signals);                     // FeatureService -> SignalService
 * signals.subscribe(s -> bus.publish(Topics.signals(s.strategyId()), s));
 * }</pre>
 *
 * <p>Threading: {@link #register}, {@link #onFeatures} and {@link #evaluate} are called by one thread (the
 * feature thread). Never throws for a bad vector or a model that returns a score outside {@code [-1, 1]}: it
 * skips and counts it.
 */
public interface SignalService extends FeatureListener {

  /**
   * Registers (or replaces) the model and rules of {@code policy.strategyId()}. Fails with
   * {@link io.aitrader.api.ConfigurationException} when a model feature or a condition refers to an undefined
   * feature, or a condition is not a valid boolean expression.
   */
  void register(SignalPolicy policy, SignalModel model);

  /** Removes a strategy; returns whether it was registered. */
  boolean unregister(String strategyId);

  /** Evaluates every registered strategy on {@code features} and emits the signals that pass. */
  @Override
  void onFeatures(FeatureVector features);

  /**
   * Evaluates one strategy on {@code features} and returns its signal if the rules let one through, emitting it
   * to listeners as {@link #onFeatures} would. Fails with {@link io.aitrader.api.NotFoundException} for an
   * unregistered strategy.
   */
  Optional<Signal> evaluate(String strategyId, FeatureVector features);

  /** Registers a listener for every signal emitted from now on. */
  Registration subscribe(SignalListener listener);
}
