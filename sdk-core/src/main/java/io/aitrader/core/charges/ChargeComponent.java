package io.aitrader.core.charges;

/** One line of a contract note that a rates file gives a rate for. Brokerage is not here: brokers set it. */
enum ChargeComponent {
  STT,
  EXCHANGE,
  SEBI,
  STAMP,
  IPFT,
  GST,
  DP_DEPOSITORY,
  DP_BROKER;

  /** Whether trades of {@code kind} pay this component, so that a rates file must give it a rate. */
  boolean appliesTo(TradeKind kind) {
    return !isDp() || kind == TradeKind.EQUITY_DELIVERY;
  }

  /** The depository charges: flat amounts per scrip per day. */
  boolean isDp() {
    return this == DP_DEPOSITORY || this == DP_BROKER;
  }
}
