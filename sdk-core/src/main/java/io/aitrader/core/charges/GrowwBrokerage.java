package io.aitrader.core.charges;

import io.aitrader.api.money.Money;

/** {@link BrokerageSchedule#groww()}. Stateless. */
final class GrowwBrokerage implements BrokerageSchedule {
  static final GrowwBrokerage INSTANCE = new GrowwBrokerage();

  private static final Money FLAT = Money.ofRupees(20);
  private static final long MAX_UNITS = Money.ofRupees(20).units();
  private static final long MIN_UNITS = Money.ofRupees(5).units();
  /** 0.1% as a rate scaled by 10^10. */
  private static final long PERCENT_RATE = RateMath.RATE_SCALE / 1000;
  /** 2.5%, SEBI's cap on equity brokerage, scaled by 10^10. */
  private static final long CAP_RATE = RateMath.RATE_SCALE / 40;

  private GrowwBrokerage() {}

  @Override
  public Money brokerage(TradeKind kind, Money orderValue) {
    if (kind.isDerivative()) {
      return FLAT;
    }
    long value = Math.max(0, orderValue.units());
    long fee = Math.min(Math.max(RateMath.applyRate(value, PERCENT_RATE), MIN_UNITS), MAX_UNITS);
    return Money.ofUnits(Math.min(fee, RateMath.applyRate(value, CAP_RATE)));
  }

  @Override
  public String toString() {
    return "BrokerageSchedule.groww()";
  }
}
