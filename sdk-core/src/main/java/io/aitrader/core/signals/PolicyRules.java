package io.aitrader.core.signals;

import io.aitrader.api.ConfigurationException;
import io.aitrader.api.signal.SignalModel;
import io.aitrader.api.signal.SignalPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Maps a {@link SignalPolicy} and its model onto a {@link RuleSet}: direction by score against the policy's
 * thresholds; entry rule = every condition, then the cool-down; {@code emitFlat} = FLAT on a neutral score while
 * in a position. A condition is a comparison {@code <feature> <op> <feature or number>} with op one of
 * {@code >, >=, <, <=} (e.g. {@code volume > sma_volume(20)}, {@code rsi(14) < 30}); the operator is the first
 * one outside parentheses. Stateless.
 */
final class PolicyRules {
  private PolicyRules() {}

  /** The rule set; fails with every problem in {@code modelProblems} and in the conditions at once. */
  static RuleSet toRuleSet(SignalPolicy policy, SignalModel model, List<String> featureNames, List<String> modelProblems) {
    List<String> problems = new ArrayList<>(modelProblems);
    List<Rule> entry = new ArrayList<>();
    for (String condition : policy.conditions()) {
      Rule r = parse(condition, featureNames, policy.strategyId(), problems);
      if (r != null) {
        entry.add(r);
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
    if (policy.cooldownMillis() > 0) {
      entry.add(Rules.cooldown(Duration.ofMillis(policy.cooldownMillis())));
    }
    RuleSet.Builder b = RuleSet.builder(policy.strategyId())
        .model(model)
        .longThreshold(policy.longThreshold())
        .shortThreshold(policy.shortThreshold())
        .flatOnNeutralScore(policy.emitFlat());
    if (!entry.isEmpty()) {
      b.entryWhen(entry.size() == 1 ? entry.get(0) : Rules.all(entry.toArray(new Rule[0])));
    }
    return b.build();
  }

  /** The rule of one condition, or null after adding a problem. */
  static @Nullable Rule parse(String condition, List<String> featureNames, String strategyId,
      List<String> problems) {
    int depth = 0;
    for (int i = 0; i < condition.length(); i++) {
      char ch = condition.charAt(i);
      if (ch == '(') {
        depth++;
      } else if (ch == ')') {
        depth--;
      } else if (depth == 0 && (ch == '<' || ch == '>')) {
        boolean orEqual = i + 1 < condition.length() && condition.charAt(i + 1) == '=';
        Comparison op = Comparison.of(orEqual ? ch + "=" : String.valueOf(ch));
        String left = condition.substring(0, i).trim();
        String right = condition.substring(i + (orEqual ? 2 : 1)).trim();
        return operands(condition, left, op, right, featureNames, strategyId, problems);
      }
    }
    problems.add("strategy " + strategyId + ": condition '" + condition
        + "' must be '<feature> <op> <feature or number>' with op one of >, >=, <, <=");
    return null;
  }

  private static @Nullable Rule operands(String condition, String left, Comparison op,
      String right, List<String> featureNames, String strategyId, List<String> problems) {
    if (!featureNames.contains(left)) {
      problems.add("strategy " + strategyId + ": condition '" + condition + "' reads feature '" + left
          + "', which is not defined; defined: " + featureNames);
      return null;
    }
    if (featureNames.contains(right)) {
      return Rules.compare(left, op, right);
    }
    try {
      double value = Double.parseDouble(right);
      if (Double.isFinite(value)) {
        return Rules.threshold(left, op, value);
      }
    } catch (NumberFormatException e) {
      problems.add("strategy " + strategyId + ": condition '" + condition + "' compares with '" + right
          + "', which is neither a defined feature nor a number; defined: " + featureNames);
      return null;
    }
    problems.add("strategy " + strategyId + ": condition '" + condition + "' compares with a non-finite number");
    return null;
  }
}
