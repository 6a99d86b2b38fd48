package io.aitrader.connector.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentType;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.market.Tick;
import io.aitrader.api.money.Price;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ClickHouseTickWriterTest {
  private static final Instrument TCS = Instrument.builder().exchange(Exchange.NSE).segment(Segment.CASH)
      .type(InstrumentType.EQ).tradingSymbol("TCS").exchangeToken("11536").growwSymbol("NSE-TCS").name("TCS")
      .isin("INE467B01029").tickSize(Price.of("0.05")).build();
  private static final long T0 = 1_736_135_100_000L;

  private static Tick tick(long i) {
    return Tick.trade(TCS, T0 + i, 40_000_000 + 500 * (i % 100), 1 + i % 7);
  }

  @Test
  void everyTickAppendedFromSeveralThreadsIsWrittenInBatchesAndInOrderPerThread() throws Exception {
    try (ClickHouseConnector ch = ClickHouseConnector.open(ClickHouseServer.get().freshDatabase());
        ClickHouseMarketStore store = ClickHouseMarketStore.open(ch)) {
      ClickHouseTickWriter writer = ClickHouseTickWriter.builder(ch).batchSize(1_000).queueCapacity(100)
          .maxDelay(Duration.ofMillis(20)).start();
      ExecutorService pool = Executors.newFixedThreadPool(2);
      List<Future<?>> producers = new ArrayList<>();
      for (int p = 0; p < 2; p++) {
        long parity = p;
        producers.add(pool.submit(() -> {
          for (long i = parity; i < 20_000; i += 2) {
            writer.append(tick(i)); // blocks whenever the 100-tick queue is full
          }
        }));
      }
      for (Future<?> f : producers) {
        f.get(60, TimeUnit.SECONDS);
      }
      pool.shutdown();

      writer.flush();

      assertThat(writer.rowsWritten()).isEqualTo(20_000);
      assertThat(writer.batchesWritten()).isBetween(20L, 20_000L);
      List<Tick> stored = store.ticks(TCS, 0, Long.MAX_VALUE);
      assertThat(stored).hasSize(20_000);
      assertThat(stored.get(12_345)).isEqualTo(tick(12_345));
      writer.close();
      writer.close();
      assertThatThrownBy(() -> writer.append(tick(1))).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void aSmallBatchIsSentOnceTheMaxDelayPassesWithoutAFlush() {
    try (ClickHouseConnector ch = ClickHouseConnector.open(ClickHouseServer.get().freshDatabase());
        ClickHouseMarketStore store = ClickHouseMarketStore.open(ch);
        ClickHouseTickWriter writer = ClickHouseTickWriter.builder(ch).batchSize(1_000_000)
            .maxDelay(Duration.ofMillis(50)).start()) {
      for (int i = 0; i < 10; i++) {
        assertThat(writer.tryAppend(tick(i))).isTrue();
      }

      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (writer.rowsWritten() < 10 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }

      assertThat(writer.rowsWritten()).isEqualTo(10);
      assertThat(store.ticks(TCS, 0, Long.MAX_VALUE)).hasSize(10);
    }
  }

  @Test
  void aFailedInsertStopsTheWriterAndIsReportedByFlushAndAppend() {
    ClickHouseConnector ch = ClickHouseConnector.open(ClickHouseServer.get().freshDatabase());
    ClickHouseTickWriter writer = ClickHouseTickWriter.builder(ch).maxDelay(Duration.ofMillis(10)).start();
    ch.close(); // every insert now fails

    writer.append(tick(1));

    assertThatThrownBy(writer::flush).isInstanceOf(ClickHouseException.class).hasMessageContaining("stopped");
    assertThatThrownBy(() -> writer.append(tick(2))).isInstanceOf(ClickHouseException.class);
    assertThatThrownBy(writer::close).isInstanceOf(ClickHouseException.class);
    assertThat(writer.rowsWritten()).isZero();
  }

  @Test
  void badSettingsAreRefusedNamingTheSetting() {
    try (ClickHouseConnector ch = ClickHouseConnector.open(ClickHouseServer.get().freshDatabase())) {
      assertThatThrownBy(() -> ClickHouseTickWriter.builder(ch).batchSize(0).start())
          .isInstanceOf(ValidationException.class).hasMessageContaining("batchSize");
      assertThatThrownBy(() -> ClickHouseTickWriter.builder(ch).queueCapacity(0).start())
          .isInstanceOf(ValidationException.class).hasMessageContaining("queueCapacity");
      assertThatThrownBy(() -> ClickHouseTickWriter.builder(ch).maxDelay(Duration.ZERO).start())
          .isInstanceOf(ValidationException.class).hasMessageContaining("maxDelay");
    }
  }
}
