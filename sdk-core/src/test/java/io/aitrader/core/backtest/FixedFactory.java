package io.aitrader.core.backtest;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.strategy.Strategy;
import io.aitrader.core.strategy.StrategyFactory;
import io.aitrader.core.strategy.StrategyParameters;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/** A test factory: no parameters, a strategy from a supplier. */
record FixedFactory(String id, Supplier<Strategy> strategy) implements StrategyFactory {
  @Override
  public String description() {
    return "test strategy " + id;
  }

  @Override
  public SortedMap<String, String> defaults() {
    return Collections.unmodifiableSortedMap(new TreeMap<>());
  }

  @Override
  public Strategy create(StrategyParameters parameters, List<Instrument> instruments, BarInterval interval) {
    return strategy.get();
  }
}
