package io.aitrader.core.charges;

import io.aitrader.api.money.Money;

/** {@link BrokerageSchedule#zero()}. Stateless. */
final class ZeroBrokerage implements BrokerageSchedule {
  static final ZeroBrokerage INSTANCE = new ZeroBrokerage();

  private ZeroBrokerage() {}

  @Override
  public Money brokerage(TradeKind kind, Money orderValue) {
    return Money.ZERO;
  }

  @Override
  public String toString() {
    return "BrokerageSchedule.zero()";
  }
}
