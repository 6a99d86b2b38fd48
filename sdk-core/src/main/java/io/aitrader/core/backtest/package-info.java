/**
 * The Backtest service: runs a strategy over stored or generated history through the same services as live trading
 * (bus, features, signals, strategy host, risk, order service, paper broker, charges, portfolio) on a simulated
 * clock, one deterministic thread per run. {@link io.aitrader.core.backtest.Backtest} runs one configuration
 * ({@link io.aitrader.core.backtest.BacktestConfig}) and returns a {@link io.aitrader.core.backtest.BacktestRun}: its
 * {@link io.aitrader.core.backtest.RunFingerprint}, the fills with their charges and the equity sampled at every
 * bar close. Walk-forward analysis and parameter sweeps run many configurations.
 */
@NullMarked
package io.aitrader.core.backtest;

import org.jspecify.annotations.NullMarked;
