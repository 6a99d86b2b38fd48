package io.aitrader.core.paper;

import java.util.ArrayList;

/** One instrument's market state at the paper broker: its last price and its working orders, oldest first. Guarded by the broker's lock. */
final class Book {
  /** The last traded price (tick mode) or bar close (bar mode), ₹0.0001 units; 0 before any. */
  long lastPrice;
  final ArrayList<WorkingOrder> working = new ArrayList<>(4);

  /** Drops the orders that have reached a terminal state, keeping the others in order. Allocation-free. */
  void removeTerminal() {
    int kept = 0;
    for (int i = 0, n = working.size(); i < n; i++) {
      WorkingOrder w = working.get(i);
      if (w.order.status().isActive()) {
        working.set(kept++, w);
      }
    }
    for (int i = working.size() - 1; i >= kept; i--) {
      working.remove(i);
    }
  }
}
