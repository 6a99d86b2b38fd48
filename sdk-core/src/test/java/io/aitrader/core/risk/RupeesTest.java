package io.aitrader.core.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class RupeesTest {

  @Test
  void formatsWithIndianDigitGroupingAndAtLeastTwoDecimals() {
    assertThat(Rupees.format(0)).isEqualTo("₹0.00");
    assertThat(Rupees.format(5_000)).isEqualTo("₹0.50");
    assertThat(Rupees.format(25)).isEqualTo("₹0.0025");
    assertThat(Rupees.format(9_990_000)).isEqualTo("₹999.00");
    assertThat(Rupees.format(10_000_000)).isEqualTo("₹1,000.00");
    assertThat(Rupees.format(1_250_000_000L)).isEqualTo("₹1,25,000.00");
    assertThat(Rupees.format(123_456_789_012_345L)).isEqualTo("₹12,34,56,78,901.2345");
    assertThat(Rupees.format(-2_005_000L)).isEqualTo("-₹200.50");
    assertThat(Rupees.format(Long.MIN_VALUE)).isEqualTo("-₹92,23,37,20,36,85,477.5808");
  }

  @Property
  void groupingRemovedGivesTheExactAmount(@ForAll long units) {
    String s = Rupees.format(units).replace("₹", "").replace(",", "");

    assertThat(new BigDecimal(s)).isEqualByComparingTo(BigDecimal.valueOf(units, 4));
  }

  @Test
  void saturatingArithmeticClampsInsteadOfWrapping() {
    assertThat(Rupees.timesSaturated(3, 4)).isEqualTo(12);
    assertThat(Rupees.timesSaturated(Long.MAX_VALUE / 2, 3)).isEqualTo(Long.MAX_VALUE);
    assertThat(Rupees.timesSaturated(1L << 40, 1L << 40)).isEqualTo(Long.MAX_VALUE);
    assertThat(Rupees.plusSaturated(Long.MAX_VALUE, 1)).isEqualTo(Long.MAX_VALUE);
    assertThat(Rupees.plusSaturated(Long.MIN_VALUE, -1)).isEqualTo(Long.MIN_VALUE);
    assertThat(Rupees.plusSaturated(-5, 3)).isEqualTo(-2);
    assertThat(Rupees.absSaturated(Long.MIN_VALUE)).isEqualTo(Long.MAX_VALUE);
  }
}
