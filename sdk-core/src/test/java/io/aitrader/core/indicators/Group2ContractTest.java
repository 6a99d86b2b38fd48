package io.aitrader.core.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ValidationException;
import io.aitrader.api.market.Bar;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@link Indicator} contract, checked for every bar-based indicator. */
class Group2ContractTest {
  private static final List<Bar> BARS = Group2Fixtures.random(2024, 3_000);

  static List<Supplier<Indicator>> all() {
    return List.of(
        () -> Atr.of(14), () -> Adx.of(14), Stochastic::ofDefaults, () -> WilliamsR.of(14), () -> Cci.of(20),
        () -> Mfi.of(14), Obv::of, SessionVwap::of, SuperTrend::ofDefaults, () -> Donchian.of(20),
        () -> Stochastic.of(5, 1, 1), () -> Adx.of(2), () -> Atr.of(1), () -> Donchian.of(1));
  }

  static Stream<Arguments> indicators() {
    return all().stream().map(s -> Arguments.of(s.get().name(), s));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("indicators")
  void isNaNBeforeWarmUpAndReadyWithFiniteOutputsAtExactlyWarmUp(String name, Supplier<Indicator> factory) {
    Indicator indicator = factory.get();
    int warmUp = indicator.warmUp();
    for (int i = 0; i < warmUp - 1; i++) {
      indicator.update(BARS.get(i));
      assertThat(indicator.isReady()).as("ready after %d of %d bars", i + 1, warmUp).isFalse();
      for (int o = 0; o < indicator.outputs().size(); o++) {
        assertThat(indicator.value(o)).as("%s after %d bars", indicator.outputs().get(o), i + 1).isNaN();
      }
    }
    indicator.update(BARS.get(warmUp - 1));
    assertThat(indicator.isReady()).isTrue();
    assertThat(indicator.value()).isEqualTo(indicator.value(0));
    for (int o = 0; o < indicator.outputs().size(); o++) {
      assertThat(indicator.value(o)).as(indicator.outputs().get(o)).isFinite();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("indicators")
  void restoredStateContinuesBitForBit(String name, Supplier<Indicator> factory) {
    for (int split : new int[] {0, 1, factory.get().warmUp() - 1, 1_000}) {
      assertContinuesIdentically(factory, split);
    }
  }

  @Property(tries = 60)
  void restoredStateContinuesBitForBitFromAnyBar(@ForAll @IntRange(min = 0, max = 13) int which,
      @ForAll @IntRange(min = 0, max = 400) int split) {
    assertContinuesIdentically(all().get(which), split);
  }

  private static void assertContinuesIdentically(Supplier<Indicator> factory, int split) {
    Indicator original = factory.get();
    for (int i = 0; i < split; i++) {
      original.update(BARS.get(i));
    }
    IndicatorState.Writer writer = new IndicatorState.Writer();
    original.saveState(writer);
    long[] saved = writer.toArray();
    Indicator restored = factory.get();
    IndicatorState.Reader reader = new IndicatorState.Reader(saved);
    restored.restoreState(reader);
    assertThat(reader.isExhausted()).as("%s read its whole state", original.name()).isTrue();
    IndicatorState.Writer again = new IndicatorState.Writer();
    restored.saveState(again);
    assertThat(again.toArray()).as("state saved again after a restore").isEqualTo(saved);
    assertThat(restored.isReady()).isEqualTo(original.isReady());
    for (int i = split; i < split + 600; i++) {
      original.update(BARS.get(i));
      restored.update(BARS.get(i));
      assertSameBits(restored, original, i);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("indicators")
  void resetForgetsEveryBar(String name, Supplier<Indicator> factory) {
    Indicator used = factory.get();
    for (int i = 0; i < 700; i++) {
      used.update(BARS.get(2_000 + i));
    }
    used.reset();
    assertThat(used.isReady()).isFalse();
    assertThat(used.value()).isNaN();
    Indicator fresh = factory.get();
    for (int i = 0; i < 500; i++) {
      used.update(BARS.get(i));
      fresh.update(BARS.get(i));
      assertSameBits(used, fresh, i);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("indicators")
  void updatesWithoutAllocating(String name, Supplier<Indicator> factory) {
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    org.junit.jupiter.api.Assumptions.assumeTrue(threads instanceof com.sun.management.ThreadMXBean,
        "per-thread allocation counter available");
    com.sun.management.ThreadMXBean counter = (com.sun.management.ThreadMXBean) threads;
    long thread = Thread.currentThread().getId();
    Indicator indicator = factory.get();
    // outputs() is read once: the interface's default allocates a new list per call
    int last = indicator.outputs().size() - 1;
    double sink = 0;
    for (int i = 0; i < 1_000; i++) {
      indicator.update(BARS.get(i));
      sink += indicator.value(last);
    }
    long before = counter.getThreadAllocatedBytes(thread);
    for (int i = 1_000; i < 3_000; i++) {
      indicator.update(BARS.get(i));
      sink += indicator.value(last);
    }
    long allocated = counter.getThreadAllocatedBytes(thread) - before;
    // one object per update would be >= 32,000 bytes; allow for the counter's own noise
    assertThat(allocated).as("bytes allocated by 2,000 updates (sink %s)", sink).isLessThan(2_000);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("indicators")
  void rejectsAnOutputIndexItDoesNotHave(String name, Supplier<Indicator> factory) {
    Indicator indicator = factory.get();
    int outputs = indicator.outputs().size();
    assertThatThrownBy(() -> indicator.value(outputs)).isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining(indicator.name());
    assertThatThrownBy(() -> indicator.value(-1)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("indicators")
  void restoreRejectsTheStateOfAnotherShape(String name, Supplier<Indicator> factory) {
    Indicator indicator = factory.get();
    IndicatorState.Reader empty = new IndicatorState.Reader(new long[0]);
    assertThatThrownBy(() -> indicator.restoreState(empty)).isInstanceOf(IllegalStateException.class);
  }

  @org.junit.jupiter.api.Test
  void windowedIndicatorsRejectTheStateOfAnotherPeriod() {
    IndicatorState.Writer out = new IndicatorState.Writer();
    Donchian.of(20).saveState(out);
    assertThatThrownBy(() -> Donchian.of(10).restoreState(new IndicatorState.Reader(out.toArray())))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("20");
  }

  @org.junit.jupiter.api.Test
  void namesAreCanonical() {
    assertThat(Stream.of(Atr.of(14), Adx.of(14), Stochastic.of(14, 3, 3), WilliamsR.of(14), Cci.of(20), Mfi.of(14),
        Obv.of(), SessionVwap.of(), SuperTrend.of(10, 3), Donchian.of(20)).map(Indicator::name))
        .containsExactly("atr(14)", "adx(14)", "stoch(14,3,3)", "willr(14)", "cci(20)", "mfi(14)", "obv",
            "session_vwap", "supertrend(10,3)", "donchian(20)");
  }

  @org.junit.jupiter.api.Test
  void factoriesRejectBadParametersNamingTheField() {
    assertRejected(() -> Atr.of(0), "Atr.period");
    assertRejected(() -> Adx.of(1), "Adx.period");
    assertRejected(() -> Stochastic.of(0, 3, 3), "Stochastic.fastK");
    assertRejected(() -> Stochastic.of(14, 0, 3), "Stochastic.slowK");
    assertRejected(() -> Stochastic.of(14, 3, -1), "Stochastic.slowD");
    assertRejected(() -> WilliamsR.of(1), "WilliamsR.period");
    assertRejected(() -> Cci.of(1), "Cci.period");
    assertRejected(() -> Mfi.of(1), "Mfi.period");
    assertRejected(() -> SuperTrend.of(0, 3), "SuperTrend.period");
    assertRejected(() -> SuperTrend.of(10, 0), "SuperTrend.multiplier");
    assertRejected(() -> SuperTrend.of(10, Double.NaN), "SuperTrend.multiplier");
    assertRejected(() -> SuperTrend.of(10, Double.POSITIVE_INFINITY), "SuperTrend.multiplier");
    assertRejected(() -> Donchian.of(0), "Donchian.period");
  }

  private static void assertRejected(ThrowingCallable call, String field) {
    assertThatThrownBy(call).isInstanceOf(ValidationException.class).hasMessageStartingWith(field + " must be")
        .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo(field));
  }

  private static void assertSameBits(Indicator actual, Indicator expected, int bar) {
    assertThat(actual.isReady()).as("ready at bar %d", bar).isEqualTo(expected.isReady());
    for (int o = 0; o < expected.outputs().size(); o++) {
      long a = Double.doubleToRawLongBits(actual.value(o));
      long e = Double.doubleToRawLongBits(expected.value(o));
      if (a != e) {
        assertThat(actual.value(o)).as("%s.%s at bar %d (raw bits)", expected.name(), expected.outputs().get(o), bar)
            .isEqualTo(expected.value(o));
        assertThat(a).as("%s.%s raw bits at bar %d", expected.name(), expected.outputs().get(o), bar).isEqualTo(e);
      }
    }
  }
}
