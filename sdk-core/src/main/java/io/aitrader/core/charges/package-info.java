/**
 * Indian trading charges: {@link io.aitrader.core.charges.IndianChargesModel}, the embedded
 * {@link io.aitrader.api.portfolio.ChargesModel} that itemises a fill's contract-note charges (brokerage, STT,
 * exchange transaction charges, SEBI fee, stamp duty, GST, DP charges, IPFT) from dated
 * {@link io.aitrader.core.charges.ChargeRates} and a pluggable {@link io.aitrader.core.charges.BrokerageSchedule}
 * (Groww's by default). A backtest over 2023 uses 2023 rates: each rate applies from its effective date. Rates,
 * sources and rounding are documented in {@code docs/charges.md}.
 *
 * <pre>{@code
 * ChargesModel charges = IndianChargesModel.groww();            // bundled rates + Groww brokerage
 * Charges c = charges.chargesFor(fill);                         // one fill's contract-note lines
 * Money total = c.total();
 *
 * ChargesModel custom = IndianChargesModel.builder()
 *     .rates(ChargeRates.from(Path.of("my-charges.csv")))       // your own dated rates, same format
 *     .brokerage((kind, orderValue) -> Money.of("10"))          // your broker's fee per executed order
 *     .build();
 * portfolioService.apply(fill, custom.chargesFor(fill));
 * }</pre>
 */
@NullMarked
package io.aitrader.core.charges;

import org.jspecify.annotations.NullMarked;
