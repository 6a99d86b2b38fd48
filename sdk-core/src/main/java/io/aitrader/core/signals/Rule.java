package io.aitrader.core.signals;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A condition on a feature vector that gates a signal: a threshold, a crossover, an IST time window, a
 * cool-down, a daily limit, a model score, or a combination of those. Create rules with {@link Rules}; the set is
 * closed (rules are bound to a feature layout and to per-instrument state by the {@link DefaultSignalService}).
 *
 * <pre>{@code
 * Rule entry = Rules.all(
 *     Rules.threshold("rsi(14)", Comparison.LT, 30),
 *     Rules.crossesAbove("ema(20)", "ema(50)"),
 *     Rules.timeBetween(LocalTime.of(9, 20), LocalTime.of(15, 0)),
 *     Rules.cooldown(Duration.ofMinutes(15)));
 * }</pre>
 *
 * <p>A rule is an immutable definition and may be shared by several rule sets; each registration keeps its own
 * state (previous values for crossovers, last signal for cool-downs) per instrument and interval. Thread-safe.
 */
public abstract class Rule {

  Rule() {}

  /** The definition, e.g. {@code rsi(14) < 30} or {@code ema(20) crosses above ema(50)}. */
  public abstract String describe();

  /** The feature names this rule reads, in order of first use, without duplicates. */
  public final List<String> features() {
    Set<String> out = new LinkedHashSet<>();
    collectFeatures(out);
    return List.copyOf(out);
  }

  /** Adds the names of the features read to {@code out}. */
  abstract void collectFeatures(Set<String> out);

  /** Resolves feature indices and reserves per-series state in {@code binder}. */
  abstract BoundRule bind(Binder binder);

  @Override
  public String toString() {
    return describe();
  }
}
