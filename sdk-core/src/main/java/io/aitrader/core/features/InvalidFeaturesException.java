package io.aitrader.core.features;

import io.aitrader.api.feature.FeatureExpressionException;
import java.util.List;

/**
 * One or more expressions of a batch passed to {@link DefaultFeatureService#define} or
 * {@link OfflineFeatures#compute} are invalid. It is the {@link FeatureExpressionException} of the first invalid
 * expression (its {@link #expression()} and {@link #position()}), and its message goes on to list the others, so
 * every mistake is fixed in one round:
 * <pre>
 * Feature expression 'emaa(20)' is invalid at 0: unknown name 'emaa'; did you mean ema?
 *   and 1 more:
 *   - Feature expression 'rsi(14' is invalid at 6: missing ')' to close the '(' at 3
 * </pre>
 */
public final class InvalidFeaturesException extends FeatureExpressionException {
  private static final long serialVersionUID = 1L;

  /** Not serialized: the list's elements are in the message and the suppressed exceptions. */
  private final transient List<FeatureExpressionException> errors;

  InvalidFeaturesException(List<FeatureExpressionException> errors) {
    super(errors.get(0).expression(), errors.get(0).position(), problem(errors));
    this.errors = List.copyOf(errors);
    for (int i = 1; i < errors.size(); i++) {
      addSuppressed(errors.get(i));
    }
  }

  /** Every invalid expression's error, in the order of the batch; the first is this exception's subject. */
  public List<FeatureExpressionException> errors() {
    return errors == null ? List.of(this) : errors;
  }

  private static String problem(List<FeatureExpressionException> errors) {
    StringBuilder sb = new StringBuilder(Problems.problemOf(errors.get(0)));
    if (errors.size() > 1) {
      sb.append("\n  and ").append(errors.size() - 1).append(" more:");
      for (int i = 1; i < errors.size(); i++) {
        sb.append("\n  - ").append(errors.get(i).getMessage());
      }
    }
    return sb.toString();
  }
}
