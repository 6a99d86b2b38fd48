package io.aitrader.core.indicators;

import static io.aitrader.core.indicators.Group1Fixtures.bar;
import static io.aitrader.core.indicators.Group1Fixtures.randomWalk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ValidationException;
import io.aitrader.api.market.Bar;
import java.util.function.Function;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@link Indicator} contract, for every group-1 indicator: readiness, gaps, save/restore, reset, names. */
class Group1ContractTest {
  private static final double[] CLOSES = randomWalk(7, 400);

  /** name, factory over an input, expected warm-up over a bar field, expected name over close. */
  static Stream<Arguments> indicators() {
    return Stream.of(
        of("sma", in -> Sma.of(in, 20), 20, "sma(close,20)"),
        of("ema", in -> Ema.of(in, 20), 20, "ema(close,20)"),
        of("wma", in -> Wma.of(in, 10), 10, "wma(close,10)"),
        of("dema", in -> Dema.of(in, 10), 19, "dema(close,10)"),
        of("tema", in -> Tema.of(in, 10), 28, "tema(close,10)"),
        of("rsi", in -> Rsi.of(in, 14), 15, "rsi(close,14)"),
        of("macd", in -> Macd.of(in), 34, "macd(close,12,26,9)"),
        of("bollinger", in -> BollingerBands.of(in), 20, "bollinger(close,20,2)"),
        of("bollinger2.5", in -> BollingerBands.of(in, 10, 2.5), 10, "bollinger(close,10,2.5)"),
        of("roc", in -> Roc.of(in, 10), 11, "roc(close,10)"),
        of("momentum", in -> Momentum.of(in, 10), 11, "momentum(close,10)"),
        of("logreturn", in -> LogReturn.of(in), 2, "logreturn(close,1)"),
        of("volatility", in -> RollingVolatility.of(in, 20), 21, "volatility(close,20)"),
        of("zscore", in -> ZScore.of(in, 20), 20, "zscore(close,20)"),
        of("max", in -> RollingMax.of(in, 20), 20, "max(close,20)"),
        of("min", in -> RollingMin.of(in, 20), 20, "min(close,20)"),
        of("ema(rsi)", in -> Ema.of(Input.of(Rsi.of(in, 14)), 10), 24, "ema(rsi(close,14),10)"),
        of("zscore(macd.histogram)", in -> ZScore.of(Input.of(Macd.of(in), Macd.HISTOGRAM), 5), 38,
            "zscore(macd(close,12,26,9).histogram,5)"));
  }

  /** The indicators over a bar field directly (gaps in a composed input: see the report on IndicatorInput). */
  static Stream<Arguments> plainIndicators() {
    return indicators().filter(a -> !((String) a.get()[0]).contains("("));
  }

  private static Arguments of(String label, Function<Input, ValueIndicator> factory, int warmUp, String name) {
    return Arguments.of(label, factory, warmUp, name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("indicators")
  void hasCanonicalNameAndWarmUp(String label, Function<Input, ValueIndicator> factory, int warmUp, String name) {
    ValueIndicator indicator = factory.apply(Input.CLOSE);

    assertThat(indicator.name()).isEqualTo(name);
    assertThat(indicator.toString()).isEqualTo(name);
    assertThat(indicator.warmUp()).isEqualTo(warmUp);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("indicators")
  void isNaNBeforeWarmUpAndReadyAtExactlyWarmUpBars(String label, Function<Input, ValueIndicator> factory,
      int warmUp, String name) {
    ValueIndicator indicator = factory.apply(Input.CLOSE);

    for (int i = 0; i < warmUp - 1; i++) {
      indicator.update(bar(i, CLOSES[i]));
      assertThat(indicator.isReady()).as("ready after %d bars", i + 1).isFalse();
      assertAllOutputs(indicator, Double.NaN);
    }
    indicator.update(bar(warmUp - 1, CLOSES[warmUp - 1]));

    assertThat(indicator.isReady()).isTrue();
    for (int o = 0; o < indicator.outputs().size(); o++) {
      assertThat(indicator.value(o)).as(indicator.outputs().get(o)).isFinite();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plainIndicators")
  void skipsNaNInputsWithoutAdvancing(String label, Function<Input, ValueIndicator> factory, int warmUp,
      String name) {
    ValueIndicator gappy = factory.apply(Group1Fixtures.GAPPY_CLOSE);
    ValueIndicator clean = factory.apply(Input.CLOSE);
    double[] before = new double[gappy.outputs().size()];

    int cleanIndex = 0;
    for (int i = 0; i < CLOSES.length; i++) {
      boolean gap = i % 7 == 3;
      snapshot(gappy, before);
      gappy.update(bar(i, CLOSES[i], gap ? Group1Fixtures.GAP_VOLUME : 1_000));
      if (gap) {
        assertBitIdentical(gappy, before, "after gap at " + i);
      } else {
        clean.update(bar(cleanIndex++, CLOSES[i]));
        assertSameOutputs(gappy, clean, "at " + i);
      }
    }
    assertThat(gappy.isReady()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("indicators")
  void restoredStateContinuesBitForBit(String label, Function<Input, ValueIndicator> factory, int warmUp,
      String name) {
    for (int k : new int[] {0, 1, warmUp - 1, warmUp, warmUp + 1, 137}) {
      assertRestoreContinuesExactly(factory, k);
    }
  }

  @Property(tries = 60)
  void restoredStateContinuesBitForBitAfterAnyNumberOfBars(@ForAll @IntRange(min = 0, max = 17) int which,
      @ForAll @IntRange(min = 0, max = 300) int k) {
    @SuppressWarnings("unchecked")
    Function<Input, ValueIndicator> factory =
        (Function<Input, ValueIndicator>) indicators().skip(which).findFirst().orElseThrow().get()[1];
    assertRestoreContinuesExactly(factory, k);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("indicators")
  void resetReturnsToTheFreshState(String label, Function<Input, ValueIndicator> factory, int warmUp,
      String name) {
    ValueIndicator used = factory.apply(Input.CLOSE);
    for (int i = 0; i < 150; i++) {
      used.update(bar(i, CLOSES[i]));
    }

    used.reset();

    assertThat(used.isReady()).isFalse();
    assertAllOutputs(used, Double.NaN);
    ValueIndicator fresh = factory.apply(Input.CLOSE);
    for (int i = 150; i < CLOSES.length; i++) {
      used.update(bar(i, CLOSES[i]));
      fresh.update(bar(i, CLOSES[i]));
      assertSameOutputs(used, fresh, "bar " + i + " after reset");
    }
    assertThat(stateOf(used)).containsExactly(stateOf(fresh));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("indicators")
  void allocatesNothingPerUpdateOnceWarm(String label, Function<Input, ValueIndicator> factory, int warmUp,
      String name) {
    ValueIndicator indicator = factory.apply(Input.CLOSE);
    Bar[] bars = new Bar[CLOSES.length];
    for (int i = 0; i < bars.length; i++) {
      bars[i] = bar(i, CLOSES[i]);
    }
    for (Bar b : bars) {
      indicator.update(b);
    }
    double sink = 0;
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();

    // the least over a few measurements: a one-off allocation by the JVM itself (e.g. on-stack replacement) is not
    // the indicator's
    long allocated = Long.MAX_VALUE;
    for (int attempt = 0; attempt < 5; attempt++) {
      long before = threads.getThreadAllocatedBytes(thread);
      for (int round = 0; round < 50; round++) {
        for (Bar b : bars) {
          indicator.update(b);
          sink += indicator.value();
        }
      }
      allocated = Math.min(allocated, threads.getThreadAllocatedBytes(thread) - before);
    }

    assertThat(sink).isNotNaN();
    assertThat(allocated).as("bytes allocated by 20,000 updates").isLessThan(1_024);
  }

  static Stream<Arguments> invalidParameters() {
    return Stream.of(
        Arguments.of((Runnable) () -> Sma.of(Input.CLOSE, 0), "Sma.period must be >= 1, was 0"),
        Arguments.of((Runnable) () -> Ema.of(Input.CLOSE, -3), "Ema.period must be >= 1, was -3"),
        Arguments.of((Runnable) () -> Wma.of(Input.CLOSE, 0), "Wma.period must be >= 1, was 0"),
        Arguments.of((Runnable) () -> Dema.of(Input.CLOSE, 0), "Dema.period must be >= 1, was 0"),
        Arguments.of((Runnable) () -> Tema.of(Input.CLOSE, 0), "Tema.period must be >= 1, was 0"),
        Arguments.of((Runnable) () -> Rsi.of(Input.CLOSE, 0), "Rsi.period must be >= 1, was 0"),
        Arguments.of((Runnable) () -> Macd.of(Input.CLOSE, 0, 26, 9), "Macd.fast must be >= 1, was 0"),
        Arguments.of((Runnable) () -> Macd.of(Input.CLOSE, 26, 12, 9), "Macd.slow must be > fast 26, was 12"),
        Arguments.of((Runnable) () -> Macd.of(Input.CLOSE, 12, 26, 0), "Macd.signal must be >= 1, was 0"),
        Arguments.of((Runnable) () -> BollingerBands.of(Input.CLOSE, 0, 2), "BollingerBands.period must be >= 1, was 0"),
        Arguments.of((Runnable) () -> BollingerBands.of(Input.CLOSE, 20, -1),
            "BollingerBands.k must be a finite number > 0, was -1.0"),
        Arguments.of((Runnable) () -> BollingerBands.of(Input.CLOSE, 20, Double.NaN),
            "BollingerBands.k must be a finite number > 0, was NaN"),
        Arguments.of((Runnable) () -> Roc.of(Input.CLOSE, 0), "Roc.period must be >= 1, was 0"),
        Arguments.of((Runnable) () -> Momentum.of(Input.CLOSE, 0), "Momentum.period must be >= 1, was 0"),
        Arguments.of((Runnable) () -> LogReturn.of(Input.CLOSE, 0), "LogReturn.period must be >= 1, was 0"),
        Arguments.of((Runnable) () -> RollingVolatility.of(Input.CLOSE, 1), "RollingVolatility.period must be >= 2, was 1"),
        Arguments.of((Runnable) () -> ZScore.of(Input.CLOSE, 1), "ZScore.period must be >= 2, was 1"),
        Arguments.of((Runnable) () -> RollingMax.of(Input.CLOSE, 0), "RollingMax.period must be >= 1, was 0"),
        Arguments.of((Runnable) () -> RollingMin.of(Input.CLOSE, 0), "RollingMin.period must be >= 1, was 0"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("invalidParameters")
  void rejectsInvalidParametersNamingFieldRuleAndValue(Runnable construct, String message) {
    assertThatThrownBy(construct::run).isInstanceOf(ValidationException.class).hasMessage(message);
  }

  @Test
  void rejectsAMissingInput() {
    assertThatThrownBy(() -> Ema.of(nullInput(), 3)).isInstanceOf(ValidationException.class)
        .hasMessage("Ema.input is required, was null");
  }

  @Test
  void namesTheOutputsOfMultiOutputIndicators() {
    assertThat(Macd.of(Input.CLOSE).outputs()).containsExactly("line", "signal", "histogram");
    assertThat(BollingerBands.of(Input.CLOSE).outputs())
        .containsExactly("middle", "upper", "lower", "percentB", "bandwidth");
    assertThat(Sma.of(Input.CLOSE, 3).outputs()).containsExactly("value");
    assertThatThrownBy(() -> Macd.of(Input.CLOSE).value(3)).isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining("macd(close,12,26,9)");
  }

  private static Input nullInput() {
    return null;
  }

  private static void assertRestoreContinuesExactly(Function<Input, ValueIndicator> factory, int k) {
    ValueIndicator original = factory.apply(Input.CLOSE);
    for (int i = 0; i < k; i++) {
      original.update(bar(i, CLOSES[i]));
    }
    IndicatorState.Reader reader = new IndicatorState.Reader(stateOf(original));
    ValueIndicator restored = factory.apply(Input.CLOSE);

    restored.restoreState(reader);

    assertThat(reader.isExhausted()).as("whole state read").isTrue();
    assertThat(restored.isReady()).isEqualTo(original.isReady());
    for (int i = k; i < CLOSES.length; i++) {
      original.update(bar(i, CLOSES[i]));
      restored.update(bar(i, CLOSES[i]));
      assertSameOutputs(restored, original, "bar " + i + " after restore at " + k);
    }
  }

  private static long[] stateOf(Indicator indicator) {
    IndicatorState.Writer writer = new IndicatorState.Writer();
    indicator.saveState(writer);
    return writer.toArray();
  }

  private static void assertAllOutputs(Indicator indicator, double expected) {
    for (int o = 0; o < indicator.outputs().size(); o++) {
      assertThat(Double.doubleToRawLongBits(indicator.value(o))).as(indicator.outputs().get(o))
          .isEqualTo(Double.doubleToRawLongBits(expected));
    }
  }

  private static void snapshot(Indicator indicator, double[] into) {
    for (int o = 0; o < into.length; o++) {
      into[o] = indicator.value(o);
    }
  }

  private static void assertBitIdentical(Indicator indicator, double[] expected, String where) {
    for (int o = 0; o < expected.length; o++) {
      assertThat(Double.doubleToRawLongBits(indicator.value(o))).as("%s %s", indicator.outputs().get(o), where)
          .isEqualTo(Double.doubleToRawLongBits(expected[o]));
    }
  }

  private static void assertSameOutputs(Indicator actual, Indicator expected, String where) {
    assertThat(actual.isReady()).as("ready %s", where).isEqualTo(expected.isReady());
    for (int o = 0; o < expected.outputs().size(); o++) {
      assertThat(Double.doubleToRawLongBits(actual.value(o))).as("%s %s", expected.outputs().get(o), where)
          .isEqualTo(Double.doubleToRawLongBits(expected.value(o)));
    }
  }
}
