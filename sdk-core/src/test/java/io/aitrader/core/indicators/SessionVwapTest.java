package io.aitrader.core.indicators;

import static io.aitrader.core.indicators.Group2Fixtures.assertMatches;
import static io.aitrader.core.indicators.Group2Fixtures.bar;
import static io.aitrader.core.indicators.Group2Fixtures.units;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.aitrader.api.market.Bar;
import io.aitrader.api.time.Ist;
import io.aitrader.core.testdata.TestInstruments;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionVwapTest {

  @Test
  void weighsCloseTimesVolumeWithinTheDay() {
    // (100·10 + 110·30) / 40 = 107.5; distance (110 − 107.5) / 107.5
    List<Bar> bars = Group2Fixtures.series().hlcv(100, 100, 100, 10).hlcv(110, 110, 110, 30).bars();
    SessionVwap vwap = SessionVwap.of();
    assertThat(vwap.value()).isNaN();
    assertThat(vwap.value(SessionVwap.DISTANCE)).isNaN();
    vwap.update(bars.get(0));
    assertThat(vwap.value()).isEqualTo(100.0);
    assertThat(vwap.value(SessionVwap.DISTANCE)).isZero();
    vwap.update(bars.get(1));
    assertThat(vwap.value()).isCloseTo(107.5, within(1e-12));
    assertThat(vwap.value(SessionVwap.DISTANCE)).isCloseTo(2.5 / 107.5, within(1e-12));
    assertThat(vwap.outputs()).containsExactly("vwap", "distance");
  }

  @Test
  void restartsAtIstMidnightWhichIs1830Utc() {
    long beforeMidnight = Instant.parse("2025-01-06T18:29:00Z").toEpochMilli(); // Mon 23:59 IST
    long afterMidnight = Instant.parse("2025-01-06T18:30:00Z").toEpochMilli(); // Tue 00:00 IST, same UTC date
    assertThat(Ist.epochDayOf(afterMidnight)).isEqualTo(Ist.epochDayOf(beforeMidnight) + 1);
    SessionVwap vwap = SessionVwap.of();
    vwap.update(bar(beforeMidnight, units(100), units(100), units(100), units(100), 10));
    vwap.update(bar(afterMidnight, units(120), units(120), units(120), units(120), 5));
    assertThat(vwap.value()).isEqualTo(120.0);
    assertThat(vwap.value(SessionVwap.DISTANCE)).isZero();
  }

  @Test
  void keepsAccumulatingAcrossUtcMidnightWithinOneIstDay() {
    long beforeUtcMidnight = Instant.parse("2025-01-06T23:59:00Z").toEpochMilli(); // Tue 05:29 IST
    long afterUtcMidnight = Instant.parse("2025-01-07T00:01:00Z").toEpochMilli(); // Tue 05:31 IST
    SessionVwap vwap = SessionVwap.of();
    vwap.update(bar(beforeUtcMidnight, units(100), units(100), units(100), units(100), 10));
    vwap.update(bar(afterUtcMidnight, units(110), units(110), units(110), units(110), 30));
    assertThat(vwap.value()).isCloseTo(107.5, within(1e-12));
  }

  @Test
  void isTheCloseUntilTheDayTradesVolume() {
    SessionVwap vwap = SessionVwap.of();
    vwap.update(bar(TestInstruments.at("09:15:00"), units(100), units(101), units(99), units(100.5), 0));
    assertThat(vwap.value()).isEqualTo(100.5);
    vwap.update(bar(TestInstruments.at("09:16:00"), units(100), units(101), units(99), units(99.5), 0));
    assertThat(vwap.value()).isEqualTo(99.5);
    assertThat(vwap.value(SessionVwap.DISTANCE)).isZero();
    vwap.update(bar(TestInstruments.at("09:17:00"), units(100), units(101), units(99), units(101), 4));
    assertThat(vwap.value()).isEqualTo(101.0);
  }

  @Test
  void usesTheBarsTurnoverNotTheClose() {
    // 10 shares, turnover ₹1,005 (trades at 100 and 101), close 101: VWAP 100.5
    Bar bar = new Bar(TestInstruments.RELIANCE, io.aitrader.api.market.BarInterval.M1, Group2Fixtures.OPEN,
        Group2Fixtures.OPEN + Group2Fixtures.MINUTE, units(100), units(101), units(100), units(101), 10,
        units(1005), 2, true);
    SessionVwap vwap = SessionVwap.of();
    vwap.update(bar);
    assertThat(vwap.value()).isEqualTo(100.5);
  }

  @Test
  void matchesPerDayRecomputationOverLongRandomSeries() {
    List<Bar> bars = Group2Fixtures.random(99, 12_000);
    double[] vwap = new double[bars.size()];
    double[] distance = new double[bars.size()];
    for (int i = 0; i < bars.size(); i++) {
      long day = Ist.epochDayOf(bars.get(i).openTimeMillis());
      BigDecimal turnover = BigDecimal.ZERO;
      BigDecimal volume = BigDecimal.ZERO;
      for (int j = i; j >= 0 && Ist.epochDayOf(bars.get(j).openTimeMillis()) == day; j--) {
        turnover = turnover.add(BigDecimal.valueOf(bars.get(j).turnover()));
        volume = volume.add(BigDecimal.valueOf(bars.get(j).volume()));
      }
      BigDecimal close = BigDecimal.valueOf(bars.get(i).close()).movePointLeft(4);
      BigDecimal v = volume.signum() == 0 ? close : turnover.movePointLeft(4).divide(volume, MathContext.DECIMAL64);
      vwap[i] = v.doubleValue();
      distance[i] = close.subtract(v).divide(v, MathContext.DECIMAL64).doubleValue();
    }
    assertThat(assertMatches(SessionVwap.of(), bars, vwap, distance)).isEqualTo(bars.size());
  }
}
