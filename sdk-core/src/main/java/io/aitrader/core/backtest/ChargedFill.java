package io.aitrader.core.backtest;

import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.order.Fill;
import io.aitrader.api.portfolio.Charges;

/**
 * One fill of a backtest and the charges booked for it (all eight components, exact).
 *
 * @param fill    the fill as the paper broker reported it
 * @param charges the charges the charges model computed for it ({@link Charges#NONE} when it had no rates)
 */
public record ChargedFill(Fill fill, Charges charges) {
  public ChargedFill {
    required(fill, "ChargedFill.fill");
    required(charges, "ChargedFill.charges");
  }
}
