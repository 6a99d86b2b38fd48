package io.aitrader.core.market.synthetic;

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
import io.aitrader.api.time.Ist;
import io.aitrader.api.time.TradingSession;
import io.aitrader.core.calendar.ExchangeCalendar;
import io.aitrader.core.instruments.InMemoryInstrumentRepository;
import io.aitrader.core.instruments.ReferencePrices;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SyntheticBarsTest {
  static final InMemoryInstrumentRepository REPO = InMemoryInstrumentRepository.bundledNse();
  static final ExchangeCalendar NSE = ExchangeCalendar.nse();
  static final LocalDate DAY = LocalDate.of(2025, 6, 2);
  static final Instrument RELIANCE = REPO.findById("NSE:RELIANCE").orElseThrow();
  static final Instrument NIFTY = REPO.findById("NSE:NIFTY").orElseThrow();
  /** Not in the reference prices; a lot of 50 and a 0.05 tick. */
  static final Instrument LOTS = custom("SYNLOT", 50, "0.05");
  /** A penny stock with a 0.01 tick, started at ₹0.50 below. */
  static final Instrument PENNY = custom("SYNPENNY", 1, "0.01");

  static Instrument custom(String symbol, int lot, String tick) {
    return Instrument.builder().exchange(Exchange.NSE).segment(Segment.CASH).type(InstrumentType.EQ)
        .tradingSymbol(symbol).exchangeToken("9" + symbol.length()).lotSize(lot).tickSize(Price.of(tick)).build();
  }

  static SyntheticBars bars(long seed) {
    return SyntheticBars.builder().seed(seed).startPrice(PENNY, Price.of("0.50")).build();
  }

  static TradingSession session(LocalDate date) {
    return NSE.session(date).orElseThrow();
  }

  static long at(LocalDate date, int hour, int minute) {
    return Ist.toEpochMillis(date, LocalTime.of(hour, minute));
  }

  /** A naive aggregation of one-minute bars into {@code interval} bars, by aligned open time. */
  static List<Bar> aggregate(List<Bar> m1, BarInterval interval, TradingSession s) {
    Map<Long, List<Bar>> groups = new LinkedHashMap<>();
    for (Bar b : m1) {
      long open = interval.isDaily() ? s.openMillis()
          : s.openMillis() + (b.openTimeMillis() - s.openMillis()) / interval.millis() * interval.millis();
      groups.computeIfAbsent(open, k -> new ArrayList<>()).add(b);
    }
    List<Bar> out = new ArrayList<>();
    groups.forEach((open, g) -> {
      long close = interval.isDaily() ? s.closeMillis() : Math.min(open + interval.millis(), s.closeMillis());
      long high = g.stream().mapToLong(Bar::high).max().orElseThrow();
      long low = g.stream().mapToLong(Bar::low).min().orElseThrow();
      long volume = g.stream().mapToLong(Bar::volume).sum();
      long turnover = g.stream().mapToLong(Bar::turnover).sum();
      int trades = g.stream().mapToInt(Bar::tradeCount).sum();
      out.add(new Bar(g.get(0).instrument(), interval, open, close, g.get(0).open(), high, low,
          g.get(g.size() - 1).close(), volume, turnover, trades, true));
    });
    return out;
  }

  @Test
  void regularSessionBarsAreAlignedToTheOpenAndCutAtTheClose() {
    SyntheticBars synthetic = bars(1);
    TradingSession s = session(DAY);

    List<Bar> m1 = synthetic.session(RELIANCE, BarInterval.M1, s);
    List<Bar> m5 = synthetic.session(RELIANCE, BarInterval.M5, s);
    List<Bar> m30 = synthetic.session(RELIANCE, BarInterval.M30, s);
    List<Bar> h1 = synthetic.session(RELIANCE, BarInterval.H1, s);
    List<Bar> d1 = synthetic.session(RELIANCE, BarInterval.D1, s);

    assertThat(m1).hasSize(375);
    assertThat(m5).hasSize(75);
    assertThat(m30).hasSize(13);
    assertThat(h1).hasSize(7);
    assertThat(d1).hasSize(1);
    for (List<Bar> list : List.of(m1, m5, m30, h1)) {
      long step = list.get(0).interval().millis();
      for (int k = 0; k < list.size(); k++) {
        assertThat(list.get(k).openTimeMillis()).isEqualTo(s.openMillis() + k * step);
        assertThat(list.get(k).closeTimeMillis()).isEqualTo(Math.min(s.openMillis() + (k + 1) * step, s.closeMillis()));
        assertThat(list.get(k).complete()).isTrue();
      }
    }
    assertThat(h1.get(6).openTimeMillis()).isEqualTo(at(DAY, 15, 15));
    assertThat(h1.get(6).closeTimeMillis()).isEqualTo(at(DAY, 15, 30));
    assertThat(m30.get(12).openTimeMillis()).isEqualTo(at(DAY, 15, 15));
    assertThat(d1.get(0).openTimeMillis()).isEqualTo(at(DAY, 9, 15));
    assertThat(d1.get(0).closeTimeMillis()).isEqualTo(at(DAY, 15, 30));
  }

  @Test
  void specialSessionGetsBarsWithinItsOwnHours() {
    LocalDate muhurat = LocalDate.of(2024, 11, 1);
    ExchangeCalendar calendar = ExchangeCalendar.builder()
        .specialSession(muhurat, "Muhurat trading", LocalTime.of(18, 0), LocalTime.of(19, 0)).build();
    SyntheticBars synthetic = SyntheticBars.builder().calendar(calendar).seed(3).build();
    TradingSession s = calendar.session(muhurat).orElseThrow();

    List<Bar> m1 = synthetic.session(RELIANCE, BarInterval.M1, s);
    List<Bar> h1 = synthetic.session(RELIANCE, BarInterval.H1, s);
    List<Bar> m15 = synthetic.session(RELIANCE, BarInterval.M15, s);

    assertThat(m1).hasSize(60);
    assertThat(m1.get(0).openTimeMillis()).isEqualTo(at(muhurat, 18, 0));
    assertThat(m1.get(59).closeTimeMillis()).isEqualTo(at(muhurat, 19, 0));
    assertThat(m15).hasSize(4).isEqualTo(aggregate(m1, BarInterval.M15, s));
    assertThat(h1).hasSize(1).isEqualTo(aggregate(m1, BarInterval.H1, s));
    assertThat(synthetic.session(RELIANCE, BarInterval.D1, s)).isEqualTo(aggregate(m1, BarInterval.D1, s));
  }

  @Property(tries = 60)
  void coarserIntervalsEqualTheAggregationOfTheOneMinuteBars(@ForAll("instruments") Instrument instrument,
      @ForAll("tradingDays") LocalDate date, @ForAll long seed) {
    SyntheticBars synthetic = bars(seed);
    TradingSession s = session(date);

    List<Bar> m1 = synthetic.session(instrument, BarInterval.M1, s);

    for (BarInterval interval : BarInterval.values()) {
      assertThat(synthetic.session(instrument, interval, s)).as("%s %s", instrument, interval)
          .isEqualTo(aggregate(m1, interval, s));
    }
  }

  @Property(tries = 100)
  void everyBarIsConsistentOnTheTickAndInWholeLots(@ForAll("instruments") Instrument instrument,
      @ForAll("tradingDays") LocalDate date, @ForAll long seed) {
    long tick = instrument.tickSize().units();

    List<Bar> m1 = bars(seed).session(instrument, BarInterval.M1, session(date));

    for (Bar b : m1) {
      assertThat(b.low()).isPositive().isLessThanOrEqualTo(Math.min(b.open(), b.close()));
      assertThat(b.high()).isGreaterThanOrEqualTo(Math.max(b.open(), b.close()));
      for (long price : new long[] {b.open(), b.high(), b.low(), b.close()}) {
        assertThat(price % tick).as("%s on the %s tick", b, instrument.tickSize()).isZero();
      }
      assertThat(b.complete()).isTrue();
      if (instrument.type().isTradable()) {
        assertThat(b.volume()).isPositive();
        assertThat(b.volume() % instrument.lotSize()).isZero();
        assertThat((long) b.tradeCount()).isPositive().isLessThanOrEqualTo(b.volume());
        assertThat(b.vwap().units()).isBetween(b.low(), b.high());
      } else {
        assertThat(b.volume()).isZero();
        assertThat(b.turnover()).isZero();
      }
    }
  }

  @Property(tries = 30)
  void barsDependOnlyOnSeedInstrumentAndDateNotOnTheOrderOfCalls(@ForAll long seed,
      @ForAll @IntRange(min = 0, max = 1000) int shuffleSeed) {
    record Ask(Instrument instrument, LocalDate date, BarInterval interval) {}
    List<Ask> asks = new ArrayList<>();
    for (Instrument i : List.of(RELIANCE, NIFTY, LOTS, PENNY)) {
      for (LocalDate d : List.of(LocalDate.of(2020, 1, 1), LocalDate.of(2021, 7, 5), DAY, LocalDate.of(2026, 12, 31))) {
        LocalDate day = NSE.nextTradingDay(d);
        for (BarInterval interval : List.of(BarInterval.M1, BarInterval.M15, BarInterval.D1)) {
          asks.add(new Ask(i, day, interval));
        }
      }
    }
    Map<Ask, List<Bar>> inOrder = new HashMap<>();
    SyntheticBars first = bars(seed);
    for (Ask a : asks) {
      inOrder.put(a, first.session(a.instrument(), a.interval(), session(a.date())));
    }

    List<Ask> shuffled = new ArrayList<>(asks);
    Collections.shuffle(shuffled, new Random(shuffleSeed));
    SyntheticBars second = bars(seed);
    Map<Ask, List<Bar>> outOfOrder = new HashMap<>();
    for (Ask a : shuffled) {
      outOfOrder.put(a, second.session(a.instrument(), a.interval(), session(a.date())));
    }
    Ask alone = shuffled.get(0);
    List<Bar> fresh = bars(seed).session(alone.instrument(), alone.interval(), session(alone.date()));

    assertThat(outOfOrder).isEqualTo(inOrder);
    assertThat(fresh).isEqualTo(inOrder.get(alone));
  }

  @Test
  void eachSessionOpensNearThePreviousClose() {
    SyntheticBars synthetic = bars(11);

    for (Instrument i : List.of(RELIANCE, NIFTY, LOTS, PENNY)) {
      List<Bar> d1 = synthetic.bars(i, BarInterval.D1, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
      assertThat(d1).hasSize(247);
      for (int k = 1; k < d1.size(); k++) {
        double gap = Math.log((double) d1.get(k).open() / d1.get(k - 1).close());
        // overnight sd ≈ 0.7%; 5% is seven sd, and the penny stock's one-tick steps are 2% at ₹0.50
        assertThat(Math.abs(gap)).as("%s gap into %s", i, d1.get(k)).isLessThan(0.05);
      }
    }
  }

  @Test
  void oneMinuteBarsOfADayChainFromTheDailyOpenToTheDailyClose() {
    SyntheticBars synthetic = bars(5);
    TradingSession s = session(DAY);

    List<Bar> m1 = synthetic.session(RELIANCE, BarInterval.M1, s);
    Bar d1 = synthetic.session(RELIANCE, BarInterval.D1, s).get(0);

    assertThat(m1.get(0).open()).isEqualTo(d1.open());
    assertThat(m1.get(374).close()).isEqualTo(d1.close());
    for (int k = 1; k < m1.size(); k++) {
      assertThat(m1.get(k).open()).isEqualTo(m1.get(k - 1).close());
    }
  }

  @Test
  void differentSeedsGiveDifferentPaths() {
    TradingSession s = session(DAY);

    List<Bar> a = bars(1).session(RELIANCE, BarInterval.M1, s);
    List<Bar> b = bars(2).session(RELIANCE, BarInterval.M1, s);

    assertThat(a.stream().map(Bar::close).toList()).isNotEqualTo(b.stream().map(Bar::close).toList());
    assertThat(a.get(0).open()).isNotEqualTo(b.get(0).open());
  }

  @Test
  void annualizedVolatilityOfDailyClosesIsNearTheTarget() {
    SyntheticBars synthetic = SyntheticBars.builder().seed(2024).annualVolatility(0.25).build();

    for (Instrument i : List.of(RELIANCE, NIFTY, LOTS)) {
      List<Bar> d1 = synthetic.bars(i, BarInterval.D1, LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31));
      double sum = 0;
      double sumSq = 0;
      int n = d1.size() - 1;
      for (int k = 1; k < d1.size(); k++) {
        double r = Math.log((double) d1.get(k).close() / d1.get(k - 1).close());
        sum += r;
        sumSq += r * r;
      }
      double annualized = Math.sqrt((sumSq / n - (sum / n) * (sum / n)) * 252);

      assertThat(annualized).as("%s", i).isBetween(0.10, 0.50);
    }
  }

  @Test
  void volumeIsHigherNearTheOpenAndTheCloseThanAtMidday() {
    SyntheticBars synthetic = bars(9);
    long[] byMinute = new long[375];
    for (LocalDate d = LocalDate.of(2025, 3, 3); d.isBefore(LocalDate.of(2025, 4, 1)); d = d.plusDays(1)) {
      if (NSE.isTradingDay(d)) {
        List<Bar> m1 = synthetic.session(RELIANCE, BarInterval.M1, session(d));
        for (int m = 0; m < 375; m++) {
          byMinute[m] += m1.get(m).volume();
        }
      }
    }

    long firstQuarterHour = sum(byMinute, 0, 15);
    long middayQuarterHour = sum(byMinute, 180, 195);
    long lastQuarterHour = sum(byMinute, 360, 375);

    assertThat(firstQuarterHour).isGreaterThan(2 * middayQuarterHour);
    assertThat(lastQuarterHour).isGreaterThan(middayQuarterHour * 3 / 2);
  }

  static long sum(long[] a, int from, int to) {
    long s = 0;
    for (int i = from; i < to; i++) {
      s += a[i];
    }
    return s;
  }

  @Test
  void startPricesComeFromSetThenReferenceThenFallbackPrices() {
    SyntheticBars synthetic = SyntheticBars.builder().startPrice(PENNY, Price.of("0.50")).build();
    SyntheticBars noReferences = SyntheticBars.builder().referencePrices(ReferencePrices.empty())
        .fallbackStartPrice(Price.ofRupees(250)).build();

    assertThat(synthetic.startPrice(PENNY)).isEqualTo(Price.of("0.50"));
    assertThat(synthetic.startPrice(RELIANCE)).isEqualTo(ReferencePrices.bundledNse().find(RELIANCE).orElseThrow());
    assertThat(synthetic.startPrice(LOTS)).isEqualTo(Price.ofRupees(1_000));
    assertThat(noReferences.startPrice(RELIANCE)).isEqualTo(Price.ofRupees(250));
    Bar firstDay = synthetic.session(LOTS, BarInterval.D1, session(LocalDate.of(2020, 1, 1))).get(0);
    assertThat(firstDay.open()).isBetween(Price.ofRupees(950).units(), Price.ofRupees(1_050).units());
  }

  @Test
  void refusesDaysThatAreNotTradingDaysOrBeforeTheAnchor() {
    SyntheticBars synthetic = bars(1);
    LocalDate diwali = LocalDate.of(2025, 10, 21);
    LocalDate sunday = LocalDate.of(2025, 6, 1);
    TradingSession holiday = new TradingSession(diwali, at(diwali, 9, 0), at(diwali, 9, 8), at(diwali, 9, 15), at(diwali, 15, 30));
    TradingSession weekend = new TradingSession(sunday, at(sunday, 9, 0), at(sunday, 9, 8), at(sunday, 9, 15), at(sunday, 15, 30));

    assertThatThrownBy(() -> synthetic.session(RELIANCE, BarInterval.M1, holiday))
        .isInstanceOf(ValidationException.class).hasMessageContaining("trading day").hasMessageContaining("Diwali");
    assertThatThrownBy(() -> synthetic.session(RELIANCE, BarInterval.M1, weekend))
        .isInstanceOf(ValidationException.class).hasMessageContaining("SUNDAY");
    assertThatThrownBy(() -> synthetic.session(RELIANCE, BarInterval.M1, session(LocalDate.of(2019, 12, 31))))
        .isInstanceOf(ValidationException.class).hasMessageContaining("2020-01-01");
  }

  @Test
  void builderRefusesOutOfRangeOptions() {
    assertThatThrownBy(() -> SyntheticBars.builder().annualVolatility(-0.1))
        .isInstanceOf(ValidationException.class).hasMessageContaining("annualVolatility");
    assertThatThrownBy(() -> SyntheticBars.builder().annualDrift(3))
        .isInstanceOf(ValidationException.class).hasMessageContaining("annualDrift");
    assertThatThrownBy(() -> SyntheticBars.builder().fallbackStartPrice(Price.ZERO))
        .isInstanceOf(ValidationException.class).hasMessageContaining("fallbackStartPrice");
  }

  @Test
  void rangeConcatenatesTheSessionsOfItsTradingDays() {
    SyntheticBars synthetic = bars(4);
    LocalDate from = LocalDate.of(2025, 10, 17);
    LocalDate to = LocalDate.of(2025, 10, 24);

    List<Bar> range = synthetic.bars(RELIANCE, BarInterval.H1, from, to);

    List<Bar> expected = new ArrayList<>();
    for (LocalDate d : List.of(LocalDate.of(2025, 10, 17), LocalDate.of(2025, 10, 20), LocalDate.of(2025, 10, 23),
        LocalDate.of(2025, 10, 24))) {
      expected.addAll(synthetic.session(RELIANCE, BarInterval.H1, session(d)));
    }
    assertThat(range).hasSize(28).isEqualTo(expected);
  }

  @Test
  void concurrentCallersGetTheSameBarsAsASequentialCaller() throws Exception {
    List<Instrument> universe = REPO.all().subList(0, 12);
    LocalDate from = LocalDate.of(2024, 12, 20);
    LocalDate to = LocalDate.of(2025, 1, 10);
    Map<Instrument, List<Bar>> sequential = new HashMap<>();
    SyntheticBars one = bars(21);
    for (Instrument i : universe) {
      sequential.put(i, one.bars(i, BarInterval.M15, from, to));
    }

    SyntheticBars shared = bars(21);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    Map<Instrument, Future<List<Bar>>> concurrent = new HashMap<>();
    try {
      for (Instrument i : universe) {
        concurrent.put(i, pool.submit(() -> shared.bars(i, BarInterval.M15, from, to)));
      }
      for (Instrument i : universe) {
        assertThat(concurrent.get(i).get(30, TimeUnit.SECONDS)).as("%s", i).isEqualTo(sequential.get(i));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void returnedListsAreImmutable() {
    List<Bar> m5 = bars(1).session(RELIANCE, BarInterval.M5, session(DAY));

    assertThatThrownBy(() -> m5.set(0, m5.get(1))).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> m5.add(m5.get(1))).isInstanceOf(UnsupportedOperationException.class);
  }

  @Provide
  Arbitrary<Instrument> instruments() {
    List<Instrument> all = new ArrayList<>(REPO.all());
    all.add(LOTS);
    all.add(PENNY);
    return Arbitraries.of(all);
  }

  @Provide
  Arbitrary<LocalDate> tradingDays() {
    return Arbitraries.integers().between(0, 7 * 365)
        .map(d -> NSE.nextTradingDay(LocalDate.of(2020, 1, 1).plusDays(d)));
  }
}
