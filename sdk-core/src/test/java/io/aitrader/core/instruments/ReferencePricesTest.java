package io.aitrader.core.instruments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ValidationException;
import io.aitrader.api.money.Price;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ReferencePricesTest {
  @Test
  void readsSymbolPriceRowsIgnoringCase() {
    ReferencePrices p = ReferencePrices.read(new StringReader("symbol,price\nRELIANCE,1400.10\nm&m,3600\n"), "p.csv");

    assertThat(p.find("reliance")).contains(Price.of("1400.10"));
    assertThat(p.find("M&M")).contains(Price.of("3600"));
    assertThat(p.find("TCS")).isEmpty();
  }

  @Test
  void badPriceNamesTheLine() {
    assertThatThrownBy(() -> ReferencePrices.read(new StringReader("symbol,price\nA,1\nB,abc\n"), "p.csv"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("p.csv line 3").hasMessageContaining("'abc'");
    assertThatThrownBy(() -> ReferencePrices.read(new StringReader("symbol,price\nA,0\n"), "p.csv"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("must be > 0");
  }

  @Test
  void bundledPricesCoverTheIndices() {
    assertThat(ReferencePrices.bundledNse().find("NIFTY")).isPresent();
    assertThat(ReferencePrices.bundledNse().size()).isGreaterThanOrEqualTo(52);
  }
}
