package io.aitrader.core.backtest;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.market.MarketStore;
import io.aitrader.api.time.TradingSession;
import java.util.List;

/** Bars from a market store: one range query per instrument and session. */
final class StoreBars implements HistoricalBars {
  private final MarketStore store;
  private final String description;

  StoreBars(MarketStore store, String description) {
    this.store = store;
    this.description = description;
  }

  @Override
  public List<Bar> bars(Instrument instrument, BarInterval interval, TradingSession session) {
    return store.bars(instrument, interval, session.openMillis(), session.closeMillis());
  }

  @Override
  public String description() {
    return description;
  }
}
