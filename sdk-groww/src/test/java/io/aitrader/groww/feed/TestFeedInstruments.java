package io.aitrader.groww.feed;

import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentType;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.money.Price;
import java.time.LocalDate;
import java.util.List;

/** Instruments used by the feed tests. */
final class TestFeedInstruments {
  static final Instrument RELIANCE = Instrument.builder().exchange(Exchange.NSE).segment(Segment.CASH)
      .type(InstrumentType.EQ).tradingSymbol("RELIANCE").exchangeToken("2885").tickSize(Price.of("0.10")).build();
  static final Instrument SBIN_BSE = Instrument.builder().exchange(Exchange.BSE).segment(Segment.CASH)
      .type(InstrumentType.EQ).tradingSymbol("SBIN").exchangeToken("500112").tickSize(Price.of("0.05")).build();
  static final Instrument BANKNIFTY_PE = Instrument.builder().exchange(Exchange.NSE).segment(Segment.FNO)
      .type(InstrumentType.PE).tradingSymbol("BANKNIFTY25DEC27000PE").exchangeToken("49445")
      .underlying("BANKNIFTY").expiry(LocalDate.of(2025, 12, 24)).strike(Price.ofRupees(27_000)).lotSize(35)
      .tickSize(Price.of("0.05")).build();
  static final Instrument NIFTY = Instrument.builder().exchange(Exchange.NSE).segment(Segment.CASH)
      .type(InstrumentType.IDX).tradingSymbol("NIFTY").exchangeToken("26000").tickSize(Price.of("0.05")).build();

  static final List<Instrument> ALL = List.of(RELIANCE, SBIN_BSE, BANKNIFTY_PE, NIFTY);
  static final InstrumentLookup LOOKUP = InstrumentLookup.of(ALL);

  private TestFeedInstruments() {}
}
