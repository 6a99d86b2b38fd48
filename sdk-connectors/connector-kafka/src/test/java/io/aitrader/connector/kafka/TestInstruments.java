package io.aitrader.connector.kafka;

import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentType;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.money.Price;
import io.aitrader.core.instruments.InMemoryInstrumentRepository;
import java.util.ArrayList;
import java.util.List;

/** Instruments the connector's tests publish: a few named equities and a numbered set for volume tests. */
public final class TestInstruments {
  public static final Instrument RELIANCE = equity("RELIANCE", "2885");
  public static final Instrument INFY = equity("INFY", "1594");
  public static final Instrument TCS = equity("TCS", "11536");
  /** RELIANCE, INFY, TCS and STOCK000 … STOCK099. */
  public static final List<Instrument> ALL;
  public static final InMemoryInstrumentRepository REPOSITORY;

  static {
    List<Instrument> all = new ArrayList<>(List.of(RELIANCE, INFY, TCS));
    for (int i = 0; i < 100; i++) {
      all.add(equity(String.format("STOCK%03d", i), String.valueOf(90_000 + i)));
    }
    ALL = List.copyOf(all);
    REPOSITORY = InMemoryInstrumentRepository.of(ALL);
  }

  private TestInstruments() {}

  public static Instrument equity(String symbol, String token) {
    return Instrument.builder().exchange(Exchange.NSE).segment(Segment.CASH).type(InstrumentType.EQ)
        .tradingSymbol(symbol).exchangeToken(token).tickSize(Price.of("0.05")).build();
  }
}
