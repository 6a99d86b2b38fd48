package io.aitrader.groww.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.Segment;
import io.aitrader.core.instruments.InMemoryInstrumentRepository;
import org.junit.jupiter.api.Test;

/** Both index-subject token variants (UNCONFIRMED which one Groww uses) find the index in the bundled master. */
class InstrumentLookupTest {
  private static final InMemoryInstrumentRepository MASTER = InMemoryInstrumentRepository.bundledNse();
  private static final Instrument NIFTY = MASTER.find(Exchange.NSE, "NIFTY").orElseThrow();

  @Test
  void aRepositoryLookupFindsAnIndexByExchangeTokenAndByName() {
    InstrumentLookup lookup = InstrumentLookup.of(MASTER);

    assertThat(NIFTY.exchangeToken()).isEqualTo("26000");
    assertThat(lookup.find(Exchange.NSE, Segment.CASH, "26000")).contains(NIFTY);
    assertThat(lookup.find(Exchange.NSE, Segment.CASH, "NIFTY")).contains(NIFTY);
  }

  @Test
  void aCollectionLookupFindsAnIndexByExchangeTokenAndByNameButAnEquityOnlyByToken() {
    Instrument reliance = MASTER.find(Exchange.NSE, "RELIANCE").orElseThrow();
    InstrumentLookup lookup = InstrumentLookup.of(MASTER.all());

    assertThat(lookup.find(Exchange.NSE, Segment.CASH, "26000")).contains(NIFTY);
    assertThat(lookup.find(Exchange.NSE, Segment.CASH, "NIFTY")).contains(NIFTY);
    assertThat(lookup.find(Exchange.NSE, Segment.CASH, reliance.exchangeToken())).contains(reliance);
    assertThat(lookup.find(Exchange.NSE, Segment.CASH, "RELIANCE")).isEmpty();
    assertThat(lookup.find(Exchange.BSE, Segment.CASH, "26000")).isEmpty();
  }
}
