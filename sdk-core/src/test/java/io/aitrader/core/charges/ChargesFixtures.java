package io.aitrader.core.charges;

import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentType;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.money.Money;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.Fill;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.api.portfolio.Charges;
import io.aitrader.api.time.Ist;
import java.time.LocalDate;
import java.time.LocalTime;

/** Instruments, fills and expected charges for the charges tests. */
final class ChargesFixtures {
  static final LocalDate JUNE_10_2025 = LocalDate.of(2025, 6, 10);

  static final Instrument RELIANCE = equity(Exchange.NSE, "RELIANCE", "INE002A01018");
  static final Instrument RELIANCE_BSE = equity(Exchange.BSE, "RELIANCE", "INE002A01018");
  static final Instrument INFY = equity(Exchange.NSE, "INFY", "INE009A01021");
  static final Instrument NIFTY_FUT = Instrument.builder().exchange(Exchange.NSE).segment(Segment.FNO)
      .type(InstrumentType.FUT).tradingSymbol("NIFTY25JUNFUT").exchangeToken("53001").underlying("NIFTY")
      .expiry(LocalDate.of(2025, 6, 26)).lotSize(75).tickSize(Price.of("0.10")).build();
  static final Instrument NIFTY_CE = Instrument.builder().exchange(Exchange.NSE).segment(Segment.FNO)
      .type(InstrumentType.CE).tradingSymbol("NIFTY25JUN24800CE").exchangeToken("53002").underlying("NIFTY")
      .expiry(LocalDate.of(2025, 6, 26)).strike(Price.of("24800")).lotSize(75).tickSize(Price.of("0.05")).build();
  static final Instrument CRUDE = Instrument.builder().exchange(Exchange.MCX).segment(Segment.COMMODITY)
      .type(InstrumentType.FUT).tradingSymbol("CRUDEOIL25JUNFUT").exchangeToken("99").underlying("CRUDEOIL")
      .expiry(LocalDate.of(2025, 6, 19)).lotSize(100).tickSize(Price.of("1")).build();

  private static int trades;

  private ChargesFixtures() {}

  static Instrument equity(Exchange exchange, String symbol, String isin) {
    return Instrument.builder().exchange(exchange).segment(Segment.CASH).type(InstrumentType.EQ)
        .tradingSymbol(symbol).exchangeToken(symbol + "-T").isin(isin).tickSize(Price.of("0.05")).build();
  }

  static Fill fill(String orderId, Instrument i, Side side, long qty, String price, LocalDate date, Product p) {
    trades++;
    return new Fill("T-" + trades, orderId, "ref-" + orderId, i, side, qty, Price.of(price),
        Ist.toEpochMillis(date, LocalTime.of(10, 15)), p);
  }

  /** Charges in contract-note order: brokerage, STT, exchange, SEBI, stamp, GST, DP, IPFT. */
  static Charges charges(String brokerage, String stt, String exchange, String sebi, String stamp, String gst,
      String dp, String ipft) {
    return new Charges(Money.of(brokerage), Money.of(stt), Money.of(exchange), Money.of(sebi), Money.of(stamp),
        Money.of(gst), Money.of(dp), Money.of(ipft));
  }
}
