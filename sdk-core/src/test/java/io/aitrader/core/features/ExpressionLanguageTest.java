package io.aitrader.core.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.aitrader.api.feature.FeatureExpressionException;
import io.aitrader.api.feature.FeatureVector;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.core.testdata.TestInstruments;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionLanguageTest {
  private final IndicatorCatalog catalog = TestIndicators.catalog();

  private String canonical(String e) {
    return catalog.canonical(e);
  }

  private FeatureExpressionException error(String expression) {
    FeatureExpressionException e = catchThrowableOfType(() -> catalog.canonical(expression), FeatureExpressionException.class);
    assertThat(e).as("error for %s", expression).isNotNull();
    assertThat(e.expression()).isEqualTo(expression);
    return e;
  }

  /** The value of a one-feature expression on one bar O=4 H=12 L=2 C=10 V=100. */
  private double valueOnOneBar(String expression) {
    Bar b = TestBars.bar(TestInstruments.RELIANCE, BarInterval.M5, 0, 4, 12, 2, 10, 100);
    List<FeatureVector> v = OfflineFeatures.compute(catalog, List.of(expression), List.of(b));
    assertThat(v).hasSize(1);
    return v.get(0).value(0);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "ema(close,20)             | ema(20)",
      "ema(20)                   | ema(20)",
      "EMA( close , 20 )         | ema(20)",
      "ema(20.0)                 | ema(20)",
      "ema(2e1)                  | ema(20)",
      "ema(open, 20)             | ema(open,20)",
      "ema(rsi(14), 10)          | ema(rsi(14),10)",
      "ema(rsi(close,14),10)     | ema(rsi(14),10)",
      "macd(12,26,9).signal      | macd(12,26,9).signal",
      "MACD(12, 26, 9).Signal    | macd(12,26,9).signal",
      "macd().line               | macd(12,26,9)",
      "macd(12)                  | macd(12,26,9)",
      "bb(20,2).upper            | bb(20,2).upper",
      "bb(20, 2.50).lower        | bb(20,2.5).lower",
      "ema(20) / ema(50)         | ema(20)/ema(50)",
      "close / sma(20) - 1       | close/sma(20) - 1",
      "((close))                 | close",
      "(close - open) * 2        | (close - open)*2",
      "close - (open - low)      | close - (open - low)",
      "(close - open) - low      | close - open - low",
      "close + (open + low)      | close + (open + low)",
      "close / (open / low)      | close/(open/low)",
      "close * (open / low)      | close*(open/low)",
      "-close + 1                | -close + 1",
      "-(close + 1)              | -(close + 1)",
      "- - close                 | -(-close)",
      "close * -2                | close*-2",
      "ret(5)                    | ret(5)",
      "ret(close, 5)             | ret(5)",
      "ret(hlc3, 1)              | ret(hlc3,1)",
      "vwap_dist                 | vwap().distance",
      "vwap().distance           | vwap().distance",
      "ema(close - open, 3)      | ema(close - open,3)",
      "0.0010                    | 0.001",
      "ema(sma(5) * 2, 3)        | ema(sma(5)*2,3)",
  })
  void canonicalizesEveryConstruct(String expression, String expected) {
    assertThat(canonical(expression)).isEqualTo(expected);
  }

  @Test
  void canonicalFormParsesToItself() {
    for (String e : List.of("close/sma(20) - 1", "-(close + 1)", "ema(rsi(14),10)", "macd(12,26,9).signal",
        "close - (open - low)", "-(-close)", "close*-2", "bb(20,2.5).lower")) {
      assertThat(canonical(canonical(e))).isEqualTo(canonical(e));
    }
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', value = {
      "close - open * 2     | 2",
      "(close - open) * 2   | 12",
      "close - open - 1     | 5",
      "close / open / 2     | 1.25",
      "close / (open / 2)   | 5",
      "-close + open        | -6",
      "-(close + open)      | -14",
      "close * -2           | -20",
      "hl2                  | 7",
      "hlc3                 | 8",
      "high - low           | 10",
      "volume / 4           | 25",
      "1 + 2 * 3            | 7",
      "2 * 3 + 1            | 7",
      "10 - 4 + 1           | 7",
  })
  void evaluatesWithUsualPrecedenceAndLeftAssociativity(String expression, double expected) {
    assertThat(valueOnOneBar(expression)).isEqualTo(expected);
  }

  @Test
  void evaluatesIndicatorsOutputsAndAliases() {
    // given closes 1..5 (flat bars, volume 100)
    List<Bar> bars = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      bars.add(TestBars.flat(TestInstruments.RELIANCE, BarInterval.M5, i, i + 1));
    }
    // when
    List<FeatureVector> v = OfflineFeatures.compute(catalog,
        List.of("sma(3)", "close/sma(3) - 1", "ret(2)", "sma(ret(1), 2)", "bb(3,2).upper", "vwap_dist"), bars);
    // then the first vector is at bar 3 (sma(ret(1),2) needs 1 + 2 bars)
    assertThat(v).hasSize(3);
    FeatureVector last = v.get(2);
    assertThat(last.value("sma(3)")).hasValue(4.0);
    assertThat(last.value("close/sma(3) - 1")).hasValue(5.0 / 4.0 - 1);
    assertThat(last.value("ret(2)")).hasValue(5.0 / 3.0 - 1);
    assertThat(last.value("sma(ret(1),2)")).hasValue(((4.0 / 3.0 - 1) + (5.0 / 4.0 - 1)) / 2);
    assertThat(last.value("bb(3,2).upper")).hasValue(4 + 2 * Math.sqrt(2.0 / 3.0));
    assertThat(last.value("vwap().distance")).hasValue(5.0 / 3.0 - 1);
    assertThat(last.timestampMillis()).isEqualTo(bars.get(4).closeTimeMillis());
  }

  @Test
  void reportsUnknownNamesWithTheClosestKnownOnes() {
    assertThat(error("emaa(20)")).hasMessage("Feature expression 'emaa(20)' is invalid at 0: unknown name 'emaa'; did you mean ema?");
    assertThat(error("close / smaa(20)").position()).isEqualTo(8);
    assertThat(error("clos - 1")).hasMessage("Feature expression 'clos - 1' is invalid at 0: unknown name 'clos'; did you mean close?");
    assertThat(error("zzzzzzzz")).hasMessage("Feature expression 'zzzzzzzz' is invalid at 0: unknown name 'zzzzzzzz'; known names are "
        + "bb, close, ema, high, hl2, hlc3, low, macd, open, ret, rsi, sma, volume, vwap, vwap_dist");
  }

  @Test
  void reportsWrongArity() {
    assertThat(error("rsi(close, 14, 3)")).hasMessage(
        "Feature expression 'rsi(close, 14, 3)' is invalid at 0: rsi expects (series?, period) but got 3 arguments");
    assertThat(error("ema()")).hasMessage("Feature expression 'ema()' is invalid at 0: ema expects (series?, period) but got 0 arguments");
    assertThat(error("close / ema(close)")).hasMessage(
        "Feature expression 'close / ema(close)' is invalid at 8: ema expects (series?, period) but got 1 argument");
    assertThat(error("macd(1,2,3,4)")).hasMessage(
        "Feature expression 'macd(1,2,3,4)' is invalid at 0: macd expects (series?, fast=12, slow=26, signal=9) but got 4 arguments");
    assertThat(error("vwap(close)")).hasMessage("Feature expression 'vwap(close)' is invalid at 0: vwap expects () but got 1 argument");
  }

  @Test
  void reportsBadParameterValues() {
    assertThat(error("ema(2.5)")).hasMessage("Feature expression 'ema(2.5)' is invalid at 4: ema period must be an integer >= 1, was 2.5");
    assertThat(error("ema(0)")).hasMessage("Feature expression 'ema(0)' is invalid at 4: ema period must be an integer >= 1, was 0");
    assertThat(error("ema(close, -3)").position()).isEqualTo(11);
    assertThat(error("bb(20, close)")).hasMessage(
        "Feature expression 'bb(20, close)' is invalid at 7: bb expects (series?, period=20, k=2): argument 2 (k) must be a number");
    assertThat(error("macd(26,12,9)")).hasMessage("Feature expression 'macd(26,12,9)' is invalid at 0: macd(26,12,9): fast must be < slow");
  }

  @Test
  void reportsBadNumbers() {
    assertThat(error("ema(1.2.3)")).hasMessage("Feature expression 'ema(1.2.3)' is invalid at 4: bad number '1.2.3': "
        + "write digits with an optional fraction and exponent, e.g. 20, 2.5, 1e-3");
    assertThat(error("close * 2x").position()).isEqualTo(8);
    assertThat(error("close * 1e").position()).isEqualTo(8);
    assertThat(error("1e999")).hasMessage("Feature expression '1e999' is invalid at 0: bad number '1e999': it is too large");
  }

  @Test
  void reportsUnknownOutputsWithTheKnownOnes() {
    assertThat(error("macd(12,26,9).foo")).hasMessage(
        "Feature expression 'macd(12,26,9).foo' is invalid at 14: macd(12,26,9) has no output 'foo'; its outputs are line, signal, histogram");
    assertThat(error("close.signal")).hasMessage("Feature expression 'close.signal' is invalid at 5: "
        + "'.' selects an output of an indicator call, e.g. macd(12,26,9).signal; 'close' is not one");
    assertThat(error("macd().signal.line").position()).isEqualTo(13);
    assertThat(error("macd(). 5").position()).isEqualTo(8);
  }

  @Test
  void reportsUnbalancedParentheses() {
    assertThat(error("ema(20")).hasMessage("Feature expression 'ema(20' is invalid at 6: missing ')' to close the '(' at 3");
    assertThat(error("(close - open")).hasMessage("Feature expression '(close - open' is invalid at 13: missing ')' to close the '(' at 0");
    assertThat(error("ema(20))")).hasMessage("Feature expression 'ema(20))' is invalid at 7: unbalanced ')': there is no '(' to close");
    assertThat(error("ema(20 close)")).hasMessage(
        "Feature expression 'ema(20 close)' is invalid at 7: expected ',' or ')' but found 'close' (the '(' at 3 is not closed)");
  }

  @Test
  void reportsTrailingInputAndMisplacedTokens() {
    assertThat(error("ema(20) close")).hasMessage(
        "Feature expression 'ema(20) close' is invalid at 8: unexpected 'close' after the end of the expression");
    assertThat(error("close +")).hasMessage(
        "Feature expression 'close +' is invalid at 7: the expression ends where a number, a bar field, a call or '(' was expected");
    assertThat(error("* close").position()).isEqualTo(0);
    assertThat(error("close $ 2")).hasMessage("Feature expression 'close $ 2' is invalid at 6: unexpected character '$'; "
        + "expressions use numbers, names, calls, '.', + - * / and parentheses");
    assertThat(error("   ")).hasMessage("Feature expression '   ' is invalid at 3: the expression is empty");
  }

  @Test
  void reportsNamesUsedAsTheWrongKind() {
    assertThat(error("close(3)")).hasMessage("Feature expression 'close(3)' is invalid at 0: 'close' is a bar field, not a function: write close");
    assertThat(error("ema + 1")).hasMessage("Feature expression 'ema + 1' is invalid at 0: 'ema' is an indicator: call it as ema(series?, period)");
    assertThat(error("vwap_dist()")).hasMessage(
        "Feature expression 'vwap_dist()' is invalid at 0: 'vwap_dist' is an alias, not a function: write vwap_dist");
  }

  @Test
  void reportsAnAliasWhoseTargetIsUnavailable() {
    // given a catalog without vwap
    IndicatorCatalog bare = IndicatorCatalog.builtIns();
    // then
    assertThatThrownBy(() -> bare.canonical("close * vwap_dist"))
        .isInstanceOf(FeatureExpressionException.class)
        .hasMessage("Feature expression 'close * vwap_dist' is invalid at 8: 'vwap_dist' is an alias of 'vwap().distance', "
            + "which is invalid here: unknown name 'vwap'; did you mean vwap_dist?");
  }

  @Test
  void resolvesRegisteredAliasesAndDetectsCycles() {
    IndicatorCatalog c = IndicatorCatalog.builder()
        .register("sma", IndicatorFactory.seriesAndInts(1, (in, p) -> new TestIndicators.TestSma(in, p[0])))
        .alias("trend", "sma(2)/sma(4) - 1")
        .alias("a", "b + 1")
        .alias("b", "a * 2")
        .build();
    assertThat(c.canonical("TREND * 100")).isEqualTo("(sma(2)/sma(4) - 1)*100");
    assertThat(catchThrowableOfType(() -> c.canonical("a"), FeatureExpressionException.class).getMessage())
        .startsWith("Feature expression 'a' is invalid at 0: 'a' is an alias of 'b + 1', which is invalid here:")
        .contains("refers to itself");
  }
}
