package io.aitrader.connector.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.NotFoundException;
import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentType;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.money.Price;
import io.aitrader.api.time.Ist;
import io.aitrader.api.time.TradingSession;
import io.aitrader.core.backtest.HistoricalBars;
import io.aitrader.core.calendar.ExchangeCalendar;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClickHouseSnapshotsTest {
  private static final Instrument SBIN = instrument("SBIN", "3045");
  private static final Instrument TCS = instrument("TCS", "11536");
  private static final List<Instrument> BOTH = List.of(TCS, SBIN);
  private static final LocalDate MON = LocalDate.of(2025, 1, 6);
  private static final long FROM = Ist.toEpochMillis(MON, LocalTime.MIDNIGHT);
  private static final long TO = Ist.toEpochMillis(MON.plusDays(3), LocalTime.MIDNIGHT);
  private static final long CREATED = 1_736_200_000_000L;

  private final ClickHouseConnector ch = ClickHouseConnector.open(ClickHouseServer.get().freshDatabase());
  private final ClickHouseMarketStore store = ClickHouseMarketStore.open(ch);
  private final ClickHouseSnapshots snapshots = ClickHouseSnapshots.open(ch, () -> CREATED);

  @AfterEach
  void close() {
    store.close();
    ch.close();
  }

  private static Instrument instrument(String symbol, String token) {
    return Instrument.builder().exchange(Exchange.NSE).segment(Segment.CASH).type(InstrumentType.EQ)
        .tradingSymbol(symbol).exchangeToken(token).growwSymbol("NSE-" + symbol).name(symbol)
        .isin("INE000000" + token.charAt(0) + "01").tickSize(Price.of("0.05")).build();
  }

  /** 5-minute candles of each day from MON - 1 to MON + 3 (some outside the range), 09:15 to 10:15 IST. */
  private static List<Bar> candles(Instrument i, long base) {
    List<Bar> out = new ArrayList<>();
    for (int d = -1; d <= 3; d++) {
      long open = Ist.toEpochMillis(MON.plusDays(d), LocalTime.of(9, 15));
      for (int k = 0; k < 12; k++) {
        long t = open + k * 300_000L;
        long c = base + 500L * ((d + 1) * 12 + k);
        out.add(new Bar(i, BarInterval.M5, t, t + 300_000, c, c + 1_000, c - 1_000, c, 100 + k, (100 + k) * c,
            7, true));
      }
    }
    return out;
  }

  private List<Bar> stored(Instrument i) {
    return store.bars(i, BarInterval.M5, FROM, TO);
  }

  @Test
  void exportPinsTheCompleteCandlesOfTheRangeAndReadReturnsThem() {
    store.appendBars(candles(SBIN, 8_000_000));
    store.appendBars(candles(TCS, 40_000_000));
    long partialOpen = Ist.toEpochMillis(MON.plusDays(2), LocalTime.of(15, 25));
    store.appendBars(List.of(new Bar(SBIN, BarInterval.M5, partialOpen, partialOpen + 300_000, 8_000_000,
        8_000_000, 8_000_000, 8_000_000, 1, 8_000_000, 1, false)));

    ClickHouseSnapshot s = snapshots.export("sbin-tcs-5m", BOTH, BarInterval.M5, FROM, TO);
    SnapshotBars bars = snapshots.read(s.id(), BOTH);

    assertThat(s.name()).isEqualTo("sbin-tcs-5m");
    assertThat(s.instrumentIds()).containsExactly(TCS.id(), SBIN.id());
    assertThat(s.rows()).isEqualTo(72);
    assertThat(s.createdMillis()).isEqualTo(CREATED);
    assertThat(s.sha256()).hasSize(64);
    List<Bar> expected = new ArrayList<>(stored(SBIN).subList(0, 36));
    expected.addAll(stored(TCS));
    assertThat(bars.all()).containsExactlyElementsOf(expected);
    assertThat(bars.snapshot()).isEqualTo(s);
    assertThat(snapshots.find("sbin-tcs-5m")).contains(s);
    assertThat(snapshots.get(s.id())).contains(s);
    assertThat(snapshots.list()).containsExactly(s);
  }

  @Test
  void aSnapshotServesABacktestSessionBySessionAndNamesItsHash() {
    store.appendBars(candles(SBIN, 8_000_000));
    ClickHouseSnapshot s = snapshots.export("sbin-5m", List.of(SBIN), BarInterval.M5, FROM, TO);

    HistoricalBars data = snapshots.read(s.id(), List.of(SBIN));
    TradingSession tuesday = ExchangeCalendar.nse().session(MON.plusDays(1)).orElseThrow();

    assertThat(data.bars(SBIN, BarInterval.M5, tuesday))
        .containsExactlyElementsOf(store.bars(SBIN, BarInterval.M5, tuesday.openMillis(), tuesday.closeMillis()))
        .hasSize(12);
    assertThat(data.bars(TCS, BarInterval.M5, tuesday)).isEmpty();
    assertThat(data.description()).contains("sbin-5m").contains(s.sha256()).contains(s.id());
  }

  @Test
  void theSameDataUnderTwoNamesHasTheSameHash() {
    store.appendBars(candles(SBIN, 8_000_000));

    ClickHouseSnapshot a = snapshots.export("first", List.of(SBIN), BarInterval.M5, FROM, TO);
    ClickHouseSnapshot b = snapshots.export("second", List.of(SBIN, TCS), BarInterval.M5, FROM, TO);

    assertThat(b.id()).isNotEqualTo(a.id());
    assertThat(b.sha256()).isEqualTo(a.sha256());
    assertThat(b.rows()).isEqualTo(a.rows());
  }

  @Test
  void laterWritesToTheLiveCandlesDoNotChangeASnapshot() {
    store.appendBars(candles(SBIN, 8_000_000));
    ClickHouseSnapshot before = snapshots.export("pinned", List.of(SBIN), BarInterval.M5, FROM, TO);
    List<Bar> pinned = snapshots.read(before.id(), List.of(SBIN)).all();
    Bar first = pinned.get(0);

    store.appendBars(List.of(new Bar(SBIN, BarInterval.M5, first.openTimeMillis(), first.closeTimeMillis(),
        9_000_000, 9_000_000, 9_000_000, 9_000_000, 1, 9_000_000, 1, true)));
    long extra = Ist.toEpochMillis(MON, LocalTime.of(14, 0));
    store.appendBars(List.of(new Bar(SBIN, BarInterval.M5, extra, extra + 300_000, 9_000_000, 9_000_000,
        9_000_000, 9_000_000, 1, 9_000_000, 1, true)));

    assertThat(snapshots.read(before.id(), List.of(SBIN)).all()).containsExactlyElementsOf(pinned);
    ClickHouseSnapshot after = snapshots.export("after", List.of(SBIN), BarInterval.M5, FROM, TO);
    assertThat(after.sha256()).isNotEqualTo(before.sha256());
    assertThat(after.rows()).isEqualTo(before.rows() + 1);
  }

  @Test
  void aNameIsNeverReused() {
    store.appendBars(candles(SBIN, 8_000_000));
    ClickHouseSnapshot s = snapshots.export("once", List.of(SBIN), BarInterval.M5, FROM, TO);

    assertThatThrownBy(() -> snapshots.export("once", List.of(TCS), BarInterval.M5, FROM, TO))
        .isInstanceOf(ValidationException.class).hasMessageContaining("'once' already names")
        .hasMessageContaining(s.id()).hasMessageContaining("never overwritten");
    assertThat(snapshots.list()).containsExactly(s);
  }

  @Test
  void aChangedRowIsRefusedOnReadNamingTheSnapshotAndBothHashes() {
    store.appendBars(candles(SBIN, 8_000_000));
    ClickHouseSnapshot s = snapshots.export("tampered", List.of(SBIN), BarInterval.M5, FROM, TO);
    long open = Ist.toEpochMillis(MON, LocalTime.of(9, 20));

    ch.execute("ALTER TABLE snapshot_bars UPDATE close = close + 500 WHERE snapshot_id = '" + s.id()
        + "' AND open_time = " + open);
    awaitTrue(() -> !ch.queryText("SELECT count() FROM system.mutations WHERE database = '"
        + ch.config().database() + "' AND table = 'snapshot_bars' AND is_done = 0 FORMAT TabSeparated")
        .equals("1"));

    assertThatThrownBy(() -> snapshots.read(s.id(), List.of(SBIN)))
        .isInstanceOf(SnapshotIntegrityException.class).hasMessageContaining("'tampered'")
        .hasMessageContaining(s.id()).hasMessageContaining(s.sha256()).hasMessageContaining("36 rows");
  }

  @Test
  void anAddedRowIsRefusedOnRead() {
    store.appendBars(candles(SBIN, 8_000_000));
    ClickHouseSnapshot s = snapshots.export("grown", List.of(SBIN), BarInterval.M5, FROM, TO);

    ch.execute("INSERT INTO snapshot_bars SELECT * FROM snapshot_bars WHERE snapshot_id = '" + s.id()
        + "' ORDER BY open_time LIMIT 1");

    assertThatThrownBy(() -> snapshots.read(s.id(), List.of(SBIN)))
        .isInstanceOf(SnapshotIntegrityException.class).hasMessageContaining("over 37 rows");
  }

  @Test
  void readRefusesAnUnknownIdAndMissingInstruments() {
    store.appendBars(candles(SBIN, 8_000_000));
    ClickHouseSnapshot s = snapshots.export("sbin", List.of(SBIN), BarInterval.M5, FROM, TO);

    assertThatThrownBy(() -> snapshots.read("no-such-id", List.of(SBIN))).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("no-such-id");
    assertThatThrownBy(() -> snapshots.read(s.id(), List.of(TCS))).isInstanceOf(ValidationException.class)
        .hasMessageContaining(SBIN.id());
  }

  @Test
  void exportValidatesItsArguments() {
    assertThatThrownBy(() -> snapshots.export(" ", List.of(SBIN), BarInterval.M5, FROM, TO))
        .isInstanceOf(ValidationException.class).hasMessageContaining("name");
    assertThatThrownBy(() -> snapshots.export("x", List.of(), BarInterval.M5, FROM, TO))
        .isInstanceOf(ValidationException.class).hasMessageContaining("instruments");
    assertThatThrownBy(() -> snapshots.export("x", List.of(SBIN), BarInterval.M5, TO, FROM))
        .isInstanceOf(ValidationException.class).hasMessageContaining("fromMillis");
    assertThat(snapshots.list()).isEmpty();
  }

  private static void awaitTrue(java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 20 s").isLessThan(deadline);
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
  }

}
