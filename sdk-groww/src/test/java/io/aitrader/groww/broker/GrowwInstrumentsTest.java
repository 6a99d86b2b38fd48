package io.aitrader.groww.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.instrument.Exchange;
import io.aitrader.core.time.ManualTimeSource;
import io.aitrader.groww.rest.MalformedResponseException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class GrowwInstrumentsTest {
  private static final String HEADER = "trading_symbol,exchange,exchange_token,instrument_type,segment,lot_size,"
      + "tick_size,extra_column\n";

  @Test
  void parsesByHeaderNameAndSkipsRowsItCannotModel() {
    AtomicReference<String> csv = new AtomicReference<>(HEADER + "WIPRO,NSE,3787,EQ,CASH,1,0.05,x\n"
        + "ODD,NCDEX,1,EQ,CASH,1,0.05,x\n");
    GrowwInstruments repo = GrowwInstruments.of(csv::get, "test.csv", new ManualTimeSource(1_736_140_000_000L));
    assertThat(repo.find(Exchange.NSE, "WIPRO")).isPresent();
    assertThat(repo.all()).hasSize(1);
  }

  @Test
  void refreshesOnTheFirstLookupOfANewDayAndKeepsThePreviousMasterWhenTheNewOneIsBroken() {
    ManualTimeSource clock = new ManualTimeSource(1_736_140_000_000L);
    AtomicReference<String> csv = new AtomicReference<>(HEADER + "WIPRO,NSE,3787,EQ,CASH,1,0.05,x\n");
    GrowwInstruments repo = GrowwInstruments.of(csv::get, "test.csv", clock);

    csv.set("garbage,without,columns\n1,2,3\n");
    clock.advance(Duration.ofDays(1));
    assertThat(repo.find(Exchange.NSE, "WIPRO")).isPresent();

    csv.set(HEADER + "INFY,NSE,1594,EQ,CASH,1,0.05,x\n");
    clock.advance(Duration.ofMinutes(GrowwInstruments.RETRY_MINUTES));
    assertThat(repo.find(Exchange.NSE, "INFY")).isPresent();
    assertThat(repo.find(Exchange.NSE, "WIPRO")).isEmpty();
  }

  @Test
  void aMasterWithoutRequiredColumnsIsAClearError() {
    assertThatThrownBy(() -> GrowwInstruments.of(() -> "a,b\n1,2\n", "test.csv", new ManualTimeSource(1)))
        .isInstanceOf(MalformedResponseException.class).hasMessageContaining("missing required column");
  }
}
