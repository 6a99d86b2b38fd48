package io.aitrader.groww.fake.wire;

import static io.aitrader.api.ValidationException.check;

/**
 * One level of a market-depth message: a map entry {@code level → BookProto{price, qty}}. Immutable.
 *
 * @param level    the map key, 1 (best) .. 5 as documented
 * @param price    rupees
 * @param quantity quantity at that price
 */
public record DepthLevel(int level, double price, double quantity) {
  /** Validates the level. */
  public DepthLevel {
    check(level >= 0, "DepthLevel.level", "must be >= 0", level);
  }
}
