package io.aitrader.api.portfolio;

import io.aitrader.api.order.Fill;

/**
 * Computes the Indian charges of a fill — brokerage, STT/CTT, exchange transaction charges, SEBI fee, stamp duty,
 * GST and DP charges — from its product, segment, side and value. The embedded default in sdk-core follows
 * Groww's published rates; a zero model ({@code fill -> Charges.NONE}) suits tests.
 *
 * <pre>{@code
 * portfolioService.apply(fill, chargesModel.chargesFor(fill));
 * }</pre>
 *
 * <p>Threading: called on the single thread that applies fills, in fill order, so a model may keep per-day state
 * (DP charges are levied once per scrip per day). Never returns null; fails only for a fill it has no rates for
 * ({@link io.aitrader.api.ConfigurationException}).
 */
@FunctionalInterface
public interface ChargesModel {

  /** The charges of {@code fill}, each rounded to the paisa. */
  Charges chargesFor(Fill fill);
}
