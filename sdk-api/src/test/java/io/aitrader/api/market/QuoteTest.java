package io.aitrader.api.market;

import static io.aitrader.api.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.Fixtures;
import io.aitrader.api.ValidationException;
import org.junit.jupiter.api.Test;

class QuoteTest {

  @Test
  void ltpQuoteHasNoBook() {
    Quote q = Quote.ltp(Fixtures.reliance(), T0, 25_340_500L, 1_000);

    assertThat(q.bidPrice()).isZero();
    assertThat(q.askPrice()).isZero();
    assertThat(q.dayVolume()).isEqualTo(1_000);
  }

  @Test
  void rejectsBadValuesNamingFieldAndValue() {
    assertThatThrownBy(() -> Quote.ltp(Fixtures.reliance(), T0, 0, 1))
        .isInstanceOf(ValidationException.class).hasMessage("Quote.lastPrice must be > 0 (₹0.0001 units), was 0");
    assertThatThrownBy(() -> Quote.ltp(Fixtures.reliance(), 0, 1, 1)).hasMessage("Quote.timestampMillis must be > 0, was 0");
    assertThatThrownBy(() -> Quote.ltp(Fixtures.reliance(), T0, 1, -1)).hasMessage("Quote.dayVolume must be >= 0, was -1");
    assertThatThrownBy(() -> new Quote(Fixtures.reliance(), T0, 1, 1, -1, 5, 0, 0, 0)).hasMessage("Quote.bid must be >= 0, was -1x5");
    assertThatThrownBy(() -> new Quote(Fixtures.reliance(), T0, 1, 1, 0, 0, 2, -3, 0)).hasMessage("Quote.ask must be >= 0, was 2x-3");
    assertThatThrownBy(() -> new Quote(Fixtures.reliance(), T0, 1, 1, 0, 0, 0, 0, -7)).hasMessageContaining("Quote.openInterest");
    assertThatThrownBy(() -> Quote.ltp(null, T0, 1, 1)).hasMessage("Quote.instrument is required, was null");
  }
}
