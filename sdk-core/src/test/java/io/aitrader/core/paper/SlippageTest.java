package io.aitrader.core.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ValidationException;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.Side;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class SlippageTest {
  private static final long TICK = Price.of("0.05").units();

  private static long units(String rupees) {
    return Price.of(rupees).units();
  }

  @Test
  void noSlippageKeepsAPriceOnTheGridAndRoundsAnOffGridOneAgainstTheOrder() {
    Slippage none = Slippage.none();
    assertThat(none.executionPrice(Side.BUY, units("100.05"), 0, 0, TICK)).isEqualTo(units("100.05"));
    assertThat(none.executionPrice(Side.BUY, units("100.01"), 0, 0, TICK)).isEqualTo(units("100.05"));
    assertThat(none.executionPrice(Side.SELL, units("100.04"), 0, 0, TICK)).isEqualTo(units("100.00"));
  }

  @Test
  void fixedBpsMovesThePriceAgainstTheOrderAndRoundsToTheTick() {
    Slippage tenBps = Slippage.fixedBps(10);
    // 100.00 × 1.001 = 100.10 exactly; × 0.999 = 99.90 exactly
    assertThat(tenBps.executionPrice(Side.BUY, units("100.00"), 0, 0, TICK)).isEqualTo(units("100.10"));
    assertThat(tenBps.executionPrice(Side.SELL, units("100.00"), 0, 0, TICK)).isEqualTo(units("99.90"));
    // 123.45 × 1.001 = 123.57345 → 123.60; × 0.999 = 123.32655 → 123.30
    assertThat(tenBps.executionPrice(Side.BUY, units("123.45"), 0, 0, TICK)).isEqualTo(units("123.60"));
    assertThat(tenBps.executionPrice(Side.SELL, units("123.45"), 0, 0, TICK)).isEqualTo(units("123.30"));
  }

  @Test
  void aSellNeverExecutesBelowOneTick() {
    assertThat(Slippage.fixedBps(9_999).executionPrice(Side.SELL, units("0.05"), 0, 0, TICK)).isEqualTo(TICK);
  }

  @Test
  void halfSpreadUsesTheTouchOnlyForAProperTwoSidedQuote() {
    Slippage half = Slippage.halfSpread(10);
    assertThat(half.executionPrice(Side.BUY, units("100.00"), units("99.95"), units("100.15"), TICK))
        .isEqualTo(units("100.15"));
    assertThat(half.executionPrice(Side.SELL, units("100.00"), units("99.95"), units("100.15"), TICK))
        .isEqualTo(units("99.95"));
    // crossed quote or one side missing: the fallback
    assertThat(half.executionPrice(Side.BUY, units("100.00"), units("100.20"), units("100.15"), TICK))
        .isEqualTo(units("100.10"));
    assertThat(half.executionPrice(Side.SELL, units("100.00"), 0, units("100.15"), TICK)).isEqualTo(units("99.90"));
  }

  @Test
  void bpsOutsideTheRangeAreRefused() {
    assertThatThrownBy(() -> Slippage.fixedBps(-1)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("Slippage.bps");
    assertThatThrownBy(() -> Slippage.halfSpread(10_000)).isInstanceOf(ValidationException.class);
  }

  @Property
  void slippageIsAlwaysAdverseOnTheGridAndWithinOneTickOfTheExactPrice(
      @ForAll @LongRange(min = 1, max = 100_000_000) long lastPrice, @ForAll @IntRange(min = 0, max = 500) int bps,
      @ForAll boolean buy) {
    // given
    Side side = buy ? Side.BUY : Side.SELL;
    java.math.BigDecimal exact = java.math.BigDecimal.valueOf(lastPrice)
        .multiply(java.math.BigDecimal.valueOf(10_000L + side.sign() * (long) bps))
        .divide(java.math.BigDecimal.valueOf(10_000L));
    // when
    long price = Slippage.fixedBps(bps).executionPrice(side, lastPrice, 0, 0, TICK);
    // then
    assertThat(price % TICK).isZero();
    java.math.BigDecimal p = java.math.BigDecimal.valueOf(price);
    if (buy) {
      assertThat(p).isGreaterThanOrEqualTo(exact).isLessThan(exact.add(java.math.BigDecimal.valueOf(TICK)));
    } else {
      assertThat(p).isLessThanOrEqualTo(exact.max(java.math.BigDecimal.valueOf(TICK)));
      assertThat(p).isGreaterThan(exact.subtract(java.math.BigDecimal.valueOf(TICK)));
    }
  }
}
