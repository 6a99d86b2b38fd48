package io.aitrader.connector.clickhouse;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.time.TradingSession;
import io.aitrader.core.backtest.HistoricalBars;
import java.util.List;

/**
 * The verified candles of one {@link ClickHouseSnapshot}, held in memory: a {@link HistoricalBars} for a backtest
 * (its {@link #description()} names the snapshot and its SHA-256, so reports say which data set a run used). Made
 * by {@link ClickHouseSnapshots#read}.
 *
 * <p>Threading: immutable, safe to share between parallel backtests.
 */
public final class SnapshotBars implements HistoricalBars {
  private final ClickHouseSnapshot snapshot;
  private final List<Bar> bars;
  private final HistoricalBars delegate;

  SnapshotBars(ClickHouseSnapshot snapshot, List<Bar> bars) {
    this.snapshot = snapshot;
    this.bars = bars;
    this.delegate = HistoricalBars.inMemory(bars, snapshot.describe());
  }

  /** The snapshot these candles belong to. */
  public ClickHouseSnapshot snapshot() {
    return snapshot;
  }

  /** Every candle, ordered by instrument id, then open time. */
  public List<Bar> all() {
    return bars;
  }

  @Override
  public List<Bar> bars(Instrument instrument, BarInterval interval, TradingSession session) {
    return delegate.bars(instrument, interval, session);
  }

  @Override
  public String description() {
    return snapshot.describe();
  }
}
