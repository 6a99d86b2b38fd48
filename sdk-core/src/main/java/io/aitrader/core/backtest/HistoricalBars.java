package io.aitrader.core.backtest;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.time.TradingSession;
import java.util.List;

/**
 * Where a backtest's bars come from: a market store ({@link #fromStore}), candle CSV files ({@link #fromCsv}), the
 * synthetic market ({@link #synthetic}) or bars in memory ({@link #inMemory}). The engine asks for one instrument's
 * bars of one session at a time, in date order.
 *
 * <p>Implementations must be safe to call from several threads at once (a parameter sweep runs backtests in
 * parallel over the same data) and must return the same bars for the same question every time.
 */
public interface HistoricalBars {

  /**
   * The complete bars of {@code instrument} at {@code interval} whose open time lies inside the session
   * ({@code [openMillis, closeMillis)}), in open-time order; empty when there are none.
   */
  List<Bar> bars(Instrument instrument, BarInterval interval, TradingSession session);

  /** One line for reports and the terminal, e.g. {@code synthetic market (seed 42)}. */
  String description();

  /** Bars held in memory (a list per instrument and interval, any dates). */
  static HistoricalBars inMemory(List<Bar> bars, String description) {
    return InMemoryBars.of(bars, description);
  }

  /** Bars read from a {@link io.aitrader.api.market.MarketStore}. */
  static HistoricalBars fromStore(io.aitrader.api.market.MarketStore store, String description) {
    return new StoreBars(store, description);
  }
}
