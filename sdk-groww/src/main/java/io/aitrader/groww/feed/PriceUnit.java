package io.aitrader.groww.feed;

import io.aitrader.api.money.Price;
import java.util.Optional;

/**
 * The unit of a whole-number price on Groww's wire. The order-update message carries its prices as {@code int64};
 * the protocol reference marks their unit UNCONFIRMED (paise per a decode of the official wheel, rupees per one
 * reading of the docs), so {@link FeedDecoder} takes it as an option (default {@link #PAISE}).
 */
public enum PriceUnit {
  /** ₹0.01: a wire value of 13050 is ₹130.50. */
  PAISE(100),
  /** ₹1: a wire value of 130 is ₹130.00. */
  RUPEES(Price.UNITS_PER_RUPEE);

  private final long units;

  PriceUnit(long units) {
    this.units = units;
  }

  /** How many ₹0.0001 units one wire unit is. */
  public long unitsPerWireUnit() {
    return units;
  }

  /** A wire value in ₹0.0001 units; {@link ArithmeticException} if it overflows a {@code long}. */
  public long toUnits(long wireValue) {
    return Math.multiplyExact(wireValue, units);
  }

  /**
   * Which unit makes {@code wireValue} equal a price known from elsewhere (e.g. the REST order detail, in
   * ₹0.0001 units): empty when neither does, or when both do (only for zero).
   */
  public static Optional<PriceUnit> guess(long wireValue, long knownPriceUnits) {
    boolean paise = knownPriceUnits % PAISE.units == 0 && knownPriceUnits / PAISE.units == wireValue;
    boolean rupees = knownPriceUnits % RUPEES.units == 0 && knownPriceUnits / RUPEES.units == wireValue;
    if (paise == rupees) {
      return Optional.empty();
    }
    return Optional.of(paise ? PAISE : RUPEES);
  }
}
