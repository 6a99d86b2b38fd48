package io.aitrader.core.backtest;

import static io.aitrader.api.ValidationException.required;

import java.util.function.ToDoubleFunction;

/**
 * What a parameter search maximizes over a run: {@link #netPnl()} (ending minus starting equity, rupees) or
 * {@link #sharpe()} (annualized, from daily returns), or your own. A run with no trades scores
 * {@link Double#NEGATIVE_INFINITY} under Sharpe, so it never wins against one that traded.
 *
 * @param name  a short name for reports, e.g. {@code sharpe}
 * @param score the score of a run; larger is better; NaN counts as the worst
 */
public record Objective(String name, ToDoubleFunction<BacktestRun> score) {
  public Objective {
    required(name, "Objective.name");
    required(score, "Objective.score");
  }

  /** Net PnL in rupees: the last equity minus the starting cash. */
  public static Objective netPnl() {
    return new Objective("netPnl", run -> (run.equity().lastEquity(run.settings().startingCash()).units()
        - run.settings().startingCash().units()) / 10_000.0);
  }

  /**
   * The annualized Sharpe ratio of daily returns (each IST date's last equity against the previous date's, the first
   * against the starting cash; √252; risk-free rate 0); −∞ without any fill or with flat returns.
   */
  public static Objective sharpe() {
    return new Objective("sharpe", DailyReturns::sharpe);
  }

  /** The name by which the CLI chooses it: {@code sharpe} or {@code netPnl} (case-insensitive). */
  public static Objective named(String name) {
    return switch (name.toLowerCase(java.util.Locale.ROOT)) {
      case "sharpe" -> sharpe();
      case "netpnl", "pnl" -> netPnl();
      default -> throw new io.aitrader.api.ValidationException("objective", "unknown objective '" + name
          + "'; choose sharpe or netPnl");
    };
  }

  /** The score of {@code run}, NaN mapped to −∞. */
  public double of(BacktestRun run) {
    double s = score.applyAsDouble(run);
    return Double.isNaN(s) ? Double.NEGATIVE_INFINITY : s;
  }
}
