package io.aitrader.core.features;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The syntax tree of a feature expression as written, with 0-based source positions. */
sealed interface Ast {

  /** Where the construct starts in the expression. */
  int pos();

  /** A numeric literal. */
  record Num(double value, String text, int pos) implements Ast {}

  /** A bare name: a bar field or an alias. */
  record Name(String name, int pos) implements Ast {}

  /** {@code name(args)} with an optional output selection {@code .output} ({@code output} null when absent). */
  record Call(String name, int pos, List<Ast> args, int closePos, @Nullable String output, int outputPos) implements Ast {}

  /** {@code -operand}. */
  record Neg(Ast operand, int pos) implements Ast {}

  /** {@code left op right}; {@code pos} is the operator's. */
  record Binary(char op, Ast left, Ast right, int pos) implements Ast {}
}
