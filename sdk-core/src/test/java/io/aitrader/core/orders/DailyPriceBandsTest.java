package io.aitrader.core.orders;

import static io.aitrader.core.testdata.TestInstruments.RELIANCE;
import static io.aitrader.core.testdata.TestInstruments.TCS;
import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.market.PriceBand;
import io.aitrader.api.money.Price;
import org.junit.jupiter.api.Test;

class DailyPriceBandsTest {
  @Test
  void aPercentageBandIsRoundedInwardsOntoTheTickGrid() {
    DailyPriceBands bands = new DailyPriceBands();

    // 1234.55 × 0.9 = 1111.095 → up to 1111.10; 1234.55 × 1.1 = 1358.005 → down to 1358.00
    PriceBand band = bands.setFromPreviousClose(RELIANCE, Price.of("1234.55"), 10);

    assertThat(band).isEqualTo(new PriceBand(Price.of("1111.10"), Price.of("1358.00")));
    assertThat(bands.band(RELIANCE)).contains(band);
    assertThat(bands.band(TCS)).isEmpty();
  }

  @Test
  void anExactBandStaysExact() {
    DailyPriceBands bands = new DailyPriceBands();

    assertThat(bands.setFromPreviousClose(RELIANCE, Price.of("2500.00"), 20))
        .isEqualTo(new PriceBand(Price.of("2000.00"), Price.of("3000.00")));
    bands.clear();
    assertThat(bands.band(RELIANCE)).isEmpty();
  }
}
