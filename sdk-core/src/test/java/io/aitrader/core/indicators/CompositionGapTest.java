package io.aitrader.core.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.market.BarView;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompositionGapTest {
  /** The close, except NaN on the bars listed: a series with gaps. */
  private static Input gappy(int... gapBars) {
    return new Input() {
      private int bar;

      @Override
      public double next(BarView b) {
        int i = bar++;
        for (int g : gapBars) {
          if (g == i) {
            return Double.NaN;
          }
        }
        return Input.CLOSE.next(b);
      }

      @Override
      public String name() {
        return "gappy";
      }
    };
  }

  @Test
  void aComposedIndicatorDoesNotCountItsInnersStaleValueOnAGapBar() {
    Sma inner = Sma.of(gappy(3, 4), 2);
    Ema outer = Ema.of(Input.of(inner), 2);
    Sma innerAlone = Sma.of(gappy(3, 4), 2);
    List<Double> innerValues = new ArrayList<>();

    for (int i = 0; i < 8; i++) {
      BarView bar = Group1Fixtures.bar(i, 100 + i * i);
      outer.update(bar);
      innerAlone.update(bar);
      if (innerAlone.advancedOnLastBar() && innerAlone.isReady()) {
        innerValues.add(innerAlone.value());
      }
    }

    // EMA(2) over the inner SMA's distinct values only: seeded with their first two, then k = 2/3
    double ema = (innerValues.get(0) + innerValues.get(1)) / 2;
    for (int i = 2; i < innerValues.size(); i++) {
      ema += (innerValues.get(i) - ema) * (2.0 / 3.0);
    }
    assertThat(innerValues).hasSize(5); // 8 bars, 2 gaps, 1 bar of SMA(2) warm-up
    assertThat(outer.value()).isEqualTo(ema);
  }
}
