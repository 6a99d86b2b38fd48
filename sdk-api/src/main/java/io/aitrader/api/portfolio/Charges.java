package io.aitrader.api.portfolio;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.money.Money;

/**
 * The Indian charges on one fill, itemised as a contract note shows them. Every item is ≥ 0 and exact (charges
 * are rounded to the paisa by the {@link ChargesModel}, not here).
 *
 * <pre>{@code
 * Charges c = chargesModel.chargesFor(fill);
 * c.total();     // brokerage + STT + exchange + SEBI + stamp duty + GST + DP + IPFT
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param brokerage       the broker's fee
 * @param stt             securities transaction tax (or CTT for commodities)
 * @param exchangeCharges exchange transaction charges
 * @param sebiFee         SEBI turnover fee
 * @param stampDuty       stamp duty (buy side)
 * @param gst             GST on the taxable items: brokerage, exchange charges, SEBI fee, IPFT and DP charges
 * @param dpCharges       depository charges (delivery sells)
 * @param ipft            the exchange's Investor Protection Fund Trust charge
 */
public record Charges(Money brokerage, Money stt, Money exchangeCharges, Money sebiFee, Money stampDuty, Money gst, Money dpCharges, Money ipft) {
  /** No charges at all (a zero-cost simulation). */
  public static final Charges NONE = new Charges(Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO);

  /** Validates every component; see the type's rules. */
  public Charges {
    nonNegative(brokerage, "Charges.brokerage");
    nonNegative(stt, "Charges.stt");
    nonNegative(exchangeCharges, "Charges.exchangeCharges");
    nonNegative(sebiFee, "Charges.sebiFee");
    nonNegative(stampDuty, "Charges.stampDuty");
    nonNegative(gst, "Charges.gst");
    nonNegative(dpCharges, "Charges.dpCharges");
    nonNegative(ipft, "Charges.ipft");
  }

  /** The sum of every item. */
  public Money total() {
    return brokerage.plus(stt).plus(exchangeCharges).plus(sebiFee).plus(stampDuty).plus(gst).plus(dpCharges).plus(ipft);
  }

  /** Item by item sum of two charges (e.g. a day's total). */
  public Charges plus(Charges o) {
    return new Charges(brokerage.plus(o.brokerage), stt.plus(o.stt), exchangeCharges.plus(o.exchangeCharges),
        sebiFee.plus(o.sebiFee), stampDuty.plus(o.stampDuty), gst.plus(o.gst), dpCharges.plus(o.dpCharges),
        ipft.plus(o.ipft));
  }

  private static void nonNegative(Money m, String field) {
    required(m, field);
    check(!m.isNegative(), field, "must be >= 0", m);
  }
}
