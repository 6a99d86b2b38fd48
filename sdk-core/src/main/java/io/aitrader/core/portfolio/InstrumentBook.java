package io.aitrader.core.portfolio;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.order.Product;
import org.jspecify.annotations.Nullable;

/**
 * The positions of one instrument (one slot per product) and its last mark; owned by
 * {@link DefaultPortfolioService} under its lock. {@link #unrealizedUnits} caches this instrument's share of the
 * unrealized PnL so that a mark updates the total in O(products) without allocating.
 */
final class InstrumentBook {
  private static final Product[] PRODUCTS = Product.values();

  final Instrument instrument;
  final @Nullable PositionState[] byProduct = new PositionState[PRODUCTS.length];
  /** The last mark in ₹0.0001 units; 0 when never marked. */
  long markUnits;
  /** Σ over this instrument's positions of (mark × quantity − cost basis); 0 when never marked. */
  long unrealizedUnits;

  InstrumentBook(Instrument instrument) {
    this.instrument = instrument;
  }

  /** Recomputes {@link #unrealizedUnits} and returns its change. */
  long refreshUnrealized() {
    long total = 0;
    if (markUnits > 0) {
      for (PositionState p : byProduct) {
        if (p != null) {
          total = Math.addExact(total, p.unrealizedUnits(markUnits));
        }
      }
    }
    long delta = Math.subtractExact(total, unrealizedUnits);
    unrealizedUnits = total;
    return delta;
  }

  boolean isEmpty() {
    for (PositionState p : byProduct) {
      if (p != null) {
        return false;
      }
    }
    return true;
  }
}
