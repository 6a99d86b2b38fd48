package io.aitrader.api.market;

import static io.aitrader.api.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.Fixtures;
import io.aitrader.api.ValidationException;
import io.aitrader.api.money.Price;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TickTest {

  @Test
  void tradePrintCarriesPriceQuantityAndTime() {
    Tick t = Tick.trade(Fixtures.reliance(), T0, Price.of("2534.05").units(), 10);

    assertThat(t.price()).isEqualTo(Price.of("2534.05"));
    assertThat(t.lastQuantity()).isEqualTo(10);
    assertThat(t.dayVolume()).isEqualTo(10);
    assertThat(t.timestamp()).isEqualTo(Instant.ofEpochMilli(T0));
  }

  @Test
  void badPriceMessageNamesFieldAndValue() {
    assertThatThrownBy(() -> Tick.trade(Fixtures.reliance(), T0, -5, 1))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Tick.lastPrice must be > 0 (₹0.0001 units), was -5")
        .extracting(e -> ((ValidationException) e).field()).isEqualTo("Tick.lastPrice");
  }

  @Test
  void badQuantityMessageNamesFieldAndValue() {
    assertThatThrownBy(() -> Tick.trade(Fixtures.reliance(), T0, 1, -3))
        .hasMessage("Tick.lastQuantity must be >= 0, was -3");
    assertThatThrownBy(() -> new Tick(Fixtures.reliance(), T0, 1, 10, 5, 0, 0, 0, 0, 0))
        .hasMessage("Tick.dayVolume must be >= lastQuantity 10, was 5");
  }

  @Test
  void rejectsBadTimeBookAndOpenInterest() {
    assertThatThrownBy(() -> Tick.trade(Fixtures.reliance(), -1, 1, 1)).hasMessage("Tick.timestampMillis must be > 0, was -1");
    assertThatThrownBy(() -> new Tick(Fixtures.reliance(), T0, 1, 0, 0, -2, 1, 0, 0, 0)).hasMessageContaining("Tick.bid");
    assertThatThrownBy(() -> new Tick(Fixtures.reliance(), T0, 1, 0, 0, 0, 0, 0, -1, 0)).hasMessageContaining("Tick.ask");
    assertThatThrownBy(() -> new Tick(Fixtures.reliance(), T0, 1, 0, 0, 0, 0, 0, 0, -1)).hasMessageContaining("Tick.openInterest");
  }
}
