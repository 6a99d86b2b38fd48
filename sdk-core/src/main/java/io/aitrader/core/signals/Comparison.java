package io.aitrader.core.signals;

import io.aitrader.api.ValidationException;

/** A numeric comparison used by rules: {@code >}, {@code >=}, {@code <}, {@code <=}. Immutable. */
public enum Comparison {
  /** {@code a > b}. */
  GT(">"),
  /** {@code a >= b}. */
  GE(">="),
  /** {@code a < b}. */
  LT("<"),
  /** {@code a <= b}. */
  LE("<=");

  private final String symbol;

  Comparison(String symbol) {
    this.symbol = symbol;
  }

  /** The operator as written: {@code >}, {@code >=}, {@code <} or {@code <=}. */
  public String symbol() {
    return symbol;
  }

  /** Whether {@code a <op> b}; false when either is NaN. */
  public boolean test(double a, double b) {
    switch (this) {
      case GT:
        return a > b;
      case GE:
        return a >= b;
      case LT:
        return a < b;
      default:
        return a <= b;
    }
  }

  /** The comparison written as {@code symbol}; fails with {@link ValidationException} for another text. */
  public static Comparison of(String symbol) {
    for (Comparison c : values()) {
      if (c.symbol.equals(symbol)) {
        return c;
      }
    }
    throw new ValidationException("Comparison.symbol", "Comparison.symbol must be one of >, >=, <, <=, was '" + symbol + "'");
  }

  @Override
  public String toString() {
    return symbol;
  }
}
