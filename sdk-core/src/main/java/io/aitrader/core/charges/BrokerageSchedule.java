package io.aitrader.core.charges;

import io.aitrader.api.money.Money;

/**
 * A broker's fee for one executed order, before GST. {@link IndianChargesModel} charges it fill by fill: each fill
 * pays {@code brokerage(kind, value of the order's fills so far) − brokerage already charged to the order}, so the
 * fills of one order add up to exactly the order's brokerage.
 *
 * <pre>{@code
 * BrokerageSchedule.groww().brokerage(TradeKind.EQUITY_DELIVERY, Money.of("25340.50")); // 20.00
 * BrokerageSchedule flat10 = (kind, orderValue) -> Money.of("10");                     // your broker
 * }</pre>
 *
 * <p>Contract: returns an amount ≥ 0 rounded to the paisa, and is non-decreasing in {@code orderValue} for a
 * given kind (otherwise partial fills add up to the largest brokerage seen along the way: nothing is refunded).
 * Implementations must be thread-safe; the bundled ones are stateless.
 */
@FunctionalInterface
public interface BrokerageSchedule {

  /** The brokerage of an executed order of {@code kind} with total value {@code orderValue} (premium for options). */
  Money brokerage(TradeKind kind, Money orderValue);

  /**
   * Groww's published schedule (groww.in help, "What is the charge for buy order (delivery)", read 2026): equity
   * delivery and intraday pay the lower of ₹20 and 0.1% of the order value, at least ₹5, and never more than
   * 2.5% of the order value (SEBI's cap); futures and options pay a flat ₹20 per executed order.
   */
  static BrokerageSchedule groww() {
    return GrowwBrokerage.INSTANCE;
  }

  /** No brokerage (a zero-brokerage plan, or to look at statutory charges alone). */
  static BrokerageSchedule zero() {
    return ZeroBrokerage.INSTANCE;
  }
}
