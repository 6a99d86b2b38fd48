package io.aitrader.core.backtest.results;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.requireText;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.money.Money;
import java.util.OptionalDouble;

/**
 * The result of one instrument in a backtest. Trade counts and PnL cover the closed round trips only (positions
 * left open are in {@link BacktestResult#openTrades()}), so {@code netPnl = grossPnl − charges}; the traded value
 * covers every fill.
 *
 * <p>Immutable and thread-safe.
 *
 * @param instrumentId the instrument's id, e.g. {@code NSE:RELIANCE}
 * @param bars         bars fed for it
 * @param trades       closed round trips
 * @param wins         of which with net PnL > 0
 * @param winRate      wins / trades; empty without trades
 * @param tradedValue  Σ |price × quantity| over all its fills
 * @param grossPnl     Σ gross PnL of its closed trades
 * @param charges      Σ charges of its closed trades
 * @param netPnl       Σ net PnL of its closed trades
 */
public record InstrumentMetrics(
    String instrumentId,
    long bars,
    int trades,
    int wins,
    OptionalDouble winRate,
    Money tradedValue,
    Money grossPnl,
    Money charges,
    Money netPnl) {

  /** Validates every component; see the type's rules. */
  public InstrumentMetrics {
    requireText(instrumentId, "InstrumentMetrics.instrumentId");
    check(bars >= 0, "InstrumentMetrics.bars", "must be >= 0 (" + instrumentId + ")", bars);
    check(trades >= 0, "InstrumentMetrics.trades", "must be >= 0 (" + instrumentId + ")", trades);
    check(wins >= 0 && wins <= trades, "InstrumentMetrics.wins", "must be in [0, trades " + trades + "]", wins);
    required(winRate, "InstrumentMetrics.winRate");
    required(tradedValue, "InstrumentMetrics.tradedValue");
    required(grossPnl, "InstrumentMetrics.grossPnl");
    required(charges, "InstrumentMetrics.charges");
    required(netPnl, "InstrumentMetrics.netPnl");
  }
}
