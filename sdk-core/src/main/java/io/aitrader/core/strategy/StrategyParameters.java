package io.aitrader.core.strategy;

import io.aitrader.api.ValidationException;
import io.aitrader.api.order.Product;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A strategy's parameters by name, as text (so they print, hash and parse the same everywhere), every one of the
 * factory's parameters present: given values over the factory's defaults. Typed reads fail with a message naming
 * the strategy, the parameter and the bad value.
 *
 * <pre>{@code
 * StrategyParameters p = StrategyParameters.resolve("ema-cross", factory.defaults(), Map.of("fast", "12"));
 * int fast = p.intValue("fast");
 * }</pre>
 */
public final class StrategyParameters {
  private final String strategyId;
  private final SortedMap<String, String> values;

  private StrategyParameters(String strategyId, SortedMap<String, String> values) {
    this.strategyId = strategyId;
    this.values = Collections.unmodifiableSortedMap(values);
  }

  /**
   * The defaults overlaid with {@code given}; a name the defaults do not know is refused, listing the known ones.
   */
  public static StrategyParameters resolve(String strategyId, Map<String, String> defaults, Map<String, String> given) {
    TreeMap<String, String> values = new TreeMap<>(defaults);
    for (Map.Entry<String, String> e : given.entrySet()) {
      if (!defaults.containsKey(e.getKey())) {
        throw new ValidationException("strategy." + strategyId + "." + e.getKey(), "strategy " + strategyId
            + " has no parameter '" + e.getKey() + "'; its parameters are " + String.join(", ", defaults.keySet()));
      }
      String v = e.getValue().trim();
      if (v.isEmpty()) {
        throw new ValidationException("strategy." + strategyId + "." + e.getKey(), "strategy " + strategyId
            + " parameter '" + e.getKey() + "' is empty; give a value, e.g. " + e.getKey() + "=" + defaults.get(e.getKey()));
      }
      values.put(e.getKey(), v);
    }
    return new StrategyParameters(strategyId, values);
  }

  /** Every parameter, sorted by name. */
  public SortedMap<String, String> values() {
    return values;
  }

  public String text(String name) {
    String v = values.get(name);
    if (v == null) {
      throw new ValidationException("strategy." + strategyId + "." + name, "strategy " + strategyId
          + " has no parameter '" + name + "'");
    }
    return v;
  }

  public int intValue(String name) {
    String v = text(name);
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw bad(name, v, "a whole number");
    }
  }

  public long longValue(String name) {
    String v = text(name);
    try {
      return Long.parseLong(v.replace("_", ""));
    } catch (NumberFormatException e) {
      throw bad(name, v, "a whole number");
    }
  }

  public double doubleValue(String name) {
    String v = text(name);
    try {
      double d = Double.parseDouble(v);
      if (!Double.isFinite(d)) {
        throw bad(name, v, "a finite number");
      }
      return d;
    } catch (NumberFormatException e) {
      throw bad(name, v, "a number");
    }
  }

  public Product product(String name) {
    String v = text(name);
    try {
      return Product.valueOf(v.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw bad(name, v, "one of " + java.util.Arrays.toString(Product.values()));
    }
  }

  private ValidationException bad(String name, String value, String expected) {
    return new ValidationException("strategy." + strategyId + "." + name, "strategy " + strategyId + " parameter '"
        + name + "' must be " + expected + ", got '" + value + "'");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StrategyParameters p && p.strategyId.equals(strategyId) && p.values.equals(values);
  }

  @Override
  public int hashCode() {
    return strategyId.hashCode() * 31 + values.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    values.forEach((k, v) -> s.append(s.length() == 0 ? "" : " ").append(k).append('=').append(v));
    return s.toString();
  }
}
