package io.aitrader.core.signals;

import io.aitrader.api.bus.Topic;
import io.aitrader.api.bus.Topics;
import io.aitrader.api.feature.FeatureVector;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.signal.Direction;
import io.aitrader.api.signal.Signal;
import io.aitrader.api.signal.SignalModel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One registered {@link RuleSet}, bound to the service's feature layout, with its state per instrument and
 * interval. Implements the decision order documented on {@link RuleSet}. Allocation-free when no signal is
 * emitted (after the first vector of a series). Single-threaded.
 */
final class StrategyEvaluator {
  private static final Logger LOG = LoggerFactory.getLogger(StrategyEvaluator.class);
  private static final int INTERVALS = BarInterval.values().length;

  final RuleSet rules;
  final Topic<Signal> topic;
  private final @Nullable SignalModel model;
  private final @Nullable Direction fixed;
  private final double longThreshold;
  private final double shortThreshold;
  private final @Nullable BarInterval interval;
  private final BoundRule entry;
  private final @Nullable BoundRule exit;
  private final int doubleSlots;
  private final int longSlots;
  private final Map<Instrument, SeriesState[]> states = new HashMap<>();
  private final EvalContext ctx = new EvalContext();
  private final SignalCounters counters;
  private boolean modelFailureLogged;

  StrategyEvaluator(RuleSet rules, List<String> featureNames, SignalCounters counters) {
    this.rules = rules;
    this.topic = Topics.signals(rules.strategyId());
    this.model = rules.model().orElse(null);
    this.fixed = rules.direction().orElse(null);
    this.longThreshold = rules.longThreshold();
    this.shortThreshold = rules.shortThreshold();
    this.interval = rules.interval().orElse(null);
    Binder binder = new Binder(featureNames);
    this.entry = rules.entryRule().bind(binder);
    this.exit = rules.exitRule().map(r -> r.bind(binder)).orElse(null);
    this.doubleSlots = binder.doubleCount();
    this.longSlots = binder.longCount();
    this.counters = counters;
    this.ctx.model = model;
  }

  /** Evaluates one vector whose layout the service has checked; returns the signal to emit, or null. */
  @Nullable Signal evaluate(FeatureVector v) {
    if (interval != null && v.interval() != interval) {
      return null;
    }
    SeriesState s = state(v);
    long t = v.timestampMillis();
    if (t <= s.lastTimestampMillis) {
      counters.rejectedVector();
      return null;
    }
    double score = Double.NaN;
    boolean scored = true;
    if (model != null) {
      score = score(model, v);
      scored = !Double.isNaN(score);
    }
    ctx.reset(t, s, score);
    Direction out = null;
    boolean entryEmitted = false;
    int why = 0;
    if (scored) {
      boolean inPosition = s.position != 0;
      if (inPosition && exit != null && exit.test(v, ctx)) {
        out = Direction.FLAT;
        why = 1;
      } else {
        Direction candidate = candidate(score);
        if (candidate != null && entry.test(v, ctx)) {
          out = candidate;
          entryEmitted = true;
        } else if (inPosition && rules.flatOnNeutralScore() && score > shortThreshold && score < longThreshold) {
          out = Direction.FLAT;
          why = 2;
        }
      }
    }
    Signal signal = out == null ? null : build(v, out, score, s.position, why);
    entry.update(v, ctx, entryEmitted);
    if (exit != null) {
      exit.update(v, ctx, entryEmitted);
    }
    s.lastTimestampMillis = t;
    if (out != null) {
      s.position = out.sign();
    }
    return signal;
  }

  private double score(SignalModel m, FeatureVector v) {
    double score;
    try {
      score = m.score(v);
    } catch (RuntimeException e) {
      counters.invalidScore();
      if (!modelFailureLogged) {
        modelFailureLogged = true;
        LOG.warn("model {}@{} of strategy {} failed; such vectors are skipped and counted (logged once)",
            m.id(), m.version(), rules.strategyId(), e);
      }
      return Double.NaN;
    }
    if (!(score >= -1 && score <= 1)) {
      counters.invalidScore();
      return Double.NaN;
    }
    return score;
  }

  private @Nullable Direction candidate(double score) {
    if (fixed != null) {
      return model != null && score * fixed.sign() < 0 ? null : fixed;
    }
    if (score >= longThreshold) {
      return Direction.LONG;
    }
    return score <= shortThreshold ? Direction.SHORT : null;
  }

  private SeriesState state(FeatureVector v) {
    SeriesState[] byInterval = states.get(v.instrument());
    if (byInterval == null) {
      byInterval = new SeriesState[INTERVALS];
      states.put(v.instrument(), byInterval);
    }
    int i = v.interval().ordinal();
    SeriesState s = byInterval[i];
    if (s == null) {
      s = new SeriesState(doubleSlots, longSlots);
      byInterval[i] = s;
    }
    return s;
  }

  /** Builds the signal and its reason (reads rule state before {@code update}). */
  private Signal build(FeatureVector v, Direction out, double score, int previousPosition, int why) {
    StringBuilder reason = new StringBuilder(128);
    double strength;
    if (out == Direction.FLAT) {
      strength = model != null ? score : 0;
      reason.append("FLAT (exit ").append(previousPosition > 0 ? "LONG" : "SHORT").append("): ");
      if (why == 1 && exit != null) {
        explainTop(exit, v, reason);
      } else {
        reason.append(modelLabel()).append(Reasons.number(score)).append(" in (")
            .append(Reasons.number(shortThreshold)).append(", ").append(Reasons.number(longThreshold)).append(')')
            .append(Reasons.PASS);
      }
    } else {
      strength = model != null ? score : out.sign();
      reason.append(out).append(": ");
      if (model != null) {
        reason.append(modelLabel()).append(Reasons.number(score));
        if (fixed != null) {
          reason.append(fixed == Direction.LONG ? " >= 0" : " <= 0");
        } else if (out == Direction.LONG) {
          reason.append(" >= ").append(Reasons.number(longThreshold));
        } else {
          reason.append(" <= ").append(Reasons.number(shortThreshold));
        }
        reason.append(Reasons.PASS);
        if (!entry.isAlways()) {
          reason.append("; ");
        }
      }
      if (!entry.isAlways() || model == null) {
        explainTop(entry, v, reason);
      }
    }
    counters.emitted();
    return Signal.builder()
        .strategyId(rules.strategyId())
        .features(v)
        .direction(out)
        .strength(strength)
        .model(rules.modelId(), rules.modelVersion())
        .reason(reason.toString())
        .build();
  }

  private String modelLabel() {
    return "model " + rules.modelId() + "@" + rules.modelVersion() + " score ";
  }

  /** An {@code all(...)} at the top is written as its clauses joined by {@code "; "}. */
  private void explainTop(BoundRule rule, FeatureVector v, StringBuilder out) {
    if (rule instanceof CompositeRule.Bound && ((CompositeRule.Bound) rule).isAllOf()) {
      ((CompositeRule.Bound) rule).explainChildren(v, ctx, out, "; ");
    } else {
      rule.explain(v, ctx, out);
    }
  }
}
