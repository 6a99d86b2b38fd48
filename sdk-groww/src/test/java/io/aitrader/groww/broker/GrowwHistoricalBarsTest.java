package io.aitrader.groww.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.Secret;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.time.Ist;
import io.aitrader.api.time.TradingSession;
import io.aitrader.core.instruments.InMemoryInstrumentRepository;
import io.aitrader.core.time.ManualTimeSource;
import io.aitrader.groww.auth.GrowwCredentials;
import io.aitrader.groww.rest.GrowwClient;
import io.aitrader.groww.rest.GrowwClientConfig;
import io.aitrader.groww.rest.StubServer;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class GrowwHistoricalBarsTest {

  @Test
  void turnsCandlesOfTheSessionIntoBarsAndAsksGrowwOnce() throws Exception {
    try (StubServer server = new StubServer()) {
      server.thenSuccess("{\"candles\":[[\"2025-01-06 09:15:00\",100,101,99,100.5,1000,null],"
          + "[\"2025-01-06T09:20:00\",100.5,102,100,101,500,null],[\"2025-01-06 15:30:00\",1,1,1,1,1,null],"
          + "[\"2025-01-06 09:25:00\",100,99,101,100,5,null]]}");
      GrowwClient client = GrowwClient.create(GrowwClientConfig.builder()
          .credentials(new GrowwCredentials.AccessToken(Secret.of("tok"))).baseUrl(server.baseUrl())
          .clock(new ManualTimeSource(1_736_140_000_000L)).sleeper(ms -> { }).build());
      GrowwHistoricalBars history = new GrowwHistoricalBars(client);
      Instrument i = InMemoryInstrumentRepository.bundledNse().all().stream().filter(x -> x.type().isTradable())
          .findFirst().orElseThrow();
      LocalDate day = LocalDate.of(2025, 1, 6);
      TradingSession s = new TradingSession(day, Ist.toEpochMillis(day, LocalTime.of(9, 0)),
          Ist.toEpochMillis(day, LocalTime.of(9, 8)), Ist.toEpochMillis(day, LocalTime.of(9, 15)),
          Ist.toEpochMillis(day, LocalTime.of(15, 30)));

      List<Bar> bars = history.bars(i, BarInterval.M5, s);
      List<Bar> again = history.bars(i, BarInterval.M5, s);

      assertThat(bars).hasSize(2); // the 15:30 candle is outside the session, the inverted one is skipped
      assertThat(bars.get(0).openTimeMillis()).isEqualTo(s.openMillis());
      assertThat(bars.get(0).closeTimeMillis()).isEqualTo(s.openMillis() + 300_000);
      assertThat(bars.get(1).close()).isEqualTo(1_010_000L);
      assertThat(again).isEqualTo(bars);
      assertThat(server.requests).hasSize(1);
      assertThat(server.requests.get(0).query()).contains("groww_symbol=" + i.growwSymbol());
    }
  }
}
