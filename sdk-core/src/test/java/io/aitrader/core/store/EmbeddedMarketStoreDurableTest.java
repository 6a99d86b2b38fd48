package io.aitrader.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ConfigurationException;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.market.MarketStore;
import io.aitrader.api.market.Tick;
import io.aitrader.testing.market.MarketStoreContract;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMarketStoreDurableTest extends MarketStoreContract {
  /** Header of NSE:RELIANCE 1m bars: magic, version, record size, "NSE:RELIANCE", "1m". */
  private static final int RELIANCE_BARS_HEADER = 4 + 2 + 2 + (2 + 12) + (2 + 2);
  private static final int RELIANCE_TICKS_HEADER = 4 + 2 + 2 + (2 + 12);
  private static final int BAR_RECORD = 69;
  private static final int TICK_RECORD = 72;

  @TempDir Path dir;
  private int opened;

  @Override
  protected MarketStore newStore() {
    return EmbeddedMarketStore.open(dir.resolve("kit-" + (++opened)));
  }

  @Override
  protected MarketStore reopen(MarketStore closed) {
    return EmbeddedMarketStore.open(((EmbeddedMarketStore) closed).directory().orElseThrow());
  }

  @Override
  protected boolean durable() {
    return true;
  }

  private static List<Bar> minuteBars(int count) {
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      bars.add(bar(RELIANCE, BarInterval.M1, T0 + i * MINUTE, 25_000_000L + 1_000L * i));
    }
    return bars;
  }

  private static List<Tick> ticks(int count) {
    List<Tick> ticks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ticks.add(tick(RELIANCE, T0 + 100L * i, 25_000_000L + 500L * i, 1 + i));
    }
    return ticks;
  }

  private Path storeWithRelianceBars(String name, List<Bar> bars) {
    Path store = dir.resolve(name);
    try (EmbeddedMarketStore s = EmbeddedMarketStore.open(store)) {
      s.appendBars(bars);
    }
    return store;
  }

  private static void overwrite(Path file, long position, byte[] bytes) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.seek(position);
      f.write(bytes);
    }
  }

  private static void cutOff(Path file, long bytes) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(f.length() - bytes);
    }
  }

  @Test
  void keepsOneFilePerSeriesUnderTheDocumentedLayout() throws IOException {
    Path store = dir.resolve("layout");
    try (EmbeddedMarketStore s = EmbeddedMarketStore.open(store)) {
      s.appendBars(minuteBars(3));
      s.appendBars(List.of(bar(M_AND_M, BarInterval.D1, T0, 30_000_000)));
      s.appendTicks(ticks(2));
      assertThat(s.directory()).contains(store.toAbsolutePath().normalize());
    }

    Path reliance = store.resolve("bars/1m/NSE_RELIANCE.bars");
    assertThat(reliance).hasSize(RELIANCE_BARS_HEADER + 3L * BAR_RECORD);
    assertThat(store.resolve("bars/1d/NSE_M%26M.bars")).exists();
    assertThat(store.resolve("ticks/NSE_RELIANCE.ticks")).hasSize(RELIANCE_TICKS_HEADER + 2L * TICK_RECORD);
    assertThat(store.resolve(EmbeddedMarketStore.LOCK_FILE)).exists();
    try (DataInputStream in = new DataInputStream(Files.newInputStream(reliance))) {
      assertThat(in.readInt()).isEqualTo(0x41495442);
      assertThat(in.readShort()).isEqualTo((short) 1);
      assertThat(in.readShort()).isEqualTo((short) BAR_RECORD);
      assertThat(in.readUTF()).isEqualTo("NSE:RELIANCE");
      assertThat(in.readUTF()).isEqualTo("1m");
      assertThat(in.readLong()).isEqualTo(T0);
      assertThat(in.readLong()).isEqualTo(T0 + MINUTE);
    }
  }

  @Test
  void aBarRecordTornByACrashIsDroppedOnOpenAndEveryCompleteRecordComesBack() throws IOException {
    List<Bar> bars = minuteBars(111);
    Path store = storeWithRelianceBars("torn-bars", bars.subList(0, 100));
    try (EmbeddedMarketStore s = EmbeddedMarketStore.open(store)) {
      s.appendBars(bars.subList(100, 110));
    }
    Path file = store.resolve("bars/1m/NSE_RELIANCE.bars");
    cutOff(file, 5);

    try (EmbeddedMarketStore s = EmbeddedMarketStore.open(store)) {
      assertThat(file).hasSize(RELIANCE_BARS_HEADER + 109L * BAR_RECORD);
      assertThat(s.bars(RELIANCE, BarInterval.M1, 0, Long.MAX_VALUE)).containsExactlyElementsOf(bars.subList(0, 109));
      s.appendBars(List.of(bars.get(109), bars.get(110)));
    }
    try (EmbeddedMarketStore s = EmbeddedMarketStore.open(store)) {
      assertThat(s.bars(RELIANCE, BarInterval.M1, 0, Long.MAX_VALUE)).containsExactlyElementsOf(bars);
    }
  }

  @Test
  void aTickRecordTornByACrashIsDroppedOnOpenAndEveryCompleteRecordComesBack() throws IOException {
    List<Tick> ticks = ticks(40);
    Path store = dir.resolve("torn-ticks");
    try (EmbeddedMarketStore s = EmbeddedMarketStore.open(store)) {
      s.appendTicks(ticks);
    }
    Path file = store.resolve("ticks/NSE_RELIANCE.ticks");
    cutOff(file, TICK_RECORD - 1);

    try (EmbeddedMarketStore s = EmbeddedMarketStore.open(store)) {
      assertThat(s.ticks(RELIANCE, 0, Long.MAX_VALUE)).containsExactlyElementsOf(ticks.subList(0, 39));
      assertThat(s.lastTick(RELIANCE)).contains(ticks.get(38));
    }
    assertThat(file).hasSize(RELIANCE_TICKS_HEADER + 39L * TICK_RECORD);
  }

  @Test
  void aFileWithABadHeaderIsAConfigurationErrorNamingTheFileAndWhatToDo() throws IOException {
    Path store = storeWithRelianceBars("bad-header", minuteBars(3));
    Path file = store.resolve("bars/1m/NSE_RELIANCE.bars");
    overwrite(file, 0, "JUNK".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    assertThatThrownBy(() -> EmbeddedMarketStore.open(store)).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(file.toAbsolutePath().normalize().toString())
        .hasMessageContaining("0x41495442")
        .hasMessageContaining("move it out of");

    Files.move(file, dir.resolve("NSE_RELIANCE.bars.bad"));
    try (EmbeddedMarketStore s = EmbeddedMarketStore.open(store)) { // the failed open released the directory
      assertThat(s.bars(RELIANCE, BarInterval.M1, 0, Long.MAX_VALUE)).isEmpty();
    }
  }

  @Test
  void everyBadFileIsReportedAtOnce() throws IOException {
    Path store = dir.resolve("two-bad");
    try (EmbeddedMarketStore s = EmbeddedMarketStore.open(store)) {
      s.appendBars(minuteBars(2));
      s.appendTicks(ticks(2));
    }
    overwrite(store.resolve("bars/1m/NSE_RELIANCE.bars"), 4, new byte[] {0, 9}); // format version 9
    Files.write(store.resolve("ticks/NSE_RELIANCE.ticks"), new byte[] {0x41, 0x49});

    assertThatThrownBy(() -> EmbeddedMarketStore.open(store)).isInstanceOf(ConfigurationException.class)
        .satisfies(e -> assertThat(((ConfigurationException) e).problems()).satisfiesExactly(
            bars -> assertThat(bars).contains("NSE_RELIANCE.bars").contains("format version 9"),
            ticks -> assertThat(ticks).contains("NSE_RELIANCE.ticks").contains("shorter than its header")));
  }

  @Test
  void aFileUnderAnotherInstrumentsNameIsRefused() throws IOException {
    Path store = storeWithRelianceBars("renamed", minuteBars(2));
    Files.copy(store.resolve("bars/1m/NSE_RELIANCE.bars"), store.resolve("bars/1m/NSE_INFY.bars"));
    Files.copy(store.resolve("bars/1m/NSE_RELIANCE.bars"), Files.createDirectories(store.resolve("bars/5m"))
        .resolve("NSE_RELIANCE.bars"));

    assertThatThrownBy(() -> EmbeddedMarketStore.open(store)).isInstanceOf(ConfigurationException.class)
        .satisfies(e -> assertThat(((ConfigurationException) e).problems()).satisfiesExactlyInAnyOrder(
            p -> assertThat(p).contains("NSE_INFY.bars").contains("holds NSE:RELIANCE"),
            p -> assertThat(p).contains("5m").contains("holds '1m' bars")));
  }

  @Test
  void aDamagedRecordFailsTheQueryNamingTheFileAndRecord() throws IOException {
    Path store = storeWithRelianceBars("damaged", minuteBars(5));
    Path file = store.resolve("bars/1m/NSE_RELIANCE.bars");
    long lowOfRecord3 = RELIANCE_BARS_HEADER + 3L * BAR_RECORD + 4 * Long.BYTES;
    overwrite(file, lowOfRecord3, new byte[Long.BYTES]);

    try (EmbeddedMarketStore s = EmbeddedMarketStore.open(store)) {
      assertThatThrownBy(() -> s.bars(RELIANCE, BarInterval.M1, 0, Long.MAX_VALUE))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("NSE_RELIANCE.bars")
          .hasMessageContaining("bar record 3")
          .hasMessageContaining("L=0");
    }
  }

  @Test
  void aDirectoryOpenInAStoreCannotBeOpenedByAnother() {
    Path store = dir.resolve("busy");
    try (EmbeddedMarketStore first = EmbeddedMarketStore.open(store)) {
      first.appendBars(minuteBars(1));

      assertThatThrownBy(() -> EmbeddedMarketStore.open(store)).isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("already open");
      assertThat(first.bars(RELIANCE, BarInterval.M1, 0, Long.MAX_VALUE)).hasSize(1);
    }
  }

  @Test
  void aFileWhoseCreationACrashInterruptedIsRemoved() throws IOException {
    Path store = storeWithRelianceBars("half-created", minuteBars(2));
    Path leftover = store.resolve("bars/1m/NSE_INFY.bars.tmp");
    Files.write(leftover, new byte[] {0x41, 0x49, 0x54});

    try (EmbeddedMarketStore s = EmbeddedMarketStore.open(store)) {
      assertThat(leftover).doesNotExist();
      assertThat(s.bars(RELIANCE, BarInterval.M1, 0, Long.MAX_VALUE)).hasSize(2);
      assertThat(s.bars(INFY, BarInterval.M1, 0, Long.MAX_VALUE)).isEmpty();
    }
  }

  @Test
  void aReplacedBarStaysInTheFileAndTheLaterRecordWinsOnLoad() {
    List<Bar> bars = minuteBars(3);
    Bar revised = bar(RELIANCE, BarInterval.M1, T0 + MINUTE, 26_000_000);
    Path store = storeWithRelianceBars("replaced", bars);
    try (EmbeddedMarketStore s = EmbeddedMarketStore.open(store)) {
      s.appendBars(List.of(revised));
    }

    assertThat(store.resolve("bars/1m/NSE_RELIANCE.bars")).hasSize(RELIANCE_BARS_HEADER + 4L * BAR_RECORD);
    try (EmbeddedMarketStore s = EmbeddedMarketStore.open(store)) {
      assertThat(s.bars(RELIANCE, BarInterval.M1, 0, Long.MAX_VALUE))
          .containsExactly(bars.get(0), revised, bars.get(2));
    }
  }
}
