package io.aitrader.core.strategy;

import io.aitrader.api.NotFoundException;
import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.strategy.Strategy;
import io.aitrader.core.signals.DefaultSignalService;
import io.aitrader.core.strategy.reference.EmaCrossRsiStrategy;
import io.aitrader.core.strategy.reference.EmaCrossStrategy;
import io.aitrader.core.strategy.reference.RulesModelStrategy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Strategies by id. {@link #standard()} holds the reference strategies: {@code ema-cross} (EMA crossover),
 * {@code ema-rsi} (EMA crossover with an RSI filter, intraday) and {@code rules-model} (signal rules gating a
 * linear model score). Add your own with {@link #with}.
 *
 * <pre>{@code
 * StrategyCatalog catalog = StrategyCatalog.standard().with(new MyStrategyFactory());
 * StrategyFactory f = catalog.find("my-strategy");
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class StrategyCatalog {
  private final Map<String, StrategyFactory> factories;

  private StrategyCatalog(Map<String, StrategyFactory> factories) {
    this.factories = Collections.unmodifiableMap(factories);
  }

  /** The reference strategies. */
  public static StrategyCatalog standard() {
    Map<String, StrategyFactory> m = new LinkedHashMap<>();
    for (StrategyFactory f : List.of(new EmaCrossFactory(), new EmaRsiFactory(), new RulesModelFactory())) {
      m.put(f.id(), f);
    }
    return new StrategyCatalog(m);
  }

  /** This catalog plus {@code factory}; an id already present is refused. */
  public StrategyCatalog with(StrategyFactory factory) {
    ValidationException.required(factory, "factory");
    if (factories.containsKey(factory.id())) {
      throw new ValidationException("StrategyCatalog.id", "a strategy with id '" + factory.id() + "' is already in the catalog");
    }
    Map<String, StrategyFactory> m = new LinkedHashMap<>(factories);
    m.put(factory.id(), factory);
    return new StrategyCatalog(m);
  }

  /** The factory for {@code id}, or a NotFoundException listing the known ids. */
  public StrategyFactory find(String id) {
    StrategyFactory f = factories.get(id);
    if (f == null) {
      throw new NotFoundException("unknown strategy '" + id + "'; known strategies: " + String.join(", ", factories.keySet()));
    }
    return f;
  }

  public Collection<StrategyFactory> all() {
    return new ArrayList<>(factories.values());
  }

  private static SortedMap<String, String> map(String... kv) {
    TreeMap<String, String> m = new TreeMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return Collections.unmodifiableSortedMap(m);
  }

  private static final class EmaCrossFactory implements StrategyFactory {
    @Override
    public String id() {
      return "ema-cross";
    }

    @Override
    public String description() {
      return "EMA crossover, long only: buy when the fast EMA crosses above the slow one, sell when it crosses back";
    }

    @Override
    public SortedMap<String, String> defaults() {
      return map("fast", "12", "slow", "26", "notional", "100000", "product", "MIS");
    }

    @Override
    public Strategy create(StrategyParameters p, List<Instrument> instruments, BarInterval interval) {
      return new EmaCrossStrategy(id(), instruments, interval, p.intValue("fast"), p.intValue("slow"),
          p.longValue("notional"), p.product("product"));
    }
  }

  private static final class EmaRsiFactory implements StrategyFactory {
    @Override
    public String id() {
      return "ema-rsi";
    }

    @Override
    public String description() {
      return "EMA crossover with an RSI filter, long only, intraday (MIS), squared off the same day";
    }

    @Override
    public SortedMap<String, String> defaults() {
      return map("fast", "9", "slow", "21", "rsi", "14", "rsiMaxEntry", "70", "rsiExit", "80", "notional", "100000");
    }

    @Override
    public Strategy create(StrategyParameters p, List<Instrument> instruments, BarInterval interval) {
      return new EmaCrossRsiStrategy(id(), instruments, interval, p.intValue("fast"), p.intValue("slow"),
          p.intValue("rsi"), p.doubleValue("rsiMaxEntry"), p.doubleValue("rsiExit"), p.longValue("notional"));
    }
  }

  private static final class RulesModelFactory implements StrategyFactory {
    @Override
    public String id() {
      return "rules-model";
    }

    @Override
    public String description() {
      return "signal rules gating a linear mean-reversion model score, intraday (MIS)";
    }

    @Override
    public SortedMap<String, String> defaults() {
      return map("notional", "100000");
    }

    @Override
    public Strategy create(StrategyParameters p, List<Instrument> instruments, BarInterval interval) {
      return new RulesModelStrategy(id(), instruments, interval, p.longValue("notional"));
    }

    @Override
    public void wire(Strategy strategy, DefaultSignalService signals) {
      signals.register(((RulesModelStrategy) strategy).ruleSet());
    }

    @Override
    public String modelVersion(Strategy strategy) {
      RulesModelStrategy r = (RulesModelStrategy) strategy;
      return r.model().id() + "@" + r.model().version();
    }
  }
}
