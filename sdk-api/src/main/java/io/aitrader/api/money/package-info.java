/**
 * Exact prices and amounts of money.
 *
 * <p><b>Representation.</b> Every price and amount is a fixed-point {@code long} counting units of
 * {@code ₹0.0001} ({@link Price#SCALE} = 4 decimal places). Four places hold every tick size traded on NSE, BSE
 * and MCX (0.01, 0.05, 0.0025, 1, ...) and keep a rupee-paise amount exact; a {@code long} holds up to
 * ₹922 trillion. Hot-path types ({@code Tick}, {@code Bar}) carry these raw {@code long}s; the {@link Price}
 * and {@link Money} records wrap them at the API's boundaries and convert to and from {@code BigDecimal}.
 * Nothing is ever stored as a {@code double}.
 */
@NullMarked
package io.aitrader.api.money;

import org.jspecify.annotations.NullMarked;
