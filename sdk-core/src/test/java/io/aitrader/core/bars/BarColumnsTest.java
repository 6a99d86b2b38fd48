package io.aitrader.core.bars;

import static io.aitrader.core.testdata.TestInstruments.RELIANCE;
import static io.aitrader.core.testdata.TestInstruments.TCS;
import static io.aitrader.core.testdata.TestInstruments.at;
import static io.aitrader.core.testdata.TestInstruments.rupees;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.core.indicators.Ema;
import io.aitrader.core.indicators.Input;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarColumnsTest {

  private static Bar bar(Instrument instrument, int minute, long close, boolean complete) {
    long open = at("09:15") + minute * 60_000L;
    return new Bar(instrument, BarInterval.M1, open, open + 60_000, close - 100, close + 500, close - 700, close,
        10 + minute, close * (10 + minute), 3 + minute, complete);
  }

  @Test
  void storesEveryFieldOfEveryBarAndGivesThemBackInOrder() {
    BarColumns series = BarColumns.of(RELIANCE, BarInterval.M1);
    List<Bar> added = new ArrayList<>();
    for (int m = 0; m < 1_000; m++) { // past the initial capacity: the columns grow
      Bar b = bar(RELIANCE, m, rupees("2500.00") + m * 500L, true);
      added.add(b);
      series.add(b);
    }

    assertThat(series.size()).isEqualTo(1_000);
    BarColumns.Cursor cursor = series.cursor();
    for (int i = 0; i < added.size(); i++) {
      assertThat(cursor.moveTo(i).toBar()).isEqualTo(added.get(i));
      assertThat(series.get(i)).isEqualTo(added.get(i));
    }
    assertThat(cursor.position()).isEqualTo(999);
  }

  @Test
  void anIndicatorFedThroughTheCursorMatchesOneFedTheBarObjects() {
    BarColumns series = BarColumns.of(RELIANCE, BarInterval.M1);
    Ema viaObjects = Ema.of(Input.CLOSE, 20);
    Ema viaCursor = Ema.of(Input.CLOSE, 20);
    for (int m = 0; m < 300; m++) {
      Bar b = bar(RELIANCE, m, rupees("2500.00") + ((m * 7919L) % 41 - 20) * 500L, true);
      series.add(b);
      viaObjects.update(b);
    }
    BarColumns.Cursor cursor = series.cursor();
    for (int i = 0; i < series.size(); i++) {
      viaCursor.update(cursor.moveTo(i));
    }

    assertThat(viaCursor.value()).isEqualTo(viaObjects.value());
  }

  @Test
  void refusesBarsThatDoNotBelongWithAClearReason() {
    BarColumns series = BarColumns.of(RELIANCE, BarInterval.M1).add(bar(RELIANCE, 5, rupees("2500.00"), true));

    assertThatThrownBy(() -> series.add(bar(TCS, 6, rupees("3500.00"), true)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("instrument").hasMessageContaining("NSE:RELIANCE");
    assertThatThrownBy(() -> series.add(bar(RELIANCE, 6, rupees("2500.00"), false)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("still running");
    assertThatThrownBy(() -> series.add(bar(RELIANCE, 4, rupees("2500.00"), true)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("time order");
    assertThatThrownBy(() -> series.cursor().moveTo(1))
        .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("1 bars");
    assertThat(series.size()).isEqualTo(1);
  }
}
