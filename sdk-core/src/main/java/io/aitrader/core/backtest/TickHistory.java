package io.aitrader.core.backtest;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.market.MarketStore;
import io.aitrader.api.market.Tick;
import io.aitrader.api.time.MarketCalendar;
import io.aitrader.api.time.TradingSession;
import io.aitrader.core.bars.TimeBarAggregator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Bars made from a market store's ticks: each session's ticks of an instrument go through the same session-aligned
 * {@link TimeBarAggregator} as live ingestion, and the complete bars come out. Bars are only as good as the ticks:
 * a minute without a tick has no bar.
 */
final class TickHistory implements HistoricalBars {
  private final MarketStore store;
  private final MarketCalendar calendar;
  private final String description;

  TickHistory(MarketStore store, MarketCalendar calendar, String description) {
    this.store = store;
    this.calendar = calendar;
    this.description = description;
  }

  @Override
  public List<Bar> bars(Instrument instrument, BarInterval interval, TradingSession session) {
    List<Tick> ticks = store.ticks(instrument, session.preOpenStartMillis(), session.closeMillis());
    if (ticks.isEmpty()) {
      return List.of();
    }
    List<Bar> out = new ArrayList<>();
    TimeBarAggregator aggregator = TimeBarAggregator.builder().calendar(calendar).intervals(EnumSet.of(interval))
        .watermarkLag(Duration.ZERO).listener(bar -> {
          if (bar.complete() && bar.openTimeMillis() >= session.openMillis()) {
            out.add(bar.toBar());
          }
        }).build();
    for (Tick t : ticks) {
      aggregator.onTick(t);
    }
    aggregator.advanceTo(session.closeMillis());
    return out;
  }

  @Override
  public String description() {
    return description + " (bars aggregated from its ticks)";
  }
}
