/**
 * Pre-trade risk checks: limits per account and per strategy ({@link io.aitrader.core.risk.RiskLimits},
 * {@link io.aitrader.core.risk.RiskProfiles}), the {@link io.aitrader.core.risk.RiskEngine} that checks each order
 * against them (order value, position, gross and net exposure, open orders, daily loss with a kill switch, the
 * intraday cut-off and the orders-per-second throttle) and publishes every result, and
 * {@link io.aitrader.core.risk.MisSquareOff}, which flattens intraday positions before the exchange cut-off.
 *
 * <p>The engine reads the account through {@link io.aitrader.core.risk.RiskView}, which the wiring adapts from the
 * portfolio and order services; nothing here reads the wall clock.
 */
@NullMarked
package io.aitrader.core.risk;

import org.jspecify.annotations.NullMarked;
