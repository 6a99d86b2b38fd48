package io.aitrader.core.market.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.money.Price;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class DecimalsTest {
  @Property
  void formatsUnitsLikePriceAndParsesThemBack(@ForAll @LongRange(min = 0, max = 900_000_000_000_000L) long units) {
    char[] buf = new char[40];

    int len = Decimals.writeUnits(buf, 0, units);
    String text = new String(buf, 0, len);

    assertThat(text).isEqualTo(Price.format(units));
    assertThat(Decimals.parseUnits(text, 0, text.length())).isEqualTo(units);
  }

  @Test
  void rejectsMalformedDecimals() {
    for (String s : new String[] {"", ".", "1.23456", "-1", "1e3", "1.2.3", "12a"}) {
      assertThat(Decimals.parseUnits(s, 0, s.length())).as(s).isEqualTo(Decimals.INVALID);
    }
    assertThat(Decimals.parseUnits(".5", 0, 2)).isEqualTo(5_000);
    assertThat(Decimals.parseLong("1234567890123456789", 0, 19)).isEqualTo(Decimals.INVALID);
  }
}
