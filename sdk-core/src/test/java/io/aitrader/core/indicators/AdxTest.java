package io.aitrader.core.indicators;

import static io.aitrader.core.indicators.Group2Fixtures.UNITS;
import static io.aitrader.core.indicators.Group2Fixtures.assertMatches;
import static io.aitrader.core.indicators.Group2Fixtures.nans;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.aitrader.api.market.Bar;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdxTest {

  @Test
  void matchesHandComputedAdx2() {
    // n = 2: seed sums over bar 1 (+DM 1, TR 2); bars 2,3 give DX 100 and 33.33 -> ADX 66.67 at bar 3;
    // bar 4: +DM_S .375, -DM_S 1.75, TR_S 5.375 -> +DI 6.9767, -DI 32.5581, DX 64.7059, ADX (66.667 + 64.706)/2
    List<Bar> bars = Group2Fixtures.series()
        .hlc(10, 8, 9).hlc(11, 9, 10).hlc(12, 9.5, 11).hlc(11, 8, 8.5).hlc(10, 7, 9.5).bars();
    Adx adx = Adx.of(2);
    for (int i = 0; i < 3; i++) {
      adx.update(bars.get(i));
      assertThat(adx.isReady()).isFalse();
      assertThat(adx.value(Adx.PLUS_DI)).isNaN();
    }
    adx.update(bars.get(3));
    assertThat(adx.isReady()).isTrue();
    assertThat(adx.value()).isCloseTo(200.0 / 3, within(1e-9));
    assertThat(adx.value(Adx.PLUS_DI)).isCloseTo(100 * 0.75 / 4.75, within(1e-9));
    assertThat(adx.value(Adx.MINUS_DI)).isCloseTo(100 * 1.5 / 4.75, within(1e-9));
    adx.update(bars.get(4));
    assertThat(adx.value(Adx.PLUS_DI)).isCloseTo(100 * 0.375 / 5.375, within(1e-9));
    assertThat(adx.value(Adx.MINUS_DI)).isCloseTo(100 * 1.75 / 5.375, within(1e-9));
    assertThat(adx.value()).isCloseTo((200.0 / 3 + 100 * 1.375 / 2.125) / 2, within(1e-9));
    assertThat(adx.warmUp()).isEqualTo(4);
    assertThat(adx.outputs()).containsExactly("adx", "plusDi", "minusDi");
  }

  @Test
  void flatSeriesHasZeroDirectionalIndicatorsAndAdx() {
    Adx adx = Adx.of(14);
    Group2Fixtures.flat(60, 99.95, 10).forEach(adx::update);
    assertThat(adx.value()).isZero();
    assertThat(adx.value(Adx.PLUS_DI)).isZero();
    assertThat(adx.value(Adx.MINUS_DI)).isZero();
  }

  @Test
  void matchesBatchRecomputationOverLongRandomSeries() {
    List<Bar> bars = Group2Fixtures.random(22, 12_000);
    for (int n : new int[] {2, 14, 30}) {
      int ready = assertMatches(Adx.of(n), bars, reference(bars, n));
      assertThat(ready).isEqualTo(bars.size() - (2 * n - 1));
    }
  }

  private static boolean isZero(double v) {
    return Math.abs(v) < 1e-8;
  }

  /** ADX, +DI, −DI from arrays of DM and TR over the whole history, as TA-Lib's ADX describes them. */
  static double[][] reference(List<Bar> bars, int n) {
    int size = bars.size();
    double[] plusDm = new double[size];
    double[] minusDm = new double[size];
    double[] tr = new double[size];
    for (int i = 1; i < size; i++) {
      double up = (bars.get(i).high() - bars.get(i - 1).high()) / UNITS;
      double down = (bars.get(i - 1).low() - bars.get(i).low()) / UNITS;
      plusDm[i] = up > 0 && up > down ? up : 0; // exclusive with -DM: up > down rules out up < down
      minusDm[i] = down > 0 && up < down ? down : 0;
      tr[i] = Group2Fixtures.trueRange(bars, i);
    }
    // smoothed sums: S[n-1] = sum of values 1..n-1, then S[i] = S[i-1] - S[i-1]/n + x[i]
    double[] sp = new double[size];
    double[] sm = new double[size];
    double[] st = new double[size];
    for (int i = 1; i < n && i < size; i++) {
      sp[n - 1] += plusDm[i];
      sm[n - 1] += minusDm[i];
      st[n - 1] += tr[i];
    }
    double[] adx = nans(size);
    double[] plusDi = nans(size);
    double[] minusDi = nans(size);
    double[] dx = nans(size);
    for (int i = n; i < size; i++) {
      sp[i] = sp[i - 1] - sp[i - 1] / n + plusDm[i];
      sm[i] = sm[i - 1] - sm[i - 1] / n + minusDm[i];
      st[i] = st[i - 1] - st[i - 1] / n + tr[i];
      plusDi[i] = isZero(st[i]) ? 0 : 100.0 * (sp[i] / st[i]);
      minusDi[i] = isZero(st[i]) ? 0 : 100.0 * (sm[i] / st[i]);
      double sum = plusDi[i] + minusDi[i];
      dx[i] = isZero(st[i]) || isZero(sum) ? Double.NaN : 100.0 * (Math.abs(minusDi[i] - plusDi[i]) / sum);
    }
    int first = 2 * n - 1;
    if (first < size) {
      double total = 0;
      for (int i = n; i <= first; i++) {
        total += Double.isNaN(dx[i]) ? 0 : dx[i];
      }
      adx[first] = total / n;
      for (int i = first + 1; i < size; i++) {
        adx[i] = Double.isNaN(dx[i]) ? adx[i - 1] : (adx[i - 1] * (n - 1) + dx[i]) / n;
      }
    }
    for (int i = 0; i < Math.min(first, size); i++) {
      plusDi[i] = Double.NaN;
      minusDi[i] = Double.NaN;
    }
    return new double[][] {adx, plusDi, minusDi};
  }
}
