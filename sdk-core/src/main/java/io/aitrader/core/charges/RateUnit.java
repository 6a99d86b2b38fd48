package io.aitrader.core.charges;

/** How a rates file's {@code rate} is read. */
enum RateUnit {
  /** Percent of the fill's value (of the premium for options). */
  PCT,
  /** Rupees per crore (₹1,00,00,000) of the fill's value. */
  PER_CRORE,
  /** A flat number of rupees (per scrip per day, DP charges). */
  RUPEES
}
