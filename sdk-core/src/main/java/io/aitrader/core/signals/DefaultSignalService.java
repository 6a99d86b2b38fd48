package io.aitrader.core.signals;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.ConfigurationException;
import io.aitrader.api.NotFoundException;
import io.aitrader.api.Registration;
import io.aitrader.api.bus.EventBus;
import io.aitrader.api.feature.FeatureVector;
import io.aitrader.api.signal.Signal;
import io.aitrader.api.signal.SignalListener;
import io.aitrader.api.signal.SignalModel;
import io.aitrader.api.signal.SignalPolicy;
import io.aitrader.api.signal.SignalService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference {@link SignalService}: evaluates every registered strategy's {@link RuleSet} on each
 * {@link FeatureVector} and emits the resulting {@link Signal}s, with a reason listing every rule and its
 * values, to listeners and (when built with an {@link EventBus}) on {@code signals.<strategy>}.
 *
 * <pre>{@code
 * DefaultSignalService signals = DefaultSignalService.builder()
 *     .featureNames(features.featureNames())
 *     .eventBus(bus)
 *     .build();
 * signals.register(RuleSet.builder("rsi-revert").direction(Direction.LONG)
 *     .entryWhen(Rules.crossesAbove("rsi(14)", 30)).build());
 * signals.register(SignalPolicy.builder("momentum-5m").condition("rsi(14) < 70").build(), model);
 * features.subscribe(signals);
 * }</pre>
 *
 * <p><b>Registration</b> checks every feature the model and rules read against the feature names given at
 * construction, and fails with a {@link ConfigurationException} naming each unknown feature and the defined
 * ones. {@link #register(SignalPolicy, SignalModel)} maps the policy as described on {@code PolicyRules}: the
 * direction from the score against the thresholds, the conditions ({@code <feature> <op> <feature or number>})
 * and the cool-down gate entries, {@code emitFlat} closes a position when the score turns neutral.
 * Registering a strategy again replaces it and starts its state afresh.
 *
 * <p><b>Determinism.</b> Time comes only from the vectors (bar close, read in IST); strategies are evaluated in
 * registration order; the same vectors give the same signals and reasons.
 *
 * <p><b>Threading.</b> Single writer: {@link #register}, {@link #unregister}, {@link #onFeatures} and
 * {@link #evaluate} are called by one thread (the feature thread); listeners and bus publication run on it.
 * {@link #subscribe}, {@link Registration#close()} and the counters may be used from any thread.
 *
 * <p><b>Errors.</b> Never throws for a vector: one whose feature names differ from the configured ones, or whose
 * time is not after the previous vector of its instrument and interval, is skipped and counted in
 * {@link #rejectedVectors()}; a model that throws or scores outside {@code [-1, 1]} is counted in
 * {@link #invalidScores()}; a listener (or bus) failure is logged and counted in {@link #listenerFailures()}.
 * No allocation per vector unless a signal is emitted (or a series is seen for the first time).
 */
public final class DefaultSignalService implements SignalService {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultSignalService.class);

  private final List<String> featureNames;
  private final @Nullable EventBus bus;
  private final SignalCounters counters = new SignalCounters();
  private final List<StrategyEvaluator> strategies = new ArrayList<>();
  private final Map<String, StrategyEvaluator> byId = new HashMap<>();
  private final CopyOnWriteArrayList<SignalListener> listeners = new CopyOnWriteArrayList<>();
  private @Nullable List<String> alsoAccepted;

  private DefaultSignalService(Builder b) {
    this.featureNames = b.featureNames;
    this.bus = b.bus;
  }

  /** A builder; the feature names are required (e.g. {@code featureService.featureNames()}). */
  public static Builder builder() {
    return new Builder();
  }

  /** The feature names, in vector order, that vectors must have. */
  public List<String> featureNames() {
    return featureNames;
  }

  @Override
  public void register(SignalPolicy policy, SignalModel model) {
    required(policy, "SignalService.policy");
    required(model, "SignalService.model");
    register(PolicyRules.toRuleSet(policy, model, featureNames, modelProblems(policy.strategyId(), model)));
  }

  /**
   * Registers (or replaces) {@code rules.strategyId()}; fails with a {@link ConfigurationException} listing every
   * feature the model or rules read that is not defined, with the defined ones.
   */
  public void register(RuleSet rules) {
    required(rules, "SignalService.rules");
    List<String> problems = new ArrayList<>();
    rules.model().ifPresent(m -> problems.addAll(modelProblems(rules.strategyId(), m)));
    Set<String> reported = new HashSet<>();
    for (Rule r : rulesOf(rules)) {
      for (String f : r.features()) {
        if (!featureNames.contains(f) && reported.add(f)) {
          problems.add("strategy " + rules.strategyId() + ": rule '" + r.describe() + "' reads feature '" + f
              + "', which is not defined; defined: " + featureNames);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
    StrategyEvaluator evaluator = new StrategyEvaluator(rules, featureNames, counters);
    StrategyEvaluator old = byId.put(rules.strategyId(), evaluator);
    if (old != null) {
      strategies.set(strategies.indexOf(old), evaluator);
    } else {
      strategies.add(evaluator);
    }
    LOG.info("signal rules registered: {}", rules.describe());
  }

  @Override
  public boolean unregister(String strategyId) {
    StrategyEvaluator old = byId.remove(strategyId);
    if (old == null) {
      return false;
    }
    strategies.remove(old);
    return true;
  }

  /** The registered strategy ids, in evaluation order. */
  public List<String> strategyIds() {
    List<String> ids = new ArrayList<>(strategies.size());
    for (StrategyEvaluator s : strategies) {
      ids.add(s.rules.strategyId());
    }
    return List.copyOf(ids);
  }

  @Override
  public void onFeatures(FeatureVector features) {
    if (!layoutMatches(features)) {
      counters.rejectedVector();
      return;
    }
    for (int i = 0; i < strategies.size(); i++) {
      StrategyEvaluator s = strategies.get(i);
      Signal signal = s.evaluate(features);
      if (signal != null) {
        emit(s, signal);
      }
    }
  }

  @Override
  public Optional<Signal> evaluate(String strategyId, FeatureVector features) {
    StrategyEvaluator s = byId.get(strategyId);
    if (s == null) {
      throw new NotFoundException("no signal rules registered for strategy '" + strategyId + "'; registered: " + strategyIds());
    }
    if (!layoutMatches(features)) {
      counters.rejectedVector();
      return Optional.empty();
    }
    Signal signal = s.evaluate(features);
    if (signal == null) {
      return Optional.empty();
    }
    emit(s, signal);
    return Optional.of(signal);
  }

  @Override
  public Registration subscribe(SignalListener listener) {
    required(listener, "SignalService.listener");
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** Signals emitted so far. */
  public long emittedSignals() {
    return counters.emitted;
  }

  /** Vectors skipped: feature names other than the configured ones, or not after the previous vector. */
  public long rejectedVectors() {
    return counters.rejectedVectors;
  }

  /** Model scores skipped: the model threw, or the score was not finite or outside {@code [-1, 1]}. */
  public long invalidScores() {
    return counters.invalidScores;
  }

  /** Listener calls or bus publications that threw. */
  public long listenerFailures() {
    return counters.listenerFailures;
  }

  private void emit(StrategyEvaluator s, Signal signal) {
    for (SignalListener l : listeners) {
      try {
        l.onSignal(signal);
      } catch (RuntimeException e) {
        counters.listenerFailure();
        LOG.warn("signal listener failed for strategy {}; later listeners and signals continue", s.rules.strategyId(), e);
      }
    }
    if (bus != null) {
      try {
        bus.publish(s.topic, signal);
      } catch (RuntimeException e) {
        counters.listenerFailure();
        LOG.warn("publishing a signal on {} failed", s.topic, e);
      }
    }
  }

  private boolean layoutMatches(FeatureVector v) {
    List<String> names = v.names();
    if (names == featureNames || names == alsoAccepted) {
      return true;
    }
    if (names.equals(featureNames)) {
      alsoAccepted = names;
      return true;
    }
    return false;
  }

  private List<String> modelProblems(String strategyId, SignalModel model) {
    List<String> problems = new ArrayList<>();
    for (String f : model.requiredFeatures()) {
      if (!featureNames.contains(f)) {
        problems.add("strategy " + strategyId + ": model " + model.id() + "@" + model.version() + " reads feature '"
            + f + "', which is not defined; defined: " + featureNames);
      }
    }
    return problems;
  }

  private static List<Rule> rulesOf(RuleSet rules) {
    List<Rule> out = new ArrayList<>();
    out.add(rules.entryRule());
    rules.exitRule().ifPresent(out::add);
    return out;
  }

  /** Builds a {@link DefaultSignalService}. Not thread-safe. */
  public static final class Builder {
    private List<String> featureNames = List.of();
    private @Nullable EventBus bus;

    private Builder() {}

    /** The feature names of the vectors to evaluate, in vector order (required, unique). */
    public Builder featureNames(List<String> names) {
      required(names, "DefaultSignalService.featureNames");
      this.featureNames = List.copyOf(names);
      check(new HashSet<>(featureNames).size() == featureNames.size(), "DefaultSignalService.featureNames",
          "must be unique", featureNames);
      return this;
    }

    /** Also publish every signal on {@code Topics.signals(strategyId)} of {@code bus}. */
    public Builder eventBus(EventBus bus) {
      this.bus = required(bus, "DefaultSignalService.eventBus");
      return this;
    }

    public DefaultSignalService build() {
      check(!featureNames.isEmpty(), "DefaultSignalService.featureNames", "must name at least one feature", featureNames);
      return new DefaultSignalService(this);
    }
  }
}
