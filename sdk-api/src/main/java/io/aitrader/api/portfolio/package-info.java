/**
 * Positions, cash and PnL: {@link io.aitrader.api.portfolio.Position}, the immutable
 * {@link io.aitrader.api.portfolio.Portfolio} snapshot, the per-trade {@link io.aitrader.api.portfolio.Charges}
 * with the {@link io.aitrader.api.portfolio.ChargesModel} that computes them, and the
 * {@link io.aitrader.api.portfolio.PortfolioService} that applies fills and marks positions to market.
 *
 * <p>Every amount is exact ({@link io.aitrader.api.money.Money}, {@link io.aitrader.api.money.Price}); nothing is
 * a {@code double}.
 */
@NullMarked
package io.aitrader.api.portfolio;

import org.jspecify.annotations.NullMarked;
