package io.aitrader.connector.kafka.codec;

import static io.aitrader.connector.kafka.TestInstruments.REPOSITORY;
import static io.aitrader.connector.kafka.TestInstruments.RELIANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.Tick;
import io.aitrader.api.money.Price;
import io.aitrader.connector.kafka.TestInstruments;
import io.aitrader.core.instruments.InMemoryInstrumentRepository;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TickCodecTest {
  private static final long T0 = 1_736_135_100_000L;
  private final TickCodec codec = new TickCodec(REPOSITORY);

  @Test
  void roundTripsRandomTicksExactly() {
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      Tick tick = randomTick(random, i);
      Tick back = codec.decode(codec.encode(tick));
      assertThat(back).as("tick #%d", i).isEqualTo(tick);
    }
  }

  @Test
  void roundTripsExtremeValues() {
    Instrument instrument = TestInstruments.INFY;
    List<Tick> ticks = List.of(
        Tick.trade(instrument, 1, 1, 0),
        new Tick(instrument, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE,
            Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE),
        new Tick(instrument, T0, Long.MAX_VALUE, 0, 0, 0, 1, 0, 0, 0),
        new Tick(instrument, T0, 1, 0, 0, Long.MAX_VALUE, 0, 0, 7, 0),
        new Tick(instrument, T0, 100, 0, 0, Long.MAX_VALUE / 100 * 100, 0, 0, 7, 0),
        new Tick(instrument, T0, 25_340_500, 1, 1, 25_340_000, 3, 25_341_050, 9, 12));
    for (Tick tick : ticks) {
      assertThat(codec.decode(codec.encode(tick))).isEqualTo(tick);
    }
  }

  @Test
  void encodesAnEquityTickWithFullBookInAtMost48Bytes() {
    Random random = new Random(7);
    for (int i = 0; i < 10_000; i++) {
      // NSE equity: prices on the ₹0.05 tick up to ₹1,00,000, day volume up to 10^9, book quantities up to 10^7
      long price = 500 * (1 + random.nextInt(2_000_000));
      long dayVolume = (long) (random.nextDouble() * 1e9);
      Tick tick = new Tick(RELIANCE, T0 + random.nextInt(22_500_000), price, Math.min(dayVolume, random.nextInt(100_000)),
          dayVolume, price - 500 * random.nextInt(100), random.nextInt(10_000_000), price + 500 * random.nextInt(100),
          random.nextInt(10_000_000), 0);
      assertThat(codec.encode(tick).length).as("size of %s", tick).isLessThanOrEqualTo(48);
    }
  }

  @Test
  void startsWithSchemaIdAndVersion() {
    byte[] bytes = codec.encode(Tick.trade(RELIANCE, T0, Price.of("2534.05").units(), 10));
    assertThat(bytes[0]).isEqualTo((byte) 1);
    assertThat(bytes[1]).isEqualTo((byte) 1);
  }

  @Test
  void rejectsANewerVersionNamingBothVersions() {
    byte[] bytes = codec.encode(Tick.trade(RELIANCE, T0, Price.of("2534.05").units(), 10));
    bytes[1] = 2;
    assertThatThrownBy(() -> codec.decode(bytes)).isInstanceOf(CodecException.class)
        .hasMessageStartingWith("schema 1 v2 is newer than this consumer understands (v1)");
  }

  @Test
  void rejectsAPayloadOfAnotherSchema() {
    byte[] bytes = codec.encode(Tick.trade(RELIANCE, T0, Price.of("2534.05").units(), 10));
    bytes[0] = 2;
    assertThatThrownBy(() -> codec.decode(bytes)).isInstanceOf(CodecException.class)
        .hasMessageContaining("Expected schema 1 (tick) but the payload carries schema 2 (bar)");
  }

  @Test
  void rejectsEveryTruncationWithACodecException() {
    byte[] bytes = codec.encode(new Tick(RELIANCE, T0, 25_340_500, 10, 1000, 25_340_000, 50, 25_341_000, 70, 0));
    for (int length = 0; length < bytes.length; length++) {
      byte[] cut = Arrays.copyOf(bytes, length);
      assertThatThrownBy(() -> codec.decode(cut)).as("length %d", length).isInstanceOf(CodecException.class);
    }
  }

  @Test
  void rejectsAnInstrumentTheRepositoryDoesNotKnow() {
    byte[] bytes = codec.encode(Tick.trade(RELIANCE, T0, 25_340_500, 10));
    TickCodec other = new TickCodec(InMemoryInstrumentRepository.of(List.of(TestInstruments.TCS)));
    assertThatThrownBy(() -> other.decode(bytes)).isInstanceOf(CodecException.class)
        .hasMessageContaining("instrument 'NSE:RELIANCE'").hasMessageContaining("does not know");
  }

  @Test
  void keysTicksByInstrumentId() {
    assertThat(codec.key(Tick.trade(RELIANCE, T0, 25_340_500, 10))).isEqualTo("NSE:RELIANCE");
  }

  static Tick randomTick(Random random, int i) {
    Instrument instrument = TestInstruments.ALL.get(random.nextInt(TestInstruments.ALL.size()));
    long price = 1 + Math.abs(random.nextLong() >>> random.nextInt(64));
    if (random.nextBoolean()) {
      price = Math.max(100, price / 100 * 100); // whole paise, as real prices are
    }
    long lastQuantity = random.nextInt(4) == 0 ? 0 : Math.abs(random.nextLong() >>> (1 + random.nextInt(63)));
    long dayVolume = lastQuantity + (Long.MAX_VALUE - lastQuantity > 1_000_000 ? random.nextInt(1_000_000) : 0);
    boolean bid = random.nextBoolean();
    boolean ask = random.nextBoolean();
    return new Tick(instrument, T0 + i, price, lastQuantity, dayVolume,
        bid ? Math.abs(random.nextLong() >>> random.nextInt(64)) : 0, bid ? random.nextInt(1_000_000) : 0,
        ask ? Math.abs(random.nextLong() >>> random.nextInt(64)) : 0, ask ? random.nextInt(1_000_000) : 0,
        random.nextInt(3) == 0 ? random.nextInt(Integer.MAX_VALUE) : 0);
  }
}
