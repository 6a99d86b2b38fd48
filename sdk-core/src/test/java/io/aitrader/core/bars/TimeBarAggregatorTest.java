package io.aitrader.core.bars;

import static io.aitrader.core.testdata.TestInstruments.MONDAY;
import static io.aitrader.core.testdata.TestInstruments.RELIANCE;
import static io.aitrader.core.testdata.TestInstruments.TCS;
import static io.aitrader.core.testdata.TestInstruments.at;
import static io.aitrader.core.testdata.TestInstruments.rupees;
import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.market.Tick;
import io.aitrader.core.testdata.WeekdayCalendar;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeBarAggregatorTest {
  private final List<Bar> bars = new ArrayList<>();
  private final List<Bar> partials = new ArrayList<>();

  private TimeBarAggregator.Builder aggregator(BarInterval... intervals) {
    return TimeBarAggregator.builder().calendar(WeekdayCalendar.INSTANCE).intervals(intervals)
        .listener(b -> bars.add(b.toBar())).watermarkLag(Duration.ZERO);
  }

  private static Tick tick(Instrument i, long t, String price, long qty) {
    return new Tick(i, t, rupees(price), qty, qty, 0, 0, 0, 0, 0);
  }

  @Test
  void emitsBarWhenIntervalCloses() {
    TimeBarAggregator agg = aggregator(BarInterval.M1).build();

    agg.onTick(tick(RELIANCE, at("09:15:10"), "2500.00", 10));
    agg.onTick(tick(RELIANCE, at("09:15:20"), "2502.00", 5));
    agg.onTick(tick(RELIANCE, at("09:15:40"), "2499.00", 20));
    agg.onTick(tick(RELIANCE, at("09:15:59.999"), "2501.00", 15));
    assertThat(bars).isEmpty();
    agg.onTick(tick(RELIANCE, at("09:16:00"), "2503.00", 1));

    assertThat(bars).hasSize(1);
    Bar b = bars.get(0);
    assertThat(b.openTimeMillis()).isEqualTo(at("09:15:00"));
    assertThat(b.closeTimeMillis()).isEqualTo(at("09:16:00"));
    assertThat(b.open()).isEqualTo(rupees("2500.00"));
    assertThat(b.high()).isEqualTo(rupees("2502.00"));
    assertThat(b.low()).isEqualTo(rupees("2499.00"));
    assertThat(b.close()).isEqualTo(rupees("2501.00"));
    assertThat(b.volume()).isEqualTo(50);
    assertThat(b.turnover()).isEqualTo(rupees("2500") * 10 + rupees("2502") * 5 + rupees("2499") * 20 + rupees("2501") * 15);
    assertThat(b.tradeCount()).isEqualTo(4);
    assertThat(b.complete()).isTrue();
    assertThat(b.vwap().toString()).isEqualTo("2500.10");
  }

  @Test
  void alignsIntradayBarsToTheSessionOpenNotTheClockHour() {
    TimeBarAggregator agg = aggregator(BarInterval.H1, BarInterval.M30).build();

    agg.onTick(tick(RELIANCE, at("10:00:00"), "2500.00", 1));
    agg.onTick(tick(RELIANCE, at("15:20:00"), "2510.00", 1));
    agg.advanceTo(at("15:30:00"));

    assertThat(bars).extracting(b -> b.interval() + " " + b.openTimeMillis() + "-" + b.closeTimeMillis())
        .containsExactly(
            "30m " + at("09:45:00") + "-" + at("10:15:00"),
            "1h " + at("09:15:00") + "-" + at("10:15:00"),
            "30m " + at("15:15:00") + "-" + at("15:30:00"),
            "1h " + at("15:15:00") + "-" + at("15:30:00"));
  }

  @Test
  void theDailyBarSpansTheSessionAndClosesAtTheSessionEnd() {
    TimeBarAggregator agg = aggregator(BarInterval.D1).build();

    agg.onTick(tick(RELIANCE, at("09:15:00"), "2500.00", 10));
    agg.onTick(tick(RELIANCE, at("12:00:00"), "2550.00", 10));
    agg.onTick(tick(RELIANCE, at("15:29:59.999"), "2520.00", 10));
    agg.advanceTo(at("15:29:59.999"));
    assertThat(bars).isEmpty();
    agg.advanceTo(at("15:30:00"));

    assertThat(bars).singleElement().satisfies(b -> {
      assertThat(b.openTimeMillis()).isEqualTo(at("09:15:00"));
      assertThat(b.closeTimeMillis()).isEqualTo(at("15:30:00"));
      assertThat(b.high()).isEqualTo(rupees("2550"));
      assertThat(b.close()).isEqualTo(rupees("2520"));
      assertThat(b.volume()).isEqualTo(30);
    });
  }

  @Test
  void theNextDaysFirstTickClosesYesterdaysBars() {
    TimeBarAggregator agg = aggregator(BarInterval.M5).watermarkLag(Duration.ofDays(2)).build();

    agg.onTick(tick(RELIANCE, at("15:28:00"), "2500.00", 10));
    agg.onTick(tick(RELIANCE, at(LocalDate.of(2025, 1, 7), "09:15:03"), "2510.00", 10));

    assertThat(bars).singleElement().satisfies(b -> {
      assertThat(b.openTimeMillis()).isEqualTo(at("15:25:00"));
      assertThat(b.closeTimeMillis()).isEqualTo(at("15:30:00"));
    });
  }

  @Test
  void ticksOfOneInstrumentCloseTheBarsOfOthersThroughTheWatermark() {
    TimeBarAggregator agg = aggregator(BarInterval.M1).watermarkLag(Duration.ofSeconds(2)).build();

    agg.onTick(tick(RELIANCE, at("09:15:10"), "2500.00", 10));
    agg.onTick(tick(TCS, at("09:16:01"), "4000.00", 10));
    assertThat(bars).isEmpty(); // watermark 09:15:59 has not passed RELIANCE's 09:16 close
    agg.onTick(tick(TCS, at("09:16:02"), "4000.00", 10));

    assertThat(bars).singleElement().satisfies(b -> assertThat(b.instrument()).isEqualTo(RELIANCE));
  }

  @Test
  void dropsAndCountsTicksOutsideTheSession() {
    TimeBarAggregator agg = aggregator(BarInterval.M1).build();

    agg.onTick(tick(RELIANCE, at("09:08:00"), "2500.00", 10)); // pre-open
    agg.onTick(tick(RELIANCE, at("09:14:59.999"), "2500.00", 10));
    agg.onTick(tick(RELIANCE, at("15:30:00"), "2500.00", 10)); // close is exclusive
    agg.onTick(tick(RELIANCE, at(LocalDate.of(2025, 1, 11), "10:00:00"), "2500.00", 10)); // Saturday
    agg.flush();

    assertThat(bars).isEmpty();
    assertThat(agg.stats().ticksOutsideSession()).isEqualTo(4);
    assertThat(agg.stats().ticksAccepted()).isZero();
  }

  @Test
  void dropsAndCountsLateTicks() {
    TimeBarAggregator agg = aggregator(BarInterval.M1).build();

    agg.onTick(tick(RELIANCE, at("09:15:10"), "2500.00", 10));
    agg.onTick(tick(RELIANCE, at("09:16:10"), "2501.00", 10));
    agg.onTick(tick(RELIANCE, at("09:15:50"), "2600.00", 99)); // older than the previous tick
    agg.advanceTo(at("09:17:00"));
    agg.onTick(tick(TCS, at("09:16:30"), "4000.00", 1)); // its bar's time has passed the watermark

    assertThat(agg.stats().ticksLate()).isEqualTo(2);
    assertThat(bars).extracting(Bar::volume).containsExactly(10L, 10L);
    assertThat(bars).extracting(Bar::high).doesNotContain(rupees("2600"));
  }

  @Test
  void leavesGapsEmptyByDefault() {
    TimeBarAggregator agg = aggregator(BarInterval.M1).build();

    agg.onTick(tick(RELIANCE, at("09:15:10"), "2500.00", 10));
    agg.onTick(tick(RELIANCE, at("09:18:10"), "2505.00", 10));
    agg.advanceTo(at("09:20:00"));

    assertThat(bars).extracting(Bar::openTimeMillis).containsExactly(at("09:15:00"), at("09:18:00"));
  }

  @Test
  void fillsGapsWithFlatBarsWhenConfigured() {
    TimeBarAggregator agg = aggregator(BarInterval.M1).fillGaps(true).build();

    agg.onTick(tick(RELIANCE, at("09:15:10"), "2500.00", 10));
    agg.onTick(tick(RELIANCE, at("09:18:10"), "2505.00", 10));
    agg.advanceTo(at("09:21:00"));

    assertThat(bars).extracting(Bar::openTimeMillis).containsExactly(
        at("09:15:00"), at("09:16:00"), at("09:17:00"), at("09:18:00"), at("09:19:00"), at("09:20:00"));
    Bar gap = bars.get(1);
    assertThat(gap.volume()).isZero();
    assertThat(gap.tradeCount()).isZero();
    assertThat(List.of(gap.open(), gap.high(), gap.low(), gap.close())).containsOnly(rupees("2500.00"));
    assertThat(bars.get(4).close()).isEqualTo(rupees("2505.00"));
  }

  @Test
  void gapFillingStopsAtTheSessionClose() {
    TimeBarAggregator agg = aggregator(BarInterval.M15).fillGaps(true).build();

    agg.onTick(tick(RELIANCE, at("14:50:00"), "2500.00", 10));
    agg.advanceTo(at(LocalDate.of(2025, 1, 7), "10:00:00"));

    assertThat(bars).extracting(Bar::openTimeMillis).containsExactly(at("14:45:00"), at("15:00:00"), at("15:15:00"));
    assertThat(bars.get(2).closeTimeMillis()).isEqualTo(at("15:30:00"));
  }

  @Test
  void aTickWithoutQuantityMovesThePriceButNotTheVolume() {
    TimeBarAggregator agg = aggregator(BarInterval.M1).build();

    agg.onTick(tick(RELIANCE, at("09:15:10"), "2500.00", 10));
    agg.onTick(tick(RELIANCE, at("09:15:20"), "2510.00", 0));
    agg.advanceTo(at("09:16:00"));

    assertThat(bars).singleElement().satisfies(b -> {
      assertThat(b.high()).isEqualTo(rupees("2510.00"));
      assertThat(b.volume()).isEqualTo(10);
      assertThat(b.tradeCount()).isEqualTo(1);
    });
  }

  @Test
  void publishesRunningBarsToThePartialListener() {
    TimeBarAggregator agg = aggregator(BarInterval.M1, BarInterval.M5).partialListener(b -> partials.add(b.toBar())).build();

    agg.onTick(tick(RELIANCE, at("09:15:10"), "2500.00", 10));
    agg.onTick(tick(RELIANCE, at("09:15:20"), "2510.00", 5));

    assertThat(partials).hasSize(4).allSatisfy(b -> assertThat(b.complete()).isFalse());
    assertThat(partials.get(3).interval()).isEqualTo(BarInterval.M5);
    assertThat(partials.get(3).volume()).isEqualTo(15);
    assertThat(bars).isEmpty();
  }

  @Test
  void flushEmitsRunningBarsMarkedIncomplete() {
    TimeBarAggregator agg = aggregator(BarInterval.M5).build();

    agg.onTick(tick(RELIANCE, at("09:15:10"), "2500.00", 10));
    agg.flush();

    assertThat(bars).singleElement().satisfies(b -> assertThat(b.complete()).isFalse());
    assertThat(agg.stats().barsEmitted()).isEqualTo(1);
  }

  @Test
  void buildsEveryRequestedIntervalFromTheSameTicks() {
    TimeBarAggregator agg = aggregator(BarInterval.M1, BarInterval.M5, BarInterval.M15).build();

    for (int s = 0; s < 15 * 60; s += 30) {
      agg.onTick(tick(RELIANCE, at("09:15:00") + s * 1000L, "2500.00", 1));
    }
    agg.advanceTo(at("09:30:00"));

    assertThat(bars.stream().filter(b -> b.interval() == BarInterval.M1)).hasSize(15).allSatisfy(b -> assertThat(b.volume()).isEqualTo(2));
    assertThat(bars.stream().filter(b -> b.interval() == BarInterval.M5)).hasSize(3).allSatisfy(b -> assertThat(b.volume()).isEqualTo(10));
    assertThat(bars.stream().filter(b -> b.interval() == BarInterval.M15)).singleElement().satisfies(b -> assertThat(b.volume()).isEqualTo(30));
    assertThat(agg.stats().ticksAccepted()).isEqualTo(30);
    assertThat(MONDAY.getDayOfWeek()).hasToString("MONDAY");
  }
}
