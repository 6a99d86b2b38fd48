package io.aitrader.core.indicators;

import io.aitrader.api.market.BarView;
import io.aitrader.api.money.Price;

/** A bar field as a number of rupees (prices) or units (volume). */
final class FieldInput implements Input {
  private static final double UNITS = Price.UNITS_PER_RUPEE;
  private final String name;
  private final int which;

  FieldInput(String name, int which) {
    this.name = name;
    this.which = which;
  }

  @Override
  public double next(BarView b) {
    switch (which) {
      case 0: return b.open() / UNITS;
      case 1: return b.high() / UNITS;
      case 2: return b.low() / UNITS;
      case 3: return b.close() / UNITS;
      case 4: return b.volume();
      case 5: return (b.high() + b.low()) / 2.0 / UNITS;
      default: return (b.high() + b.low() + b.close()) / 3.0 / UNITS;
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String toString() {
    return name;
  }
}
