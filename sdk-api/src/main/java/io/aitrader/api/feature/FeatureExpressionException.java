package io.aitrader.api.feature;

import io.aitrader.api.ValidationException;

/**
 * A feature expression could not be parsed or refers to something unknown (an unknown function, a wrong number
 * of arguments, a bad period). The message quotes the expression and says where and what is wrong, for example
 * {@code "Feature expression 'rsi(0)' is invalid at 4: period must be >= 1"}.
 */
public class FeatureExpressionException extends ValidationException {
  private static final long serialVersionUID = 1L;

  private final String expression;
  private final int position;

  /**
   * @param expression the expression as written
   * @param position   the 0-based character index of the problem, or -1 when it concerns the whole expression
   * @param problem    what is wrong
   */
  public FeatureExpressionException(String expression, int position, String problem) {
    super("feature", "Feature expression '" + expression + "' is invalid"
        + (position >= 0 ? " at " + position : "") + ": " + problem);
    this.expression = expression;
    this.position = position;
  }

  /** The expression as written. */
  public String expression() {
    return expression;
  }

  /** The 0-based index of the offending character, or -1 when the problem is not at one place. */
  public int position() {
    return position;
  }
}
