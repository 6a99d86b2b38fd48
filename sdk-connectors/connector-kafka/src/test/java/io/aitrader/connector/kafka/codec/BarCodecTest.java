package io.aitrader.connector.kafka.codec;

import static io.aitrader.connector.kafka.TestInstruments.REPOSITORY;
import static io.aitrader.connector.kafka.TestInstruments.RELIANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.connector.kafka.TestInstruments;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BarCodecTest {
  private static final long T0 = 1_736_135_100_000L;
  private final BarCodec codec = new BarCodec(REPOSITORY);

  @Test
  void roundTripsRandomBarsOfEveryIntervalExactly() {
    Random random = new Random(11);
    BarInterval[] intervals = BarInterval.values();
    for (int i = 0; i < 20_000; i++) {
      Bar bar = randomBar(random, intervals[random.nextInt(intervals.length)], i);
      assertThat(codec.decode(codec.encode(bar))).as("bar #%d", i).isEqualTo(bar);
    }
  }

  @Test
  void rejectsANewerVersion() {
    byte[] bytes = codec.encode(randomBar(new Random(1), BarInterval.M5, 0));
    bytes[1] = 3;
    assertThatThrownBy(() -> codec.decode(bytes)).isInstanceOf(CodecException.class)
        .hasMessageStartingWith("schema 2 v3 is newer than this consumer understands (v1)");
  }

  @Test
  void rejectsATickPayload() {
    byte[] tick = new TickCodec(REPOSITORY).encode(io.aitrader.api.market.Tick.trade(RELIANCE, T0, 100, 1));
    assertThatThrownBy(() -> codec.decode(tick)).isInstanceOf(CodecException.class)
        .hasMessageContaining("Expected schema 2 (bar) but the payload carries schema 1 (tick)");
  }

  @Test
  void rejectsEveryTruncation() {
    byte[] bytes = codec.encode(randomBar(new Random(3), BarInterval.H1, 0));
    for (int length = 0; length < bytes.length; length++) {
      byte[] cut = Arrays.copyOf(bytes, length);
      assertThatThrownBy(() -> codec.decode(cut)).as("length %d", length).isInstanceOf(CodecException.class);
    }
  }

  static Bar randomBar(Random random, BarInterval interval, int i) {
    long low = 1 + random.nextInt(Integer.MAX_VALUE);
    long high = low + random.nextInt(1_000_000);
    long open = low + (long) (random.nextDouble() * (high - low));
    long close = low + (long) (random.nextDouble() * (high - low));
    long volume = Math.abs(random.nextLong() >>> random.nextInt(64));
    long open0 = T0 + i * interval.millis();
    return new Bar(TestInstruments.ALL.get(random.nextInt(TestInstruments.ALL.size())), interval, open0,
        open0 + interval.millis(), open, high, low, close, volume, Math.abs(random.nextLong()), random.nextInt(100_000),
        random.nextBoolean());
  }
}
