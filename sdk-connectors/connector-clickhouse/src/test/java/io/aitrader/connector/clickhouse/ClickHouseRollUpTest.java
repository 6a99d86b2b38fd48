package io.aitrader.connector.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentType;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.market.Tick;
import io.aitrader.api.money.Price;
import io.aitrader.api.time.Ist;
import io.aitrader.api.time.MarketCalendar;
import io.aitrader.core.bars.TimeBarAggregator;
import io.aitrader.core.calendar.ExchangeCalendar;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ClickHouseRollUpTest {
  private static final Instrument SBIN = Instrument.builder().exchange(Exchange.NSE).segment(Segment.CASH)
      .type(InstrumentType.EQ).tradingSymbol("SBIN").exchangeToken("3045").growwSymbol("NSE-SBIN")
      .name("State Bank of India").isin("INE062A01020").tickSize(Price.of("0.05")).build();
  private static final MarketCalendar NSE = ExchangeCalendar.nse();
  /** Sunday 2025-01-05 (no session) through Wednesday 2025-01-08. */
  private static final LocalDate FIRST = LocalDate.of(2025, 1, 5);
  private static final LocalDate LAST = LocalDate.of(2025, 1, 8);
  private static final long FROM = Ist.toEpochMillis(FIRST, LocalTime.MIDNIGHT);
  private static final long TO = Ist.toEpochMillis(LAST.plusDays(1), LocalTime.MIDNIGHT);

  private static ClickHouseConnector ch;
  private static ClickHouseMarketStore store;
  private static List<Tick> ticks;

  @BeforeAll
  static void storeSyntheticTicks() {
    ch = ClickHouseConnector.open(ClickHouseServer.get().freshDatabase());
    store = ClickHouseMarketStore.open(ch);
    ticks = syntheticTicks(new Random(42));
    store.appendTicks(ticks);
  }

  @AfterAll
  static void close() {
    store.close();
    ch.close();
  }

  /** A random walk, strictly increasing times from 08:30 to 16:00 IST each day (so some are out of session). */
  private static List<Tick> syntheticTicks(Random random) {
    List<Tick> out = new ArrayList<>();
    long price = 8_000_000; // ₹800
    for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
      long t = Ist.toEpochMillis(d, LocalTime.of(8, 30));
      long end = Ist.toEpochMillis(d, LocalTime.of(16, 0));
      while (true) {
        t += 1 + random.nextInt(4_000);
        if (t >= end) {
          break;
        }
        price = Math.max(500, price + 500L * (random.nextInt(5) - 2));
        long qty = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(500);
        out.add(Tick.trade(SBIN, t, price, qty));
      }
    }
    return out;
  }

  private static List<Bar> aggregatorBars(BarInterval interval) {
    List<Bar> bars = new ArrayList<>();
    TimeBarAggregator agg = TimeBarAggregator.builder().calendar(NSE).intervals(interval)
        .listener(b -> bars.add(b.toBar())).build();
    for (Tick t : ticks) {
      agg.onTick(t);
    }
    agg.advanceTo(TO);
    return bars;
  }

  @ParameterizedTest
  @EnumSource(value = BarInterval.class, names = {"M1", "M3", "M5", "M15", "H1", "D1"})
  void rollUpInClickHouseEqualsTheTimeBarAggregator(BarInterval interval) {
    List<Bar> expected = aggregatorBars(interval);

    List<Bar> rolled = store.rollUp(SBIN, interval, NSE, FROM, TO);

    assertThat(expected).isNotEmpty();
    assertThat(rolled).containsExactlyElementsOf(expected);
  }

  @ParameterizedTest
  @EnumSource(value = BarInterval.class, names = {"M5", "D1"})
  void aRangeEndingMidBarMarksTheLastBarIncomplete(BarInterval interval) {
    long cut = Ist.toEpochMillis(LAST, LocalTime.of(12, 2));

    List<Bar> rolled = store.rollUp(SBIN, interval, NSE, FROM, cut);

    assertThat(rolled).isNotEmpty();
    assertThat(rolled.get(rolled.size() - 1).complete()).isFalse();
    assertThat(rolled.subList(0, rolled.size() - 1)).allMatch(Bar::complete);
  }
}
