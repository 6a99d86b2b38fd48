package io.aitrader.core.features;

import io.aitrader.api.AitraderException;
import io.aitrader.api.feature.FeatureExpressionException;
import io.aitrader.core.features.IndicatorFactory.Param;
import io.aitrader.core.features.IndicatorFactory.SeriesMode;
import io.aitrader.core.features.IndicatorFactory.Signature;
import io.aitrader.core.indicators.Indicator;
import io.aitrader.core.indicators.Input;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a parsed expression into a canonical {@link Expr}: looks names up in the catalog, checks arguments against
 * signatures, fills defaults, resolves aliases and output names. Not thread-safe; one per definition batch.
 */
final class Resolver {
  private final IndicatorCatalog catalog;
  /** Probe instances by call key, to learn outputs and run the factories' checks once. */
  private final Map<String, Indicator> probes = new HashMap<>();
  private final Deque<String> aliasStack = new ArrayDeque<>();

  Resolver(IndicatorCatalog catalog) {
    this.catalog = catalog;
  }

  /** Parses and resolves {@code source}. */
  Expr resolve(String source) {
    return resolve(source, Parser.parse(source));
  }

  private Expr resolve(String src, Ast ast) {
    if (ast instanceof Ast.Num) {
      double v = ((Ast.Num) ast).value();
      if (!Double.isFinite(v)) {
        throw new FeatureExpressionException(src, ast.pos(), "bad number '" + ((Ast.Num) ast).text() + "': it is too large");
      }
      return new Expr.Const(v, Numbers.format(v));
    }
    if (ast instanceof Ast.Neg) {
      Expr operand = resolve(src, ((Ast.Neg) ast).operand());
      return new Expr.Neg(operand, "-" + wrap(operand, operand.precedence() <= 3));
    }
    if (ast instanceof Ast.Binary) {
      Ast.Binary b = (Ast.Binary) ast;
      Expr l = resolve(src, b.left());
      Expr r = resolve(src, b.right());
      int prec = b.op() == '+' || b.op() == '-' ? 1 : 2;
      String op = prec == 1 ? " " + b.op() + " " : String.valueOf(b.op());
      return new Expr.Binary(b.op(), l, r, wrap(l, l.precedence() < prec) + op + wrap(r, r.precedence() <= prec));
    }
    if (ast instanceof Ast.Name) {
      return name(src, (Ast.Name) ast);
    }
    return call(src, (Ast.Call) ast);
  }

  private static String wrap(Expr e, boolean parens) {
    return parens ? "(" + e.canonical() + ")" : e.canonical();
  }

  private Expr name(String src, Ast.Name n) {
    String name = n.name();
    int field = Pipeline.fieldIndex(name);
    if (field >= 0) {
      return new Expr.Field(Pipeline.FIELDS[field], field, name);
    }
    if (catalog.aliasTarget(name).isPresent()) {
      return alias(src, n.pos(), name, catalog.aliasTarget(name).get());
    }
    if (catalog.factory(name).isPresent()) {
      throw new FeatureExpressionException(src, n.pos(), "'" + name + "' is an indicator: call it as " + name
          + "(" + catalog.factory(name).get().signature() + ")");
    }
    throw new FeatureExpressionException(src, n.pos(), catalog.unknownName(name));
  }

  private Expr alias(String src, int pos, String name, String target) {
    if (aliasStack.contains(name)) {
      throw new FeatureExpressionException(src, pos, "alias '" + name + "' refers to itself through " + aliasStack);
    }
    aliasStack.push(name);
    try {
      return resolve(target);
    } catch (FeatureExpressionException e) {
      throw new FeatureExpressionException(src, pos, "'" + name + "' is an alias of '" + target
          + "', which is invalid here: " + Problems.problemOf(e));
    } finally {
      aliasStack.pop();
    }
  }

  private Expr call(String src, Ast.Call c) {
    String name = c.name();
    if (Pipeline.fieldIndex(name) >= 0) {
      throw new FeatureExpressionException(src, c.pos(), "'" + name + "' is a bar field, not a function: write " + name);
    }
    if (catalog.aliasTarget(name).isPresent()) {
      throw new FeatureExpressionException(src, c.pos(), "'" + name + "' is an alias, not a function: write " + name);
    }
    IndicatorFactory factory = catalog.factory(name).orElseThrow(
        () -> new FeatureExpressionException(src, c.pos(), catalog.unknownName(name)));
    Signature sig = factory.signature();
    List<Ast> args = c.args();
    int first = 0;
    Expr series = new Expr.Field(Input.CLOSE, Pipeline.fieldIndex("close"), "close");
    boolean seriesGiven = false;
    if (sig.series() != SeriesMode.NONE && !args.isEmpty() && !isNumber(args.get(0))) {
      series = resolve(src, args.get(0));
      seriesGiven = true;
      first = 1;
    }
    int numbers = args.size() - first;
    if (sig.series() == SeriesMode.REQUIRED && !seriesGiven
        || numbers < sig.requiredParams() || numbers > sig.params().size()) {
      throw new FeatureExpressionException(src, c.pos(), name + " expects (" + sig + ") but got " + args.size()
          + (args.size() == 1 ? " argument" : " arguments"));
    }
    double[] params = new double[sig.params().size()];
    for (int i = 0; i < params.length; i++) {
      Param p = sig.params().get(i);
      if (i < numbers) {
        Ast a = args.get(first + i);
        if (!isNumber(a)) {
          throw new FeatureExpressionException(src, a.pos(), name + " expects (" + sig + "): argument " + (first + i + 1)
              + " (" + p.name() + ") must be a number");
        }
        params[i] = numberOf(a);
        if (!Double.isFinite(params[i])) {
          throw new FeatureExpressionException(src, a.pos(), "bad number: " + name + " " + p.name() + " is too large");
        }
        if (p.integer() && (params[i] != Math.rint(params[i]) || params[i] < 1 || params[i] > Integer.MAX_VALUE)) {
          throw new FeatureExpressionException(src, a.pos(), name + " " + p.name() + " must be an integer >= 1, was "
              + Numbers.format(params[i]));
        }
      } else {
        params[i] = p.defaultValue().getAsDouble();
      }
    }
    StringBuilder key = new StringBuilder(name).append('(');
    boolean showSeries = sig.series() == SeriesMode.REQUIRED
        || sig.series() == SeriesMode.OPTIONAL && !series.canonical().equals("close");
    if (showSeries) {
      key.append(series.canonical());
    }
    for (int i = 0; i < params.length; i++) {
      if (i > 0 || showSeries) {
        key.append(',');
      }
      key.append(Numbers.format(params[i]));
    }
    String callKey = key.append(')').toString();
    Indicator probe = probe(src, c, callKey, factory, series, params);
    int output = 0;
    String canonical = callKey;
    if (c.output() != null) {
      output = outputIndex(probe.outputs(), c.output());
      if (output < 0) {
        throw new FeatureExpressionException(src, c.outputPos(), callKey + " has no output '" + c.output()
            + "'; its outputs are " + String.join(", ", probe.outputs()));
      }
      if (output > 0) {
        canonical = callKey + "." + probe.outputs().get(output).toLowerCase(Locale.ROOT);
      }
    }
    return new Expr.Call(callKey, factory, series, params, output, canonical);
  }

  private Indicator probe(String src, Ast.Call c, String callKey, IndicatorFactory factory, Expr series, double[] params) {
    Indicator probe = probes.get(callKey);
    if (probe != null) {
      return probe;
    }
    Input in = series instanceof Expr.Field ? ((Expr.Field) series).input() : new ProbeInput(series.canonical());
    try {
      probe = factory.create(in, params.clone());
    } catch (IllegalArgumentException | AitraderException e) {
      throw new FeatureExpressionException(src, c.pos(), callKey + ": " + e.getMessage());
    }
    if (probe == null || probe.outputs().isEmpty()) {
      throw new IllegalStateException("the factory of '" + c.name() + "' returned " + (probe == null ? "null" : "an indicator without outputs"));
    }
    probes.put(callKey, probe);
    return probe;
  }

  private static int outputIndex(List<String> outputs, String wanted) {
    for (int i = 0; i < outputs.size(); i++) {
      if (outputs.get(i).toLowerCase(Locale.ROOT).equals(wanted)) {
        return i;
      }
    }
    return -1;
  }

  /** A literal number, possibly negated: {@code 14}, {@code -2}. */
  private static boolean isNumber(Ast a) {
    return a instanceof Ast.Num || a instanceof Ast.Neg && isNumber(((Ast.Neg) a).operand());
  }

  private static double numberOf(Ast a) {
    return a instanceof Ast.Num ? ((Ast.Num) a).value() : -numberOf(((Ast.Neg) a).operand());
  }

  /** Stands in for a computed series while probing a factory. */
  private static final class ProbeInput implements Input {
    private final String name;

    ProbeInput(String name) {
      this.name = name;
    }

    @Override
    public double next(io.aitrader.api.market.BarView bar) {
      return Double.NaN;
    }

    @Override
    public String name() {
      return name;
    }
  }
}
