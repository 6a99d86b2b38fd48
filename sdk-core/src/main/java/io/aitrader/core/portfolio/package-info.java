/**
 * The Portfolio service: {@link io.aitrader.core.portfolio.DefaultPortfolioService} keeps cash, blocked margin,
 * positions per instrument and product (average cost, exact to ₹0.0001), realized and unrealized PnL, charges,
 * day PnL and an {@link io.aitrader.core.portfolio.EquityCurve}; it saves and restores its state as versioned
 * text and reconciles its positions with the broker's ({@link io.aitrader.core.portfolio.PositionDifference}).
 */
@NullMarked
package io.aitrader.core.portfolio;

import org.jspecify.annotations.NullMarked;
