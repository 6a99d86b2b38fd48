package io.aitrader.connector.kafka.codec;

import static io.aitrader.connector.kafka.TestInstruments.REPOSITORY;
import static io.aitrader.connector.kafka.TestInstruments.RELIANCE;
import static io.aitrader.connector.kafka.TestInstruments.TCS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.market.MarketDepth;
import io.aitrader.api.money.Price;
import io.aitrader.core.instruments.InMemoryInstrumentRepository;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarketDepthCodecTest {
  private static final long T0 = 1_736_135_100_000L;
  private final EventCodec<MarketDepth> codec = EventCodecs.standard(REPOSITORY).find(MarketDepth.class).orElseThrow();

  @Test
  void roundTripsAFiveLevelBookExactly() {
    MarketDepth depth = new MarketDepth(RELIANCE, T0, List.of(
        level("2534.0500", 120), level("2534.0001", 40), level("2533.95", 1), level("2533.90", 0),
        level("0.0001", Long.MAX_VALUE)), List.of(
        level("2534.10", 75), level("2534.15", 9_000_000_000L), level("2534.2", 3), level("2534.25", 2),
        level("99999999.9999", 1)));

    MarketDepth back = codec.decode(codec.encode(depth));

    assertThat(back).isEqualTo(depth);
    assertThat(back.bids().get(4).quantity()).isEqualTo(Long.MAX_VALUE);
    assertThat(codec.key(depth)).isEqualTo("NSE:RELIANCE");
  }

  @Test
  void roundTripsABookWithAnEmptySide() {
    MarketDepth depth = new MarketDepth(TCS, T0, List.of(), List.of(level("4100.00", 5)));

    assertThat(codec.decode(codec.encode(depth))).isEqualTo(depth);
  }

  @Test
  void writesReadableJsonWithRupeePricesBestFirst() {
    MarketDepth depth = new MarketDepth(RELIANCE, T0, List.of(level("2534.05", 120)), List.of(level("2534.1", 7)));

    String json = new String(codec.encode(depth), StandardCharsets.UTF_8);

    assertThat(json).isEqualTo("{\"schema\":\"depth\",\"v\":1,\"instrument\":\"NSE:RELIANCE\",\"timestampMillis\":"
        + T0 + ",\"bids\":[{\"price\":\"2534.05\",\"quantity\":120}],\"asks\":[{\"price\":\"2534.10\",\"quantity\":7}]}");
  }

  @Test
  void rejectsPayloadsThatAreNotABookNamingWhatIsWrong() {
    String good = new String(codec.encode(new MarketDepth(RELIANCE, T0, List.of(level("10.00", 1), level("9.95", 1)),
        List.of())), StandardCharsets.UTF_8);

    assertThatThrownBy(() -> codec.decode(bytes(good.replace("\"asks\":[]", "\"asks\":{}"))))
        .isInstanceOf(CodecException.class).hasMessageContaining("'asks'");
    assertThatThrownBy(() -> codec.decode(bytes(good.replace("\"quantity\":1}", "\"quantity\":1.5}"))))
        .isInstanceOf(CodecException.class).hasMessageContaining("'quantity'");
    assertThatThrownBy(() -> codec.decode(bytes(good.replace("\"9.95\"", "\"10.05\""))))
        .isInstanceOf(CodecException.class).hasMessageContaining("MarketDepth.bids must be best first");
    assertThatThrownBy(() -> codec.decode(bytes(good.replace("\"10.00\"", "\"0\""))))
        .isInstanceOf(CodecException.class).hasMessageContaining("MarketDepth.Level.price must be > 0");
  }

  @Test
  void rejectsAnInstrumentTheConsumersRepositoryDoesNotKnow() {
    byte[] bytes = codec.encode(new MarketDepth(RELIANCE, T0, List.of(), List.of()));
    EventCodec<MarketDepth> elsewhere = EventCodecs.standard(InMemoryInstrumentRepository.of(List.of(TCS)))
        .find(MarketDepth.class).orElseThrow();

    assertThatThrownBy(() -> elsewhere.decode(bytes)).isInstanceOf(CodecException.class)
        .hasMessageContaining("'NSE:RELIANCE'");
  }

  private static MarketDepth.Level level(String rupees, long quantity) {
    return new MarketDepth.Level(Price.of(rupees).units(), quantity);
  }

  private static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }
}
