package io.aitrader.core.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.feature.FeatureExpressionException;
import io.aitrader.core.features.IndicatorFactory.SeriesMode;
import io.aitrader.core.features.IndicatorFactory.Signature;
import io.aitrader.core.indicators.Input;
import org.junit.jupiter.api.Test;

class IndicatorCatalogTest {
  private static final IndicatorFactory SMA = IndicatorFactory.seriesAndInts(1, (in, p) -> new TestIndicators.TestSma(in, p[0]));

  @Test
  void parsesAndRendersSignatures() {
    Signature s = Signature.parse("series?, fast:int=12, slow:int=26, k:num=2.5");
    assertThat(s.series()).isEqualTo(SeriesMode.OPTIONAL);
    assertThat(s.params()).extracting(IndicatorFactory.Param::integer).containsExactly(true, true, false);
    assertThat(s.requiredParams()).isZero();
    assertThat(s).hasToString("series?, fast=12, slow=26, k=2.5");
    assertThat(Signature.parse("")).hasToString("");
    assertThat(Signature.parse("series, n:int").series()).isEqualTo(SeriesMode.REQUIRED);
    assertThat(IndicatorFactory.seriesAndInts(3, (in, p) -> new TestIndicators.TestSma(in, p[0])).signature())
        .hasToString("series?, period1, period2, period3");
    assertThat(IndicatorFactory.ints(1, p -> new TestIndicators.TestVwap()).signature()).hasToString("period");
  }

  @Test
  void rejectsMalformedSignatures() {
    assertThatThrownBy(() -> Signature.parse("period=2, k")).hasMessageContaining("defaults must come last");
    assertThatThrownBy(() -> Signature.parse("n:float")).hasMessageContaining("must be int or num");
    assertThatThrownBy(() -> Signature.parse("n:int=0")).hasMessageContaining("must be an integer >= 1");
    assertThatThrownBy(() -> Signature.parse("2n")).hasMessageContaining("lower-case identifier");
  }

  @Test
  void registersOnceAndLetsBuiltInsBeReplaced() {
    IndicatorCatalog.Builder b = IndicatorCatalog.builder().register("sma", SMA);
    assertThatThrownBy(() -> b.register("sma", SMA)).hasMessage("'sma' is already registered");
    assertThatThrownBy(() -> b.register("close", SMA)).hasMessage("'close' is a bar field and cannot be registered");
    assertThatThrownBy(() -> b.register("Sma2", SMA)).hasMessageContaining("must match [a-z_][a-z0-9_]*");
    assertThatThrownBy(() -> b.alias("x", "sma(2")).isInstanceOf(FeatureExpressionException.class);
    IndicatorCatalog c = b.register("ret", SMA).alias("vwap_dist", "close/sma(10) - 1").build();
    assertThat(c.canonical("vwap_dist")).isEqualTo("close/sma(10) - 1");
    assertThat(c.factory("ret")).contains(SMA);
    assertThat(c.functionNames()).containsExactly("ret", "sma");
    assertThat(IndicatorCatalog.builtIns().functionNames()).containsExactly("ret");
    assertThat(IndicatorCatalog.builtIns().aliases()).containsEntry("vwap_dist", "vwap().distance");
  }

  @Test
  void passesCloseWhenTheSeriesIsOmitted() {
    Input[] seen = new Input[1];
    IndicatorCatalog c = IndicatorCatalog.builder()
        .register("probe", IndicatorFactory.seriesAndInts(1, (in, p) -> {
          seen[0] = in;
          return new TestIndicators.TestSma(in, p[0]);
        }))
        .build();
    c.canonical("probe(3)");
    assertThat(seen[0]).isSameAs(Input.CLOSE);
    c.canonical("probe(hl2, 4)");
    assertThat(seen[0]).isSameAs(Input.HL2);
  }
}
