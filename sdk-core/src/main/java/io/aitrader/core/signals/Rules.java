package io.aitrader.core.signals;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.requireText;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.signal.SignalModel;
import io.aitrader.api.time.Ist;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

/**
 * Factories for {@link Rule}s. Arguments are checked here (a {@link io.aitrader.api.ValidationException} names
 * the bad one); feature names are checked against the defined features when the rule set is registered with a
 * {@link DefaultSignalService}, which then fails naming the unknown feature and the defined ones.
 *
 * <pre>{@code
 * Rule oversoldInSession = Rules.all(
 *     Rules.threshold("rsi(14)", Comparison.LT, 30),
 *     Rules.timeBetween(LocalTime.of(9, 20), LocalTime.of(15, 0)),
 *     Rules.maxPerDay(2));
 * }</pre>
 *
 * <p>Time rules use the IST time of the vector's timestamp (its bar close), never the clock. Cool-down and
 * daily-limit rules count the entry (LONG/SHORT) signals their rule set emitted for the same instrument and
 * interval. Stateless and thread-safe.
 */
public final class Rules {

  private Rules() {}

  /** Always holds: the default entry rule of a {@link RuleSet}. */
  public static Rule always() {
    return AlwaysRule.INSTANCE;
  }

  /** {@code feature <op> value}, e.g. {@code threshold("rsi(14)", Comparison.LT, 30)}. */
  public static Rule threshold(String feature, Comparison op, double value) {
    requireText(feature, "Rules.threshold.feature");
    required(op, "Rules.threshold.op");
    check(Double.isFinite(value), "Rules.threshold.value", "must be finite", value);
    return new CompareRule(feature, op, null, value);
  }

  /** {@code left <op> right} for two features, e.g. {@code compare("volume", Comparison.GT, "sma_volume(20)")}. */
  public static Rule compare(String left, Comparison op, String right) {
    requireText(left, "Rules.compare.left");
    required(op, "Rules.compare.op");
    requireText(right, "Rules.compare.right");
    return new CompareRule(left, op, right, Double.NaN);
  }

  /** {@code lo <= feature <= hi}. */
  public static Rule between(String feature, double lo, double hi) {
    requireText(feature, "Rules.between.feature");
    check(Double.isFinite(lo), "Rules.between.lo", "must be finite", lo);
    check(Double.isFinite(hi) && hi >= lo, "Rules.between.hi", "must be finite and >= lo " + lo, hi);
    return new BetweenRule(feature, lo, hi);
  }

  /**
   * {@code a} crosses above {@code b}: {@code a <= b} on the previous vector of the instrument and interval,
   * {@code a > b} on this one. Holds on the crossing vector only (never on the first one).
   */
  public static Rule crossesAbove(String a, String b) {
    return new CrossRule(requireText(a, "Rules.crossesAbove.a"), requireText(b, "Rules.crossesAbove.b"), Double.NaN, true);
  }

  /** {@code a} crosses above the constant {@code level}. */
  public static Rule crossesAbove(String a, double level) {
    check(Double.isFinite(level), "Rules.crossesAbove.level", "must be finite", level);
    return new CrossRule(requireText(a, "Rules.crossesAbove.a"), null, level, true);
  }

  /** {@code a} crosses below {@code b}: {@code a >= b} on the previous vector, {@code a < b} on this one. */
  public static Rule crossesBelow(String a, String b) {
    return new CrossRule(requireText(a, "Rules.crossesBelow.a"), requireText(b, "Rules.crossesBelow.b"), Double.NaN, false);
  }

  /** {@code a} crosses below the constant {@code level}. */
  public static Rule crossesBelow(String a, double level) {
    check(Double.isFinite(level), "Rules.crossesBelow.level", "must be finite", level);
    return new CrossRule(requireText(a, "Rules.crossesBelow.a"), null, level, false);
  }

  /** Holds when every rule holds (at least one rule). */
  public static Rule all(Rule... rules) {
    return new CompositeRule(children("Rules.all", rules), true);
  }

  /** Holds when at least one rule holds (at least one rule). */
  public static Rule any(Rule... rules) {
    return new CompositeRule(children("Rules.any", rules), false);
  }

  /** Holds when {@code rule} does not. */
  public static Rule not(Rule rule) {
    return new NotRule(required(rule, "Rules.not.rule"));
  }

  /** The IST time of day of the vector is in {@code [from, to)}; {@code from < to} (no window over midnight). */
  public static Rule timeBetween(LocalTime from, LocalTime to) {
    required(from, "Rules.timeBetween.from");
    required(to, "Rules.timeBetween.to");
    check(from.isBefore(to), "Rules.timeBetween.to", "must be after from " + from, to);
    check(from.toNanoOfDay() % 1_000_000 == 0 && to.toNanoOfDay() % 1_000_000 == 0, "Rules.timeBetween",
        "must be whole milliseconds", from + ".." + to);
    return new TimeWindowRule(from.toNanoOfDay() / 1_000_000, to.toNanoOfDay() / 1_000_000);
  }

  /** The IST time of day of the vector is before {@code time}: at {@code time} and later no entries. */
  public static Rule noEntriesAfter(LocalTime time) {
    required(time, "Rules.noEntriesAfter.time");
    check(!time.equals(LocalTime.MIDNIGHT) && time.toNanoOfDay() % 1_000_000 == 0, "Rules.noEntriesAfter.time",
        "must be after 00:00 in whole milliseconds", time);
    return new TimeWindowRule(0, time.toNanoOfDay() / 1_000_000);
  }

  /** No entry signal within {@code period} of the instrument's last one ({@code now - last >= period} passes). */
  public static Rule cooldown(Duration period) {
    required(period, "Rules.cooldown.period");
    check(!period.isNegative() && !period.isZero() && period.toMillis() < 366 * Ist.MILLIS_PER_DAY,
        "Rules.cooldown.period", "must be positive and under a year", period);
    return new CooldownRule(period.toMillis(), 0);
  }

  /** No entry signal within {@code bars} vectors of the instrument's last one (the {@code bars}-th after passes). */
  public static Rule cooldownBars(int bars) {
    check(bars > 0, "Rules.cooldownBars.bars", "must be > 0", bars);
    return new CooldownRule(0, bars);
  }

  /** At most {@code max} entry signals per instrument per IST day. */
  public static Rule maxPerDay(int max) {
    check(max > 0, "Rules.maxPerDay.max", "must be > 0", max);
    return new DailyLimitRule(max);
  }

  /**
   * {@code model.score(vector) <op> threshold}; fails when the model throws or returns an invalid score. The
   * model's required features are checked at registration like any rule's.
   */
  public static Rule modelScore(SignalModel model, Comparison op, double threshold) {
    required(model, "Rules.modelScore.model");
    required(op, "Rules.modelScore.op");
    check(Double.isFinite(threshold) && threshold >= -1 && threshold <= 1, "Rules.modelScore.threshold",
        "must be within [-1, 1]", threshold);
    return new ModelScoreRule(model, op, threshold);
  }

  private static List<Rule> children(String field, Rule[] rules) {
    required(rules, field);
    check(rules.length > 0, field, "needs at least one rule", 0);
    for (int i = 0; i < rules.length; i++) {
      required(rules[i], field + "[" + i + "]");
    }
    return List.of(rules);
  }
}
