package io.aitrader.core.backtest.results;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.money.Money;
import io.aitrader.api.portfolio.Charges;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The headline numbers of a backtest. Money is exact; ratios are {@code double} fractions (0.05 = 5 %). A number
 * that is undefined for the run (no trades, no losing trade, zero volatility, no drawdown, …) is an empty
 * {@link OptionalDouble} / {@link Optional} here and {@code null} in {@code result.json}; it is never NaN or
 * infinite. Definitions: {@code docs/backtest-results.md}.
 *
 * <p>"Daily returns" are taken from the last equity point of each IST date, the first day relative to the
 * starting cash; annualization uses 252 sessions a year and a risk-free rate of 0.
 *
 * <p>Immutable and thread-safe.
 *
 * @param startingEquity             the starting cash
 * @param endingEquity               equity at the last point (the starting cash when there is none)
 * @param totalReturn                {@code ending / starting − 1}; empty when starting ≤ 0
 * @param annualizedReturn           {@code (ending / starting)^(252 / tradingDays) − 1}; −1 when ending ≤ 0; empty
 *                                   when there are no trading days or starting ≤ 0
 * @param annualizedVolatility       sample standard deviation of daily returns × √252; empty with fewer than two
 *                                   daily returns
 * @param sharpe                     mean / sample stdev of daily returns × √252 (risk-free 0); empty with fewer than
 *                                   two daily returns or when they are all equal
 * @param sortino                    mean / downside deviation of daily returns × √252, downside deviation
 *                                   {@code √(Σ min(r, 0)² / n)} over all days; empty with fewer than two daily
 *                                   returns or no negative one
 * @param calmar                     annualized return / max drawdown; empty when either is undefined or zero drawdown
 * @param maxDrawdown                largest fall below the running peak of equity, as a fraction of that peak
 *                                   (0 when never below it); the running peak starts at the starting cash
 * @param maxDrawdownMoney           largest fall below the running peak, in money (may be another episode)
 * @param maxDrawdownDurationMillis  the longest time spent below a previous peak: from the last point at the peak
 *                                   to the first point back at or above it, or to the last point if never recovered
 * @param maxDrawdownDurationStartMillis when that longest period started (the peak's time); empty when never below
 * @param maxDrawdownDurationEndMillis   when it ended: the recovery time, or the last point's time if not recovered
 * @param maxDrawdownRecovered       whether the longest period ended with a recovery (true when there was none)
 * @param tradingDays                IST dates with at least one equity point
 * @param sessions                   sessions the engine ran ({@code BacktestRun.sessions()})
 * @param trades                     closed round trips
 * @param winningTrades              closed trades with net PnL > 0
 * @param losingTrades               closed trades with net PnL < 0
 * @param winRate                    winning / all closed trades; empty without trades
 * @param profitFactor               Σ net PnL of winners / |Σ net PnL of losers|; empty without a losing trade
 * @param averageWin                 mean net PnL of winners (half-even to ₹0.0001); empty without winners
 * @param averageLoss                mean net PnL of losers, negative; empty without losers
 * @param expectancy                 mean net PnL per closed trade; empty without trades
 * @param exposure                   fraction of equity points with gross exposure > 0; empty without points
 * @param averageGrossExposure       mean gross exposure over all points (flat ones count as 0)
 * @param turnover                   traded value / mean equity; empty without points or when mean equity ≤ 0
 * @param tradedValue                Σ |price × quantity| over all fills
 * @param grossPnl                   PnL before charges: {@code ending − starting + charges}
 * @param charges                    Σ charges of all fills
 * @param chargeItems                the same charges item by item (brokerage, STT, …)
 * @param chargesShareOfGross        charges / |gross PnL|; empty when gross PnL is 0
 * @param netPnl                     {@code ending − starting}
 */
public record Metrics(
    Money startingEquity,
    Money endingEquity,
    OptionalDouble totalReturn,
    OptionalDouble annualizedReturn,
    OptionalDouble annualizedVolatility,
    OptionalDouble sharpe,
    OptionalDouble sortino,
    OptionalDouble calmar,
    double maxDrawdown,
    Money maxDrawdownMoney,
    long maxDrawdownDurationMillis,
    OptionalLong maxDrawdownDurationStartMillis,
    OptionalLong maxDrawdownDurationEndMillis,
    boolean maxDrawdownRecovered,
    int tradingDays,
    int sessions,
    int trades,
    int winningTrades,
    int losingTrades,
    OptionalDouble winRate,
    OptionalDouble profitFactor,
    Optional<Money> averageWin,
    Optional<Money> averageLoss,
    Optional<Money> expectancy,
    OptionalDouble exposure,
    Money averageGrossExposure,
    OptionalDouble turnover,
    Money tradedValue,
    Money grossPnl,
    Money charges,
    Charges chargeItems,
    OptionalDouble chargesShareOfGross,
    Money netPnl) {

  /** Validates every component; see the type's rules. */
  public Metrics {
    required(startingEquity, "Metrics.startingEquity");
    required(endingEquity, "Metrics.endingEquity");
    finite(totalReturn, "Metrics.totalReturn");
    finite(annualizedReturn, "Metrics.annualizedReturn");
    finite(annualizedVolatility, "Metrics.annualizedVolatility");
    finite(sharpe, "Metrics.sharpe");
    finite(sortino, "Metrics.sortino");
    finite(calmar, "Metrics.calmar");
    check(maxDrawdown >= 0 && Double.isFinite(maxDrawdown), "Metrics.maxDrawdown", "must be finite and >= 0",
        maxDrawdown);
    required(maxDrawdownMoney, "Metrics.maxDrawdownMoney");
    check(maxDrawdownDurationMillis >= 0, "Metrics.maxDrawdownDurationMillis", "must be >= 0",
        maxDrawdownDurationMillis);
    required(maxDrawdownDurationStartMillis, "Metrics.maxDrawdownDurationStartMillis");
    required(maxDrawdownDurationEndMillis, "Metrics.maxDrawdownDurationEndMillis");
    check(trades >= 0 && winningTrades >= 0 && losingTrades >= 0 && winningTrades + losingTrades <= trades,
        "Metrics.trades", "must be >= winningTrades + losingTrades " + winningTrades + " + " + losingTrades, trades);
    finite(winRate, "Metrics.winRate");
    finite(profitFactor, "Metrics.profitFactor");
    required(averageWin, "Metrics.averageWin");
    required(averageLoss, "Metrics.averageLoss");
    required(expectancy, "Metrics.expectancy");
    finite(exposure, "Metrics.exposure");
    required(averageGrossExposure, "Metrics.averageGrossExposure");
    finite(turnover, "Metrics.turnover");
    required(tradedValue, "Metrics.tradedValue");
    required(grossPnl, "Metrics.grossPnl");
    required(charges, "Metrics.charges");
    required(chargeItems, "Metrics.chargeItems");
    finite(chargesShareOfGross, "Metrics.chargesShareOfGross");
    required(netPnl, "Metrics.netPnl");
  }

  private static void finite(OptionalDouble v, String field) {
    required(v, field);
    if (v.isPresent()) {
      check(Double.isFinite(v.getAsDouble()), field, "must be finite (empty when undefined)", v.getAsDouble());
    }
  }
}
