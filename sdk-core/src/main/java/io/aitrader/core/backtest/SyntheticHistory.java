package io.aitrader.core.backtest;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.time.TradingSession;
import io.aitrader.core.market.synthetic.SyntheticBars;
import java.util.List;

/** Bars generated on demand by the synthetic market; deterministic per seed, instrument and date. */
final class SyntheticHistory implements HistoricalBars {
  private final SyntheticBars generator;

  SyntheticHistory(SyntheticBars generator) {
    this.generator = generator;
  }

  @Override
  public List<Bar> bars(Instrument instrument, BarInterval interval, TradingSession session) {
    return generator.session(instrument, interval, session);
  }

  @Override
  public String description() {
    return "synthetic market (seed " + generator.seed() + ", generated, not real prices)";
  }
}
