package io.aitrader.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentType;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.money.Price;
import io.aitrader.core.market.replay.CandleCsv;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CandleImportTest {
  private static final Instrument RELIANCE = Instrument.builder().exchange(Exchange.NSE).segment(Segment.CASH)
      .type(InstrumentType.EQ).tradingSymbol("RELIANCE").exchangeToken("2885").isin("INE002A01018")
      .tickSize(Price.of("0.10")).build();
  private static final Instrument INFY = Instrument.builder().exchange(Exchange.NSE).segment(Segment.CASH)
      .type(InstrumentType.EQ).tradingSymbol("INFY").exchangeToken("1594").isin("INE009A01021")
      .tickSize(Price.of("0.05")).build();
  private static final long T0 = 1_736_135_100_000L; // 2025-01-06 09:15 IST
  private static final long MINUTE = 60_000L;

  @TempDir Path dir;

  private static List<Bar> bars(Instrument instrument, BarInterval interval, long from, int count) {
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long close = 25_000_000L + 1_000L * i;
      bars.add(new Bar(instrument, interval, from + i * interval.millis(), from + (i + 1) * interval.millis(),
          close - 500, close + 1_000, close - 1_500, close, 1_000L + i, 0, 0, true));
    }
    return bars;
  }

  private Path csv(String name, List<Bar> bars) throws IOException {
    Path file = dir.resolve(name);
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      CandleCsv.write(bars, out);
    }
    return file;
  }

  @Test
  void importedCandlesComeBackFromTheStoreAsCandleCsvReadsThem() throws IOException {
    Path reliance1m = csv("reliance-1m.csv", bars(RELIANCE, BarInterval.M1, T0, 375));
    Path reliance5m = csv("reliance-5m.csv", bars(RELIANCE, BarInterval.M5, T0, 75));
    Path infy1m = csv("infy-1m.csv", bars(INFY, BarInterval.M1, T0 + 10 * MINUTE, 20));

    try (EmbeddedMarketStore store = EmbeddedMarketStore.open(dir.resolve("store"))) {
      CandleImport.Result result = CandleImport.into(store).file(reliance1m, RELIANCE, BarInterval.M1)
          .file(reliance5m, RELIANCE, BarInterval.M5).file(infy1m, INFY, BarInterval.M1).run();

      assertThat(result.files()).isEqualTo(3);
      assertThat(result.bars()).isEqualTo(375 + 75 + 20);
      assertThat(result.spans()).containsOnlyKeys(RELIANCE, INFY);
      assertThat(result.spans().get(RELIANCE)).isEqualTo(new CandleImport.Span(T0, T0 + 374 * MINUTE, 450));
      assertThat(result.spans().get(INFY)).isEqualTo(new CandleImport.Span(T0 + 10 * MINUTE, T0 + 29 * MINUTE, 20));
    }
    try (EmbeddedMarketStore store = EmbeddedMarketStore.open(dir.resolve("store"))) {
      assertThat(store.bars(RELIANCE, BarInterval.M1, 0, Long.MAX_VALUE))
          .containsExactlyElementsOf(CandleCsv.read(reliance1m, RELIANCE, BarInterval.M1));
      assertThat(store.bars(RELIANCE, BarInterval.M5, 0, Long.MAX_VALUE))
          .containsExactlyElementsOf(CandleCsv.read(reliance5m, RELIANCE, BarInterval.M5));
      assertThat(store.bars(INFY, BarInterval.M1, 0, Long.MAX_VALUE))
          .containsExactlyElementsOf(CandleCsv.read(infy1m, INFY, BarInterval.M1));
    }
  }

  @Test
  void importingAFileAgainReplacesItsBarsInsteadOfDuplicatingThem() throws IOException {
    Path file = csv("reliance-1m.csv", bars(RELIANCE, BarInterval.M1, T0, 30));
    try (EmbeddedMarketStore store = EmbeddedMarketStore.inMemory()) {
      CandleImport.into(store).file(file, RELIANCE, BarInterval.M1).run();

      CandleImport.Result again = CandleImport.into(store).file(file, RELIANCE, BarInterval.M1).run();

      assertThat(again.bars()).isEqualTo(30);
      assertThat(store.bars(RELIANCE, BarInterval.M1, 0, Long.MAX_VALUE)).hasSize(30);
    }
  }

  @Test
  void aBadRowIsRefusedNamingTheFileAndLineAndNothingOfThatFileIsStored() throws IOException {
    Path good = csv("reliance-1m.csv", bars(RELIANCE, BarInterval.M1, T0, 5));
    Path bad = dir.resolve("infy-1m.csv");
    Files.writeString(bad, CandleCsv.HEADER + "\n"
        + "2025-01-06 09:15:00,1900.00,1905.00,1895.00,1901.00,100\n"
        + "2025-01-06 09:16:00,1901.00,1899.00,1895.00,1900.00,100\n", StandardCharsets.UTF_8);

    try (EmbeddedMarketStore store = EmbeddedMarketStore.inMemory()) {
      assertThatThrownBy(() -> CandleImport.into(store).file(good, RELIANCE, BarInterval.M1)
          .file(bad, INFY, BarInterval.M1).run())
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining(bad.toString() + " line 3")
          .hasMessageContaining("the 1 file(s) before it were imported");

      assertThat(store.bars(RELIANCE, BarInterval.M1, 0, Long.MAX_VALUE)).hasSize(5);
      assertThat(store.bars(INFY, BarInterval.M1, 0, Long.MAX_VALUE)).isEmpty();
    }
  }

  @Test
  void missingFilesAreAllNamedBeforeAnythingIsImported() throws IOException {
    Path good = csv("reliance-1m.csv", bars(RELIANCE, BarInterval.M1, T0, 5));

    try (EmbeddedMarketStore store = EmbeddedMarketStore.inMemory()) {
      assertThatThrownBy(() -> CandleImport.into(store).file(good, RELIANCE, BarInterval.M1)
          .file(dir.resolve("infy-1m.csv"), INFY, BarInterval.M1).file(dir.resolve("tcs-1m.csv"), INFY, BarInterval.M5)
          .run())
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("infy-1m.csv").hasMessageContaining("tcs-1m.csv")
          .hasMessageContaining("nothing was imported");

      assertThat(store.bars(RELIANCE, BarInterval.M1, 0, Long.MAX_VALUE)).isEmpty();
    }
  }

  @Test
  void aFileWithOnlyAHeaderImportsNoBarsAndNoSpan() throws IOException {
    Path empty = csv("empty.csv", List.of());

    try (EmbeddedMarketStore store = EmbeddedMarketStore.inMemory()) {
      CandleImport.Result result = CandleImport.into(store).file(empty, RELIANCE, BarInterval.M1).run();

      assertThat(result).isEqualTo(new CandleImport.Result(1, 0, java.util.Map.of()));
    }
  }
}
