/**
 * Backtest results: turns a {@link io.aitrader.core.backtest.BacktestRun} into numbers and files.
 * {@link io.aitrader.core.backtest.results.BacktestResult#of} pairs the fills into round-trip
 * {@link io.aitrader.core.backtest.results.Trade}s ({@link io.aitrader.core.backtest.results.RoundTrips}), computes
 * the {@link io.aitrader.core.backtest.results.Metrics} and a per-instrument breakdown, and
 * {@link io.aitrader.core.backtest.results.ReportFiles#writeAll} writes {@code result.json},
 * {@code trades.csv} and a self-contained {@code report.html}.
 *
 * <pre>{@code
 * BacktestResult result = BacktestResult.of(run);
 * result.metrics().sharpe();                       // OptionalDouble: empty when undefined
 * ReportFiles files = ReportFiles.writeAll(result, Path.of("out/run-1"), List.of());
 * }</pre>
 *
 * <p>Every type here is immutable and thread-safe; the writers keep no state. The formats and the metric
 * definitions are documented in {@code docs/backtest-results.md}.
 */
@NullMarked
package io.aitrader.core.backtest.results;

import org.jspecify.annotations.NullMarked;
