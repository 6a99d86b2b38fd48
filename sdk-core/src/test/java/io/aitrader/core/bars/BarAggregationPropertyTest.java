package io.aitrader.core.bars;

import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.market.Tick;
import io.aitrader.api.time.Ist;
import io.aitrader.core.testdata.TestInstruments;
import io.aitrader.core.testdata.WeekdayCalendar;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** For any time-ordered tick stream, the aggregator's bars equal a naive, obviously-correct recomputation. */
class BarAggregationPropertyTest {
  private static final List<Instrument> INSTRUMENTS = List.of(
      TestInstruments.RELIANCE, TestInstruments.TCS, TestInstruments.equity("INFY", "1594"));
  private static final BarInterval[] INTERVALS = {
      BarInterval.M1, BarInterval.M3, BarInterval.M5, BarInterval.M15, BarInterval.H1, BarInterval.D1};
  private static final LocalTime OPEN = LocalTime.of(9, 15);
  private static final LocalTime CLOSE = LocalTime.of(15, 30);

  /** One generated step: which instrument, how far time moves, the price in ticks of ₹0.05, the quantity. */
  record Step(int instrument, long deltaMillis, int priceTicks, long quantity) {}

  @Provide
  Arbitrary<Step> steps() {
    return Combinators.combine(
        Arbitraries.integers().between(0, INSTRUMENTS.size() - 1),
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(10, Arbitraries.longs().between(0, 5_000)),
            net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(0, 400_000)),
            net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(0, 40_000_000))),
        Arbitraries.integers().between(1, 100_000),
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(1, Arbitraries.just(0L)),
            net.jqwik.api.Tuple.of(6, Arbitraries.longs().between(1, 5_000))))
        .as(Step::new);
  }

  @Provide
  Arbitrary<List<Step>> streams() {
    return steps().list().ofMaxSize(400);
  }

  @Property(tries = 300)
  void barsEqualANaiveRecomputation(@ForAll("streams") List<Step> steps) {
    List<Tick> ticks = toTicks(steps);
    List<Bar> emitted = new ArrayList<>();
    TimeBarAggregator agg = TimeBarAggregator.builder().calendar(WeekdayCalendar.INSTANCE).intervals(INTERVALS)
        .listener(b -> emitted.add(b.toBar())).watermarkLag(Duration.ZERO).build();

    ticks.forEach(agg::onTick);
    agg.advanceTo(Long.MAX_VALUE / 2);

    List<Bar> expected = naiveBars(ticks);
    Comparator<Bar> order = Comparator.comparing((Bar b) -> b.instrument().id())
        .thenComparing(Bar::interval).thenComparingLong(Bar::openTimeMillis);
    assertThat(sorted(emitted, order)).containsExactlyElementsOf(sorted(expected, order));
    assertThat(agg.stats().ticksLate()).isZero();
    assertThat(agg.stats().ticksAccepted() + agg.stats().ticksOutsideSession()).isEqualTo(ticks.size());
  }

  private static List<Tick> toTicks(List<Step> steps) {
    long t = Ist.toEpochMillis(TestInstruments.MONDAY, LocalTime.of(9, 10));
    List<Tick> ticks = new ArrayList<>();
    for (Step s : steps) {
      t += s.deltaMillis();
      long price = s.priceTicks() * 500L; // ₹0.05 = 500 units
      ticks.add(new Tick(INSTRUMENTS.get(s.instrument()), t, price, s.quantity(), s.quantity(), 0, 0, 0, 0, 0));
    }
    return ticks;
  }

  /** Groups in-session ticks by (instrument, interval, bar start) computed with java.time, then folds OHLCV. */
  private static List<Bar> naiveBars(List<Tick> ticks) {
    Map<String, List<Tick>> groups = new TreeMap<>();
    Map<String, long[]> spans = new TreeMap<>();
    Map<String, Object[]> keys = new TreeMap<>();
    for (Tick tick : ticks) {
      ZonedDateTime z = Ist.at(tick.timestampMillis());
      LocalDate d = z.toLocalDate();
      LocalTime time = z.toLocalTime();
      if (!WeekdayCalendar.INSTANCE.isTradingDay(d) || time.isBefore(OPEN) || !time.isBefore(CLOSE)) {
        continue;
      }
      long open = Ist.toEpochMillis(d, OPEN);
      long close = Ist.toEpochMillis(d, CLOSE);
      for (BarInterval interval : INTERVALS) {
        long start;
        long end;
        if (interval == BarInterval.D1) {
          start = open;
          end = close;
        } else {
          long minutes = Duration.between(OPEN, time).toMinutes();
          long k = minutes / interval.duration().toMinutes();
          start = open + k * interval.millis();
          end = Math.min(start + interval.millis(), close);
        }
        String key = tick.instrument().id() + "|" + interval + "|" + start;
        groups.computeIfAbsent(key, x -> new ArrayList<>()).add(tick);
        spans.put(key, new long[] {start, end});
        keys.put(key, new Object[] {tick.instrument(), interval});
      }
    }
    List<Bar> bars = new ArrayList<>();
    for (Map.Entry<String, List<Tick>> e : groups.entrySet()) {
      List<Tick> g = e.getValue();
      long high = g.stream().mapToLong(Tick::lastPrice).max().orElseThrow();
      long low = g.stream().mapToLong(Tick::lastPrice).min().orElseThrow();
      long volume = g.stream().mapToLong(Tick::lastQuantity).sum();
      long turnover = g.stream().mapToLong(t -> t.lastPrice() * t.lastQuantity()).sum();
      int trades = (int) g.stream().filter(t -> t.lastQuantity() > 0).count();
      Object[] k = keys.get(e.getKey());
      long[] span = spans.get(e.getKey());
      bars.add(new Bar((Instrument) k[0], (BarInterval) k[1], span[0], span[1], g.get(0).lastPrice(), high, low,
          g.get(g.size() - 1).lastPrice(), volume, turnover, trades, true));
    }
    return bars;
  }

  private static List<Bar> sorted(List<Bar> bars, Comparator<Bar> order) {
    List<Bar> copy = new ArrayList<>(bars);
    copy.sort(order);
    return copy;
  }
}
