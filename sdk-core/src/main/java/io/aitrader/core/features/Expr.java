package io.aitrader.core.features;

import io.aitrader.core.indicators.Input;

/**
 * A resolved, canonical feature expression: names looked up in the catalog, arguments checked, defaults filled.
 * Two expressions with the same {@link #canonical()} text compute the same values.
 */
sealed interface Expr {

  /** The canonical text, e.g. {@code ema(20)/ema(50)}, {@code close/sma(20) - 1}. */
  String canonical();

  /** Binding strength for rendering: 1 for + -, 2 for * /, 3 for unary minus, 4 for atoms. */
  int precedence();

  record Const(double value, String canonical) implements Expr {
    @Override
    public int precedence() {
      return 4;
    }
  }

  /** A bar field; {@code index} into {@link Pipeline#FIELDS}. */
  record Field(Input input, int index, String canonical) implements Expr {
    @Override
    public int precedence() {
      return 4;
    }
  }

  /**
   * Output {@code output} of the indicator {@code key} (the canonical call without output selection), built by
   * {@code factory} from {@code series} and {@code params}.
   */
  record Call(String key, IndicatorFactory factory, Expr series, double[] params, int output, String canonical)
      implements Expr {
    @Override
    public int precedence() {
      return 4;
    }
  }

  record Neg(Expr operand, String canonical) implements Expr {
    @Override
    public int precedence() {
      return 3;
    }
  }

  record Binary(char op, Expr left, Expr right, String canonical) implements Expr {
    @Override
    public int precedence() {
      return op == '+' || op == '-' ? 1 : 2;
    }
  }
}
