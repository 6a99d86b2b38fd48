package io.aitrader.api;

import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentType;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.money.Price;
import java.time.LocalDate;

/** Test instruments shared by the sdk-api tests. */
public final class Fixtures {
  /** 2024-11-24T05:15:00Z = 10:45 IST. */
  public static final long T0 = 1_732_425_300_000L;

  private Fixtures() {}

  /** NSE:RELIANCE, lot 1, tick 0.05. */
  public static Instrument reliance() {
    return Instrument.builder()
        .exchange(Exchange.NSE).segment(Segment.CASH).type(InstrumentType.EQ)
        .tradingSymbol("RELIANCE").exchangeToken("2885").name("Reliance Industries").isin("INE002A01018")
        .lotSize(1).tickSize(Price.of("0.05"))
        .build();
  }

  /** NSE:NIFTY25DECFUT, lot 50, tick 0.05. */
  public static Instrument niftyFuture() {
    return Instrument.builder()
        .exchange(Exchange.NSE).segment(Segment.FNO).type(InstrumentType.FUT)
        .tradingSymbol("NIFTY25DECFUT").exchangeToken("35001").underlying("NIFTY")
        .expiry(LocalDate.of(2025, 12, 30)).lotSize(50).tickSize(Price.of("0.05")).freezeQuantity(1800)
        .build();
  }

  /** NSE:NIFTY, an index (not tradable). */
  public static Instrument niftyIndex() {
    return Instrument.builder()
        .exchange(Exchange.NSE).segment(Segment.CASH).type(InstrumentType.IDX)
        .tradingSymbol("NIFTY").exchangeToken("26000").tickSize(Price.of("0.05"))
        .build();
  }
}
