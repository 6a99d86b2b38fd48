package io.aitrader.connector.clickhouse;

import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentType;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.market.Tick;
import io.aitrader.api.money.Price;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures (prints, asserts nothing): 1 M tick rows inserted through {@code appendTicks} in batches and through
 * {@link ClickHouseTickWriter}; one instrument-year of 1-minute candles (250 days × 375) read back. Run from the
 * module directory after {@code mvn test-compile}:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) io.aitrader.connector.clickhouse.ClickHouseThroughput}.
 */
public final class ClickHouseThroughput {
  private static final Instrument NIFTY = Instrument.builder().exchange(Exchange.NSE).segment(Segment.CASH)
      .type(InstrumentType.EQ).tradingSymbol("HDFCBANK").exchangeToken("1333").growwSymbol("NSE-HDFCBANK")
      .name("HDFC Bank").isin("INE040A01034").tickSize(Price.of("0.05")).build();
  private static final long T0 = 1_736_135_100_000L;
  private static final int TICKS = 1_000_000;

  private ClickHouseThroughput() {
  }

  public static void main(String[] args) {
    ClickHouseServer server = ClickHouseServer.get();
    List<Tick> ticks = new ArrayList<>(TICKS);
    for (int i = 0; i < TICKS; i++) {
      long p = 16_000_000 + 500L * (i % 200);
      ticks.add(new Tick(NIFTY, T0 + 20L * i, p, 1 + i % 50, 1_000_000L + i, p - 500, 10, p + 500, 12, 0));
    }
    for (int round = 1; round <= 3; round++) {
      try (ClickHouseConnector ch = ClickHouseConnector.open(server.freshDatabase());
          ClickHouseMarketStore store = ClickHouseMarketStore.open(ch)) {
        long start = System.nanoTime();
        for (int from = 0; from < TICKS; from += 100_000) {
          store.appendTicks(ticks.subList(from, from + 100_000));
        }
        double insertS = (System.nanoTime() - start) / 1e9;

        start = System.nanoTime();
        int read = store.ticks(NIFTY, 0, Long.MAX_VALUE).size();
        double readS = (System.nanoTime() - start) / 1e9;

        start = System.nanoTime();
        int bars = store.rollUp(NIFTY, BarInterval.M1, io.aitrader.core.calendar.ExchangeCalendar.nse(), T0,
            T0 + 20L * TICKS).size();
        double rollS = (System.nanoTime() - start) / 1e9;
        System.out.printf("round %d: appendTicks 1M rows (10 x 100k) %.3f s = %,.0f rows/s; read back %,d in %.3f s;"
            + " roll-up to %d 1m bars in %.0f ms%n", round, insertS, TICKS / insertS, read, readS, bars,
            rollS * 1000);
      }
      try (ClickHouseConnector ch = ClickHouseConnector.open(server.freshDatabase())) {
        long start = System.nanoTime();
        try (ClickHouseTickWriter writer = ClickHouseTickWriter.builder(ch).batchSize(100_000)
            .queueCapacity(200_000).maxDelay(Duration.ofMillis(200)).start()) {
          for (Tick t : ticks) {
            writer.append(t);
          }
          writer.flush();
        }
        double s = (System.nanoTime() - start) / 1e9;
        System.out.printf("round %d: ClickHouseTickWriter 1M rows %.3f s = %,.0f rows/s%n", round, s, TICKS / s);
      }
      try (ClickHouseConnector ch = ClickHouseConnector.open(server.freshDatabase());
          ClickHouseMarketStore store = ClickHouseMarketStore.open(ch)) {
        List<Bar> year = new ArrayList<>(250 * 375);
        for (int d = 0; d < 250; d++) {
          for (int m = 0; m < 375; m++) {
            long open = T0 + d * 86_400_000L + m * 60_000L;
            long c = 16_000_000 + 500L * ((d + m) % 300);
            year.add(new Bar(NIFTY, BarInterval.M1, open, open + 60_000, c, c + 1_000, c - 1_000, c, 1_000 + m,
                (1_000 + m) * c, 40, true));
          }
        }
        store.appendBars(year);
        long start = System.nanoTime();
        int n = store.bars(NIFTY, BarInterval.M1, 0, Long.MAX_VALUE).size();
        double ms = (System.nanoTime() - start) / 1e6;
        System.out.printf("round %d: read one instrument-year of 1m candles (%,d bars, FINAL) in %.0f ms%n", round,
            n, ms);
      }
    }
    System.exit(0);
  }
}
