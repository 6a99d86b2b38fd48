package io.aitrader.core.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.core.indicators.IndicatorState;
import io.aitrader.core.indicators.Input;
import org.junit.jupiter.api.Test;

class ReturnIndicatorTest {

  @Test
  void returnsTheChangeOverPeriodBarsOnceItHasPeriodPlusOneValues() {
    ReturnIndicator r = new ReturnIndicator(Input.CLOSE, 2);
    assertThat(r.warmUp()).isEqualTo(3);
    r.accept(100);
    r.accept(110);
    assertThat(r.isReady()).isFalse();
    assertThat(r.value()).isNaN();
    r.accept(120);
    assertThat(r.value()).isEqualTo(120.0 / 100 - 1);
    r.accept(99);
    assertThat(r.value()).isEqualTo(99.0 / 110 - 1);
    assertThat(r.name()).isEqualTo("ret(close,2)");
  }

  @Test
  void restoresItsStateBitForBit() {
    ReturnIndicator a = new ReturnIndicator(Input.CLOSE, 3);
    for (double x : new double[] {1.1, 2.3, 3.7, 4.1, 5.9}) {
      a.accept(x);
    }
    IndicatorState.Writer w = new IndicatorState.Writer();
    a.saveState(w);
    ReturnIndicator b = new ReturnIndicator(Input.CLOSE, 3);
    b.restoreState(new IndicatorState.Reader(w.toArray()));
    a.accept(7.3);
    b.accept(7.3);
    assertThat(Double.doubleToRawLongBits(b.value())).isEqualTo(Double.doubleToRawLongBits(a.value()));
    a.reset();
    assertThat(a.isReady()).isFalse();
  }
}
