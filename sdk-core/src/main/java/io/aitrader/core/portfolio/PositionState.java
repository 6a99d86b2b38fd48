package io.aitrader.core.portfolio;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.money.Money;
import io.aitrader.api.order.Product;
import io.aitrader.api.portfolio.Position;

/** The mutable primitive state of one position; owned by {@link DefaultPortfolioService} under its lock. */
final class PositionState {
  final Instrument instrument;
  final Product product;
  long quantity;
  long costUnits;
  long realizedUnits;

  PositionState(Instrument instrument, Product product) {
    this.instrument = instrument;
    this.product = product;
  }

  /** {@code mark × quantity − cost basis}, or 0 when there is no mark ({@code markUnits ≤ 0}). */
  long unrealizedUnits(long markUnits) {
    return markUnits <= 0 ? 0 : Math.subtractExact(Math.multiplyExact(markUnits, quantity), costUnits);
  }

  Position toPosition() {
    return new Position(instrument, product, quantity, Money.ofUnits(costUnits), Money.ofUnits(realizedUnits));
  }
}
