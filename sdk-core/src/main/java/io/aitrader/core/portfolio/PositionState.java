package io.aitrader.core.portfolio;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.money.Money;
import io.aitrader.api.order.Product;
import io.aitrader.api.portfolio.Position;
import org.jspecify.annotations.Nullable;

/** The mutable primitive state of one position; owned by {@link DefaultPortfolioService} under its lock. */
final class PositionState {
  final Instrument instrument;
  final Product product;
  long quantity;
  long costUnits;
  long realizedUnits;
  private @Nullable Position last;

  PositionState(Instrument instrument, Product product) {
    this.instrument = instrument;
    this.product = product;
  }

  /** {@code mark × quantity − cost basis}, or 0 when there is no mark ({@code markUnits ≤ 0}). */
  long unrealizedUnits(long markUnits) {
    return markUnits <= 0 ? 0 : Math.subtractExact(Math.multiplyExact(markUnits, quantity), costUnits);
  }

  /**
   * The position as an immutable value. The last one made is kept and handed out again while quantity, cost and
   * realized PnL are unchanged (a strategy asks for its position far more often than fills change it).
   */
  Position toPosition() {
    Position p = last;
    if (p == null || p.netQuantity() != quantity || p.costBasis().units() != costUnits
        || p.realizedPnl().units() != realizedUnits) {
      p = new Position(instrument, product, quantity, Money.ofUnits(costUnits), Money.ofUnits(realizedUnits));
      last = p;
    }
    return p;
  }
}
