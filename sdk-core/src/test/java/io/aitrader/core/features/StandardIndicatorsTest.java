package io.aitrader.core.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.feature.FeatureExpressionException;
import io.aitrader.api.feature.FeatureVector;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.money.Price;
import io.aitrader.core.indicators.Atr;
import io.aitrader.core.indicators.Input;
import io.aitrader.core.indicators.Macd;
import io.aitrader.core.indicators.Rsi;
import io.aitrader.core.testdata.TestInstruments;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StandardIndicatorsTest {
  private static List<Bar> randomBars(int n) {
    SplittableRandom r = new SplittableRandom(5);
    List<Bar> bars = new ArrayList<>();
    long p = 2_000 * Price.UNITS_PER_RUPEE;
    long t = TestInstruments.at("09:15:00");
    for (int i = 0; i < n; i++, t += 60_000) {
      long open = p;
      long close = Math.max(10_000, open + (r.nextInt(21) - 10) * 500L);
      long high = Math.max(open, close) + r.nextInt(4) * 500L;
      long low = Math.min(open, close) - r.nextInt(4) * 500L;
      long volume = 1 + r.nextInt(1_000);
      bars.add(new Bar(TestInstruments.RELIANCE, BarInterval.M1, t, t + 60_000, open, high, low, close, volume,
          close * volume, 1, true));
      p = close;
    }
    return bars;
  }

  @Test
  void everyStandardIndicatorCompilesAndProducesFiniteValues() {
    List<String> expressions = List.of("sma(10)", "ema(10)", "wma(10)", "dema(10)", "tema(10)", "rsi(14)",
        "macd().histogram", "bb(20,2).upper", "roc(10)", "mom(10)", "logret()", "volatility(20)", "zscore(20)",
        "max(high,20)", "min(low,20)", "atr(14)", "adx(14)", "stoch().d", "willr(14)", "cci(20)", "mfi(14)", "obv()",
        "vwap()", "vwap_dist", "supertrend().direction", "donchian(20).middle", "ret(5)", "ema(rsi(14),10)");

    List<FeatureVector> vectors = OfflineFeatures.compute(StandardIndicators.catalog(), expressions, randomBars(300));

    assertThat(vectors).isNotEmpty();
    assertThat(vectors.get(0).size()).isEqualTo(expressions.size());
    assertThat(vectors).allSatisfy(v -> {
      for (double x : v.values()) {
        assertThat(Double.isFinite(x)).isTrue();
      }
    });
  }

  @Test
  void catalogIndicatorsEqualTheDirectlyBuiltOnesBitForBit() {
    List<Bar> bars = randomBars(200);
    List<FeatureVector> vectors = OfflineFeatures.compute(StandardIndicators.catalog(),
        List.of("rsi(14)", "macd(12,26,9).signal", "atr(14)"), bars);
    Rsi rsi = Rsi.of(Input.CLOSE, 14);
    Macd macd = Macd.of(Input.CLOSE, 12, 26, 9);
    Atr atr = Atr.of(14);
    for (Bar b : bars) {
      rsi.update(b);
      macd.update(b);
      atr.update(b);
    }
    FeatureVector last = vectors.get(vectors.size() - 1);

    assertThat(Double.doubleToRawLongBits(last.value(0))).isEqualTo(Double.doubleToRawLongBits(rsi.value()));
    assertThat(Double.doubleToRawLongBits(last.value(1))).isEqualTo(Double.doubleToRawLongBits(macd.value(Macd.SIGNAL)));
    assertThat(Double.doubleToRawLongBits(last.value(2))).isEqualTo(Double.doubleToRawLongBits(atr.value()));
  }

  @Test
  void macdRejectsAFastPeriodNotBelowTheSlowOne() {
    assertThatThrownBy(() -> OfflineFeatures.compute(StandardIndicators.catalog(), List.of("macd(26,12,9)"), randomBars(5)))
        .isInstanceOf(FeatureExpressionException.class).hasMessageContaining("fast must be < slow");
  }
}
