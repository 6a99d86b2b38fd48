package io.aitrader.core.market.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.money.Price;
import io.aitrader.api.time.Ist;
import io.aitrader.core.instruments.InMemoryInstrumentRepository;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandleCsvTest {
  static final Instrument WIPRO = InMemoryInstrumentRepository.bundledNse().findById("NSE:WIPRO").orElseThrow();
  static final long T1030 = Ist.toEpochMillis(LocalDate.of(2025, 9, 24), LocalTime.of(10, 30));

  static List<Bar> read(String csv, BarInterval interval) {
    return CandleCsv.read(new StringReader(csv), "c.csv", WIPRO, interval);
  }

  @Test
  void parsesEveryTimestampFormToTheSameInstant() {
    String csv = "timestamp,open,high,low,close,volume\n"
        + "2025-09-24 10:30:00,250.10,251,249.5,250.55,1200\n"
        + "2025-09-24T10:30:00,250.10,251,249.5,250.55,1200\n"
        + "2025-09-24T10:30:00+05:30,250.10,251,249.5,250.55,1200\n"
        + "2025-09-24T05:00:00Z,250.10,251,249.5,250.55,1200\n"
        + (T1030 / 1000) + ",250.10,251,249.5,250.55,1200\n"
        + T1030 + ",250.10,251,249.5,250.55,1200\n";

    List<Bar> bars = read(csv, BarInterval.M5);

    assertThat(bars).hasSize(6).allSatisfy(b -> {
      assertThat(b.openTimeMillis()).isEqualTo(T1030);
      assertThat(b.closeTimeMillis()).isEqualTo(T1030 + 300_000);
    });
  }

  @Test
  void buildsBarsWithPricesVolumeAndEstimatedTurnover() {
    Bar b = read("2025-09-24 10:30:00,250.10,251,249.5,250.55,1200\n", BarInterval.M5).get(0);

    assertThat(b.instrument()).isEqualTo(WIPRO);
    assertThat(b.interval()).isEqualTo(BarInterval.M5);
    assertThat(b.open()).isEqualTo(Price.of("250.10").units());
    assertThat(b.high()).isEqualTo(Price.of("251").units());
    assertThat(b.low()).isEqualTo(Price.of("249.5").units());
    assertThat(b.close()).isEqualTo(Price.of("250.55").units());
    assertThat(b.volume()).isEqualTo(1200);
    assertThat(b.vwap()).isEqualTo(Price.of("250.35"));
    assertThat(b.complete()).isTrue();
  }

  @Test
  void findsColumnsByHeaderAndIgnoresOpenInterest() {
    String csv = "timestamp,open,high,low,close,volume,open_interest\n"
        + "2025-09-24,250,252,249,251,null,\n";

    Bar b = read(csv, BarInterval.D1).get(0);

    assertThat(b.openTimeMillis()).isEqualTo(Ist.toEpochMillis(LocalDate.of(2025, 9, 24), LocalTime.MIDNIGHT));
    assertThat(b.volume()).isZero();
    assertThat(b.closeTimeMillis() - b.openTimeMillis()).isEqualTo(BarInterval.D1.millis());
  }

  @Test
  void badCellsFailNamingLineColumnAndValue() {
    assertThatThrownBy(() -> read("timestamp,open,high,low,close,volume\n24/09/2025,1,1,1,1,1\n", BarInterval.M1))
        .isInstanceOf(ValidationException.class).hasMessageContaining("c.csv line 2, column timestamp")
        .hasMessageContaining("'24/09/2025'");
    assertThatThrownBy(() -> read("2025-09-24 10:30:00,1,abc,1,1,1\n", BarInterval.M1))
        .isInstanceOf(ValidationException.class).hasMessageContaining("c.csv line 1, column high");
    assertThatThrownBy(() -> read("2025-09-24 10:30:00,1,2,3,1,1\n", BarInterval.M1))
        .isInstanceOf(ValidationException.class).hasMessageContaining("c.csv line 1").hasMessageContaining("Bar.high");
    assertThatThrownBy(() -> read("timestamp,open,high,low,close\n", BarInterval.M1))
        .isInstanceOf(ValidationException.class).hasMessageContaining("missing column volume");
  }

  @Test
  void writerOutputReadsBackToTheSameBars() {
    List<Bar> bars = read("2025-09-24 10:30:00,250.10,251,249.5,250.55,1200\n"
        + "2025-09-24 10:35:00,250.55,250.6,250.0001,250.2,0\n", BarInterval.M5);
    StringWriter out = new StringWriter();

    CandleCsv.write(bars, out);

    assertThat(out.toString()).startsWith(CandleCsv.HEADER + "\n2025-09-24 10:30:00,250.10,251.00,249.50,250.55,1200\n");
    assertThat(read(out.toString(), BarInterval.M5)).isEqualTo(bars);
  }
}
