package io.aitrader.core.testdata;

import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentType;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.money.Price;
import io.aitrader.api.time.Ist;
import java.time.LocalDate;
import java.time.LocalTime;

/** Test-data builders for instruments and times. */
public final class TestInstruments {
  /** A Monday. */
  public static final LocalDate MONDAY = LocalDate.of(2025, 1, 6);

  private TestInstruments() {}

  public static Instrument equity(String symbol, String token) {
    return Instrument.builder().exchange(Exchange.NSE).segment(Segment.CASH).type(InstrumentType.EQ)
        .tradingSymbol(symbol).exchangeToken(token).tickSize(Price.of("0.05")).build();
  }

  public static final Instrument RELIANCE = equity("RELIANCE", "2885");
  public static final Instrument TCS = equity("TCS", "11536");

  /** Epoch millis of an IST time on {@link #MONDAY}, e.g. {@code at("09:15:10")}. */
  public static long at(String istTime) {
    return Ist.toEpochMillis(MONDAY, LocalTime.parse(istTime));
  }

  public static long at(LocalDate date, String istTime) {
    return Ist.toEpochMillis(date, LocalTime.parse(istTime));
  }

  /** Rupees to ₹0.0001 units. */
  public static long rupees(String value) {
    return Price.of(value).units();
  }
}
