package io.aitrader.core.features;

import io.aitrader.core.indicators.Indicator;
import io.aitrader.core.indicators.Input;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Builds an {@link Indicator} for a call in a feature expression, e.g. {@code ema(close, 20)}: declares what the
 * call accepts (its {@link Signature}: an optional or required series, then numeric parameters with optional
 * defaults) and creates the indicator from the parsed arguments. The expression compiler checks the arguments
 * against the signature (count, integer parameters) and reports mistakes with the expression and position, e.g.
 * {@code "rsi expects (series?, period) but got 3 arguments"}; {@link #create} then only sees valid arguments.
 *
 * <p>Registration is one line per indicator:
 * <pre>{@code
 * IndicatorCatalog.builder()
 *     .register("ema", IndicatorFactory.seriesAndInts(1, (in, p) -> Ema.of(in, p[0])))
 *     .register("atr", IndicatorFactory.ints(1, p -> Atr.of(p[0])))
 *     .register("bb", IndicatorFactory.of("series?, period:int=20, k=2", (in, p) -> BollingerBands.of(in, (int) p[0], p[1])))
 *     .register("macd", IndicatorFactory.of("series?, fast:int=12, slow:int=26, signal:int=9",
 *             (in, p) -> Macd.of(in, (int) p[0], (int) p[1], (int) p[2]))
 *         .validatedBy(p -> { if (p[0] >= p[1]) throw new IllegalArgumentException("fast must be < slow"); }))
 *     .build();
 * }</pre>
 *
 * <p>Factories are called when features are defined and when a new instrument or interval is first seen, never
 * per bar. They must be stateless and thread-safe; each call returns a new, independent indicator.
 */
public interface IndicatorFactory {

  /** What the call accepts. */
  Signature signature();

  /**
   * A new indicator.
   *
   * @param series the series argument; {@link Input#CLOSE} when the signature's series is optional and was
   *               omitted, and when the signature takes no series (then it is to be ignored)
   * @param params one value per {@link Signature#params()} in order, defaults filled in; integer parameters hold
   *               integers {@code >= 1}
   * @throws IllegalArgumentException (or a {@link io.aitrader.api.ValidationException}) when the arguments do not
   *                                  make sense together; reported as an invalid expression with this message
   */
  Indicator create(Input series, double[] params);

  /**
   * This factory with an extra check of the parameter values (defaults filled in), run before {@link #create}.
   * The check throws {@link IllegalArgumentException} (or a {@link io.aitrader.api.ValidationException}) with a
   * message saying what is wrong, e.g. {@code "fast must be < slow"}.
   */
  default IndicatorFactory validatedBy(ParamCheck check) {
    IndicatorFactory self = this;
    return new IndicatorFactory() {
      @Override
      public Signature signature() {
        return self.signature();
      }

      @Override
      public Indicator create(Input series, double[] params) {
        check.check(params.clone());
        return self.create(series, params);
      }
    };
  }

  /**
   * An indicator of an optional series (default {@code close}) and {@code count} integer parameters {@code >= 1},
   * all required; named {@code period} when there is one, {@code period1}, {@code period2}, … otherwise.
   */
  static IndicatorFactory seriesAndInts(int count, SeriesInts create) {
    return of(Signature.of(SeriesMode.OPTIONAL, intParams(count)), (in, p) -> create.create(in, toInts(p)));
  }

  /** An indicator computed from whole bars (no series argument) with {@code count} integer parameters {@code >= 1}. */
  static IndicatorFactory ints(int count, Ints create) {
    return of(Signature.of(SeriesMode.NONE, intParams(count)), (in, p) -> create.create(toInts(p)));
  }

  /**
   * An indicator with the signature {@code signature} (see {@link Signature#parse}), e.g.
   * {@code "series?, period:int=20, k=2"}.
   */
  static IndicatorFactory of(String signature, Creator create) {
    return of(Signature.parse(signature), create);
  }

  /** An indicator with the given signature. */
  static IndicatorFactory of(Signature signature, Creator create) {
    return new IndicatorFactory() {
      @Override
      public Signature signature() {
        return signature;
      }

      @Override
      public Indicator create(Input series, double[] params) {
        return create.create(series, params);
      }

      @Override
      public String toString() {
        return "IndicatorFactory(" + signature + ")";
      }
    };
  }

  private static List<Param> intParams(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, was " + count);
    }
    List<Param> ps = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ps.add(new Param(count == 1 ? "period" : "period" + (i + 1), true, OptionalDouble.empty()));
    }
    return ps;
  }

  private static int[] toInts(double[] p) {
    int[] r = new int[p.length];
    for (int i = 0; i < p.length; i++) {
      r[i] = (int) p[i];
    }
    return r;
  }

  /** Creates an indicator from a series and integer parameters. */
  @FunctionalInterface
  interface SeriesInts {
    Indicator create(Input series, int[] params);
  }

  /** Creates a bar-based indicator from integer parameters. */
  @FunctionalInterface
  interface Ints {
    Indicator create(int[] params);
  }

  /** Creates an indicator from a series and numeric parameters. */
  @FunctionalInterface
  interface Creator {
    Indicator create(Input series, double[] params);
  }

  /** Checks parameter values; throws {@link IllegalArgumentException} with the problem. */
  @FunctionalInterface
  interface ParamCheck {
    void check(double[] params);
  }

  /** Whether a call takes a series as its first argument. */
  enum SeriesMode {
    /** No series: the indicator reads whole bars (ATR, ADX, VWAP). */
    NONE,
    /** An optional series, {@code close} when omitted: {@code ema(20)} is {@code ema(close, 20)}. */
    OPTIONAL,
    /** A required series. */
    REQUIRED
  }

  /**
   * A numeric parameter: its name (used in messages), whether it must be an integer {@code >= 1} (periods), and
   * its default when it may be omitted.
   */
  record Param(String name, boolean integer, OptionalDouble defaultValue) {
    public Param {
      if (name == null || !name.matches("[a-z_][a-z0-9_]*")) {
        throw new IllegalArgumentException("Param.name must be a lower-case identifier, was " + name);
      }
      if (defaultValue == null) {
        throw new IllegalArgumentException("Param.defaultValue is required (OptionalDouble.empty() for none)");
      }
      if (defaultValue.isPresent()) {
        double d = defaultValue.getAsDouble();
        if (!Double.isFinite(d) || integer && (d != Math.rint(d) || d < 1 || d > Integer.MAX_VALUE)) {
          throw new IllegalArgumentException("Param.defaultValue of " + name + " must be "
              + (integer ? "an integer >= 1" : "finite") + ", was " + d);
        }
      }
    }

    /** {@code period}, {@code k=2}. */
    @Override
    public String toString() {
      return defaultValue.isPresent() ? name + "=" + Numbers.format(defaultValue.getAsDouble()) : name;
    }
  }

  /**
   * The arguments a call accepts: a series (none, optional or required) followed by parameters; parameters with
   * defaults may be omitted from the right. Rendered like {@code series?, fast=12, slow=26, signal=9}.
   */
  record Signature(SeriesMode series, List<Param> params) {
    public Signature {
      if (series == null || params == null) {
        throw new IllegalArgumentException("Signature.series and Signature.params are required");
      }
      params = List.copyOf(params);
      boolean defaults = false;
      for (Param p : params) {
        if (defaults && p.defaultValue().isEmpty()) {
          throw new IllegalArgumentException("Signature.params: '" + p.name()
              + "' has no default but follows a parameter with one; defaults must come last");
        }
        defaults |= p.defaultValue().isPresent();
      }
    }

    public static Signature of(SeriesMode series, List<Param> params) {
      return new Signature(series, params);
    }

    /**
     * Parses {@code "series?, period:int"}: an optional first item {@code series?} (optional, default close) or
     * {@code series} (required), then parameters {@code name[:int|:num][=default]} ({@code int} = integer
     * {@code >= 1}; {@code num}, the default type, = any finite number). An empty string declares no arguments.
     */
    public static Signature parse(String spec) {
      SeriesMode mode = SeriesMode.NONE;
      List<Param> params = new ArrayList<>();
      String s = spec.trim();
      if (!s.isEmpty()) {
        String[] items = s.split(",", -1);
        for (int i = 0; i < items.length; i++) {
          String item = items[i].trim().toLowerCase(Locale.ROOT);
          if (i == 0 && (item.equals("series?") || item.equals("series"))) {
            mode = item.endsWith("?") ? SeriesMode.OPTIONAL : SeriesMode.REQUIRED;
            continue;
          }
          params.add(parseParam(item, spec));
        }
      }
      return new Signature(mode, params);
    }

    private static Param parseParam(String item, String spec) {
      String def = null;
      int eq = item.indexOf('=');
      String head = item;
      if (eq >= 0) {
        def = item.substring(eq + 1).trim();
        head = item.substring(0, eq).trim();
      }
      boolean integer = false;
      int colon = head.indexOf(':');
      String name = head;
      if (colon >= 0) {
        String type = head.substring(colon + 1).trim();
        name = head.substring(0, colon).trim();
        if (type.equals("int")) {
          integer = true;
        } else if (!type.equals("num")) {
          throw new IllegalArgumentException("signature '" + spec + "': type of '" + name + "' must be int or num, was '" + type + "'");
        }
      }
      OptionalDouble d = OptionalDouble.empty();
      if (def != null) {
        try {
          d = OptionalDouble.of(Double.parseDouble(def));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("signature '" + spec + "': default of '" + name + "' must be a number, was '" + def + "'", e);
        }
      }
      return new Param(name, integer, d);
    }

    /** The number of parameters that must be given. */
    public int requiredParams() {
      int n = 0;
      for (Param p : params) {
        if (p.defaultValue().isEmpty()) {
          n++;
        }
      }
      return n;
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder();
      if (series != SeriesMode.NONE) {
        sb.append(series == SeriesMode.OPTIONAL ? "series?" : "series");
      }
      for (Param p : params) {
        if (sb.length() > 0) {
          sb.append(", ");
        }
        sb.append(p);
      }
      return sb.toString();
    }
  }
}
