package io.aitrader.core.charges;

import io.aitrader.api.ConfigurationException;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentType;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.order.Product;

/**
 * What a fill is for charges purposes: the statutory rates and the brokerage differ between equity delivery,
 * equity intraday, futures and options.
 *
 * <pre>{@code
 * TradeKind.of(reliance, Product.CNC);   // EQUITY_DELIVERY
 * TradeKind.of(niftyCall, Product.NRML); // OPTIONS
 * }</pre>
 */
public enum TradeKind {
  /** Cash equity under CNC or MTF: settled into the demat account. */
  EQUITY_DELIVERY("DELIVERY"),
  /** Cash equity under MIS, BO or CO: squared off the same day. */
  EQUITY_INTRADAY("INTRADAY"),
  /** Equity futures (index or stock), any product. */
  FUTURES("FUTURES"),
  /** Equity options (index or stock), any product; their turnover is the premium. */
  OPTIONS("OPTIONS");

  private final String fileName;

  TradeKind(String fileName) {
    this.fileName = fileName;
  }

  /** The name used in a rates file's {@code kind} column, e.g. {@code DELIVERY}. */
  public String fileName() {
    return fileName;
  }

  /** Futures or options. */
  public boolean isDerivative() {
    return this == FUTURES || this == OPTIONS;
  }

  /**
   * The kind of a trade in {@code instrument} under {@code product}; fails with a {@link ConfigurationException}
   * for what the charges model does not cover (commodities, indices, cash equity under NRML or ARB).
   */
  public static TradeKind of(Instrument instrument, Product product) {
    Segment segment = instrument.segment();
    if (segment == Segment.CASH && instrument.type() == InstrumentType.EQ) {
      if (product.isIntraday()) {
        return EQUITY_INTRADAY;
      }
      if (product == Product.CNC || product == Product.MTF) {
        return EQUITY_DELIVERY;
      }
    } else if (segment == Segment.FNO && instrument.type().isDerivative()) {
      return instrument.type().isOption() ? OPTIONS : FUTURES;
    }
    throw new ConfigurationException("no charges are defined for " + instrument.id() + " (exchange "
        + instrument.exchange() + ", segment " + segment + ", type " + instrument.type() + ", product " + product
        + "): the charges model covers NSE/BSE cash equity under CNC, MTF, MIS, BO or CO and equity futures and"
        + " options; use ChargesModel fill -> Charges.NONE or your own ChargesModel for other trades");
  }

  static TradeKind parseFileName(String name) {
    for (TradeKind k : values()) {
      if (k.fileName.equals(name)) {
        return k;
      }
    }
    throw new IllegalArgumentException(name);
  }
}
