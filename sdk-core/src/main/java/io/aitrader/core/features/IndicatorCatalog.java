package io.aitrader.core.features;

import io.aitrader.api.feature.FeatureExpressionException;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The names a feature expression may call: indicator name → {@link IndicatorFactory}, plus aliases (a name
 * standing for a whole expression, e.g. {@code vwap_dist} → {@code vwap().distance}). Immutable and thread-safe.
 *
 * <pre>{@code
 * IndicatorCatalog catalog = IndicatorCatalog.builder()
 *     .register("ema", IndicatorFactory.seriesAndInts(1, (in, p) -> Ema.of(in, p[0])))
 *     .register("rsi", IndicatorFactory.seriesAndInts(1, (in, p) -> Rsi.of(in, p[0])))
 *     .alias("trend", "ema(20)/ema(50) - 1")
 *     .build();
 * catalog.canonical("EMA( close , 20 )");   // "ema(20)"
 * }</pre>
 *
 * <p>Every builder starts with the built-ins: the function {@code ret(series?, period)} (the return over
 * {@code period} bars, {@code x / x[period] - 1}) and the alias {@code vwap_dist} = {@code vwap().distance} (usable
 * once a {@code vwap} indicator with a {@code distance} output is registered). Both may be replaced by registering
 * the same name. Names are lower-case identifiers ({@code [a-z_][a-z0-9_]*}); expressions are case-insensitive.
 */
public final class IndicatorCatalog {
  /** The built-in alias name for the distance from VWAP. */
  public static final String VWAP_DIST = "vwap_dist";
  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

  private final SortedMap<String, IndicatorFactory> functions;
  private final SortedMap<String, String> aliases;
  private final SortedSet<String> known;

  private IndicatorCatalog(Builder b) {
    this.functions = Collections.unmodifiableSortedMap(new TreeMap<>(b.functions));
    this.aliases = Collections.unmodifiableSortedMap(new TreeMap<>(b.aliases));
    SortedSet<String> k = new TreeSet<>(functions.keySet());
    k.addAll(aliases.keySet());
    k.addAll(Pipeline.FIELD_NAMES);
    this.known = Collections.unmodifiableSortedSet(k);
  }

  /** A builder holding the built-ins ({@code ret}, {@code vwap_dist}). */
  public static Builder builder() {
    return new Builder();
  }

  /** A catalog with only the built-ins. */
  public static IndicatorCatalog builtIns() {
    return builder().build();
  }

  /** The factory registered as {@code name} (lower case). */
  public Optional<IndicatorFactory> factory(String name) {
    return Optional.ofNullable(functions.get(name));
  }

  /** The expression the alias {@code name} stands for. */
  public Optional<String> aliasTarget(String name) {
    return Optional.ofNullable(aliases.get(name));
  }

  /** The function names, sorted. */
  public Set<String> functionNames() {
    return functions.keySet();
  }

  /** The aliases (name → expression), sorted by name. */
  public Map<String, String> aliases() {
    return aliases;
  }

  /**
   * The canonical form of {@code expression}: the name under which it is computed and published, e.g.
   * {@code "EMA( close , 20 )"} → {@code "ema(20)"}. Fails with {@link FeatureExpressionException} when invalid.
   */
  public String canonical(String expression) {
    return new Resolver(this).resolve(expression).canonical();
  }

  String unknownName(String name) {
    List<String> close = Problems.closest(name, known);
    if (!close.isEmpty()) {
      String list = close.size() == 1 ? close.get(0)
          : String.join(", ", close.subList(0, close.size() - 1)) + " or " + close.get(close.size() - 1);
      return "unknown name '" + name + "'; did you mean " + list + "?";
    }
    return "unknown name '" + name + "'; known names are " + String.join(", ", known);
  }

  @Override
  public String toString() {
    return "IndicatorCatalog" + functions.keySet() + " aliases " + aliases;
  }

  /** Collects registrations; not thread-safe. */
  public static final class Builder {
    private final Map<String, IndicatorFactory> functions = new TreeMap<>();
    private final Map<String, String> aliases = new TreeMap<>();
    private final Set<String> builtIns = new HashSet<>();

    private Builder() {
      functions.put("ret", ReturnIndicator.FACTORY);
      aliases.put(VWAP_DIST, "vwap().distance");
      builtIns.add("ret");
      builtIns.add(VWAP_DIST);
    }

    /**
     * Registers {@code factory} as {@code name}. Fails with {@link IllegalArgumentException} when the name is not a
     * lower-case identifier, is a bar field, or is already registered (built-ins may be replaced once).
     */
    public Builder register(String name, IndicatorFactory factory) {
      claim(name);
      if (factory == null) {
        throw new IllegalArgumentException("factory of '" + name + "' is required");
      }
      functions.put(name, factory);
      return this;
    }

    /**
     * Registers {@code name} as an alias of {@code expression}, which is parsed now (a syntax error fails here
     * with {@link FeatureExpressionException}) and resolved where the alias is used: {@code vwap_dist} in an
     * expression is exactly {@code vwap().distance}, with the same canonical name.
     */
    public Builder alias(String name, String expression) {
      claim(name);
      Parser.parse(expression);
      aliases.put(name, expression.trim());
      return this;
    }

    private void claim(String name) {
      if (name == null || !NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("an indicator or alias name must match [a-z_][a-z0-9_]*, was '" + name + "'");
      }
      if (Pipeline.fieldIndex(name) >= 0) {
        throw new IllegalArgumentException("'" + name + "' is a bar field and cannot be registered");
      }
      if (builtIns.remove(name)) {
        functions.remove(name);
        aliases.remove(name);
      } else if (functions.containsKey(name) || aliases.containsKey(name)) {
        throw new IllegalArgumentException("'" + name + "' is already registered");
      }
    }

    public IndicatorCatalog build() {
      return new IndicatorCatalog(this);
    }
  }
}
