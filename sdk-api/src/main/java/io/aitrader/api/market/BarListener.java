package io.aitrader.api.market;

/**
 * Receives bars from a {@link BarAggregator}, on the aggregator's thread. The {@link BarView} may be a reused
 * flyweight valid only during the call: call {@link BarView#toBar()} to keep it.
 */
@FunctionalInterface
public interface BarListener {
  void onBar(BarView bar);
}
