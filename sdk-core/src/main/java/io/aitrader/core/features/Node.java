package io.aitrader.core.features;

import io.aitrader.api.market.BarView;
import io.aitrader.core.indicators.Indicator;
import io.aitrader.core.indicators.Input;
import io.aitrader.core.indicators.ValueIndicator;

/**
 * A node of a compiled evaluation tree: {@link #eval()} returns its value for the current bar, after the pipeline
 * has set the bar fields and updated every indicator. Allocation-free; {@code NaN} while an indicator warms up.
 */
abstract class Node {

  abstract double eval();

  /**
   * Whether this bar brought the node a new value: false when an indicator it reads skipped the bar (its input had
   * no value), so a series built on it passes nothing on rather than counting the stale value again — the rule
   * {@link io.aitrader.core.indicators.Input#of(Indicator, int)} follows for indicators composed in code.
   */
  boolean fresh() {
    return true;
  }

  /** As {@link Input#warmUp()} for this node used as an indicator's series: bars before its first value. */
  abstract int inputWarmUp();

  static final class Const extends Node {
    private final double value;

    Const(double value) {
      this.value = value;
    }

    @Override
    double eval() {
      return value;
    }

    @Override
    int inputWarmUp() {
      return 0;
    }
  }

  /** A bar field of the current bar, from the pipeline's field slots. */
  static final class Field extends Node {
    private final double[] fields;
    private final int index;

    Field(double[] fields, int index) {
      this.fields = fields;
      this.index = index;
    }

    @Override
    double eval() {
      return fields[index];
    }

    @Override
    int inputWarmUp() {
      return 0;
    }
  }

  /** An output of a shared indicator, updated by the pipeline before evaluation. */
  static final class Output extends Node {
    private final Indicator indicator;
    private final int output;

    Output(Indicator indicator, int output) {
      this.indicator = indicator;
      this.output = output;
    }

    @Override
    double eval() {
      return indicator.isReady() ? indicator.value(output) : Double.NaN;
    }

    @Override
    boolean fresh() {
      return !(indicator instanceof ValueIndicator) || ((ValueIndicator) indicator).advancedOnLastBar();
    }

    @Override
    int inputWarmUp() {
      return indicator.warmUp() - 1;
    }
  }

  static final class Neg extends Node {
    private final Node operand;

    Neg(Node operand) {
      this.operand = operand;
    }

    @Override
    double eval() {
      return -operand.eval();
    }

    @Override
    boolean fresh() {
      return operand.fresh();
    }

    @Override
    int inputWarmUp() {
      return operand.inputWarmUp();
    }
  }

  abstract static class Binary extends Node {
    final Node left;
    final Node right;

    Binary(Node left, Node right) {
      this.left = left;
      this.right = right;
    }

    @Override
    final int inputWarmUp() {
      return Math.max(left.inputWarmUp(), right.inputWarmUp());
    }

    @Override
    final boolean fresh() {
      return left.fresh() && right.fresh();
    }

    static Binary of(char op, Node l, Node r) {
      switch (op) {
        case '+': return new Add(l, r);
        case '-': return new Sub(l, r);
        case '*': return new Mul(l, r);
        case '/': return new Div(l, r);
        default: throw new IllegalArgumentException("operator " + op);
      }
    }
  }

  static final class Add extends Binary {
    Add(Node l, Node r) {
      super(l, r);
    }

    @Override
    double eval() {
      return left.eval() + right.eval();
    }
  }

  static final class Sub extends Binary {
    Sub(Node l, Node r) {
      super(l, r);
    }

    @Override
    double eval() {
      return left.eval() - right.eval();
    }
  }

  static final class Mul extends Binary {
    Mul(Node l, Node r) {
      super(l, r);
    }

    @Override
    double eval() {
      return left.eval() * right.eval();
    }
  }

  static final class Div extends Binary {
    Div(Node l, Node r) {
      super(l, r);
    }

    @Override
    double eval() {
      return left.eval() / right.eval();
    }
  }

  /**
   * A computed series as an indicator's {@link Input}: evaluates the node (whose indicators the pipeline has
   * already updated this bar); non-finite values, and values of a node that is not {@linkplain Node#fresh() fresh}
   * this bar, become {@code NaN}, so the indicator skips them. Does not own
   * the indicators it reads: their state is saved, restored and reset by the pipeline.
   */
  static final class SeriesInput implements Input {
    private final Node node;
    private final String name;

    SeriesInput(Node node, String name) {
      this.node = node;
      this.name = name;
    }

    @Override
    public double next(BarView bar) {
      if (!node.fresh()) {
        return Double.NaN;
      }
      double v = node.eval();
      return Double.isFinite(v) ? v : Double.NaN;
    }

    @Override
    public int warmUp() {
      return node.inputWarmUp();
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
