package io.aitrader.groww.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.Secret;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.time.Ist;
import io.aitrader.core.time.ManualTimeSource;
import io.aitrader.groww.auth.GrowwCredentials;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cases the fake Groww cannot produce (it always answers well-formed objects of the documented shape), against
 * a scripted server: a missing field, a broken OHLC string, the same candle in both time formats. Everything else is
 * tested against the fake ({@link ClientAgainstFakeTest}, {@link ClientErrorsAgainstFakeTest}).
 */
class GrowwClientErrorsTest {
  private StubServer server;
  private final ManualTimeSource clock = new ManualTimeSource(1_736_140_000_000L);

  @BeforeEach
  void start() throws Exception {
    server = new StubServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private GrowwClient client() {
    return GrowwClient.create(GrowwClientConfig.builder()
        .credentials(new GrowwCredentials.AccessToken(Secret.of("tok"))).baseUrl(server.baseUrl()).clock(clock)
        .sleeper(clock::advance).requestTimeout(Duration.ofMillis(300)).build());
  }

  @Test
  void aMissingFieldNamesTheField() {
    server.thenSuccess("{\"order_status\":\"OPEN\"}");
    assertThatThrownBy(() -> client().orders().status("G1", Segment.CASH))
        .isInstanceOf(MalformedResponseException.class).hasMessageContaining("groww_order_id");
  }

  @Test
  void aBrokenOhlcStringIsAClearError() {
    server.thenSuccess("{\"NSE_B\":\"{open: 149.50, garbage}\"}");
    assertThatThrownBy(() -> client().liveData().ohlc(Segment.CASH, List.of("NSE_B")))
        .isInstanceOf(MalformedResponseException.class).hasMessageContaining("NSE_B");
  }

  @Test
  void aCandleInBothTimeFormatsAcrossASplitIsKeptOnce() {
    // the same candle (one with a space, one with T) answers both requests: it must appear once
    server.thenSuccess("{\"candles\":[[\"2025-01-02 09:15:00\",100,101,99,100.5,1000,null]]}")
        .thenSuccess("{\"candles\":[[\"2025-01-02T09:15:00\",100,101,99,100.5,1000,null],"
            + "[\"2025-02-10T09:15:00\",110,111,109,110.5,2000,5]]}");
    List<Candle> candles = client().historical().candles(Exchange.NSE, Segment.CASH, "NSE-WIPRO",
        LocalDateTime.of(2025, 1, 1, 9, 15), LocalDateTime.of(2025, 2, 14, 15, 30), CandleInterval.MINUTE_5);

    assertThat(server.requests).hasSize(2);
    assertThat(server.requests.get(0).query()).contains("start_time=2025-01-01%2009%3A15%3A00")
        .contains("end_time=2025-01-31%2009%3A15%3A00").contains("candle_interval=5minute");
    assertThat(server.requests.get(1).query()).contains("start_time=2025-01-31%2009%3A15%3A00");
    assertThat(candles).hasSize(2);
    assertThat(candles.get(0).startMillis()).isEqualTo(Ist.toEpochMillis(LocalDate.of(2025, 1, 2),
        LocalTime.of(9, 15)));
    assertThat(candles.get(1).openInterest()).isPresent();
  }
}
