package io.aitrader.core.strategy;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.strategy.Strategy;
import io.aitrader.core.signals.DefaultSignalService;
import java.util.List;
import java.util.SortedMap;

/**
 * Makes a {@link Strategy} from its parameters, so a runtime (backtest, walk-forward, sweep, paper, live) can run
 * a strategy chosen by id and parameters. Register custom ones in a {@link StrategyCatalog}.
 *
 * <pre>{@code
 * StrategyFactory f = StrategyCatalog.standard().find("ema-cross");
 * StrategyParameters p = StrategyParameters.resolve(f.id(), f.defaults(), Map.of("fast", "9", "slow", "21"));
 * Strategy s = f.create(p, instruments, BarInterval.M5);
 * }</pre>
 *
 * <p>{@link #create} is called once per run and must return a fresh strategy (runs may go in parallel).
 */
public interface StrategyFactory {

  /** The strategy id (see {@link io.aitrader.api.Identifiers#STRATEGY_ID}), e.g. {@code ema-cross}. */
  String id();

  /** One line for listings: what it trades and how. */
  String description();

  /** Every parameter with its default value, as text. */
  SortedMap<String, String> defaults();

  /** A new strategy trading {@code instruments} on {@code interval} bars. Bad parameters: a ValidationException. */
  Strategy create(StrategyParameters parameters, List<Instrument> instruments, BarInterval interval);

  /** Registers what the strategy needs in the Signal service (rules, models), before it starts. Default: nothing. */
  default void wire(Strategy strategy, DefaultSignalService signals) {}

  /**
   * The version of the model {@code strategy} (made by {@link #create}) scores with, recorded in a backtest's
   * fingerprint, or {@code none}.
   */
  default String modelVersion(Strategy strategy) {
    return "none";
  }
}
