package io.aitrader.core.features;

import io.aitrader.core.indicators.Adx;
import io.aitrader.core.indicators.Atr;
import io.aitrader.core.indicators.BollingerBands;
import io.aitrader.core.indicators.Cci;
import io.aitrader.core.indicators.Dema;
import io.aitrader.core.indicators.Donchian;
import io.aitrader.core.indicators.Ema;
import io.aitrader.core.indicators.LogReturn;
import io.aitrader.core.indicators.Macd;
import io.aitrader.core.indicators.Mfi;
import io.aitrader.core.indicators.Momentum;
import io.aitrader.core.indicators.Obv;
import io.aitrader.core.indicators.RollingMax;
import io.aitrader.core.indicators.RollingMin;
import io.aitrader.core.indicators.RollingVolatility;
import io.aitrader.core.indicators.Roc;
import io.aitrader.core.indicators.Rsi;
import io.aitrader.core.indicators.SessionVwap;
import io.aitrader.core.indicators.Sma;
import io.aitrader.core.indicators.Stochastic;
import io.aitrader.core.indicators.SuperTrend;
import io.aitrader.core.indicators.Tema;
import io.aitrader.core.indicators.WilliamsR;
import io.aitrader.core.indicators.Wma;
import io.aitrader.core.indicators.ZScore;

/**
 * The catalog of every indicator shipped in {@code io.aitrader.core.indicators}, under the names feature
 * expressions use (see {@code docs/features.md}): {@code sma ema wma dema tema rsi macd bb roc mom logret
 * volatility zscore max min} over a series, {@code atr adx stoch willr cci mfi obv vwap supertrend donchian} over
 * whole bars, plus the built-in {@code ret} and the alias {@code vwap_dist} ({@code vwap().distance}).
 *
 * <pre>{@code
 * FeatureService features = new DefaultFeatureService(StandardIndicators.catalog());
 * features.define(List.of("rsi(14)", "ema(20)/ema(50)", "macd().histogram"));
 * }</pre>
 */
public final class StandardIndicators {
  private static final IndicatorCatalog CATALOG = builder().build();

  private StandardIndicators() {}

  /** The standard catalog (immutable, shared). */
  public static IndicatorCatalog catalog() {
    return CATALOG;
  }

  /** A builder holding every standard indicator, to add your own to. */
  public static IndicatorCatalog.Builder builder() {
    IndicatorCatalog.Builder b = IndicatorCatalog.builder()
        .register("sma", IndicatorFactory.seriesAndInts(1, (in, p) -> Sma.of(in, p[0])))
        .register("ema", IndicatorFactory.seriesAndInts(1, (in, p) -> Ema.of(in, p[0])))
        .register("wma", IndicatorFactory.seriesAndInts(1, (in, p) -> Wma.of(in, p[0])))
        .register("dema", IndicatorFactory.seriesAndInts(1, (in, p) -> Dema.of(in, p[0])))
        .register("tema", IndicatorFactory.seriesAndInts(1, (in, p) -> Tema.of(in, p[0])))
        .register("rsi", IndicatorFactory.seriesAndInts(1, (in, p) -> Rsi.of(in, p[0])))
        .register("macd", IndicatorFactory.of("series?, fast:int=12, slow:int=26, signal:int=9",
                (in, p) -> Macd.of(in, (int) p[0], (int) p[1], (int) p[2]))
            .validatedBy(p -> {
              if (p[0] >= p[1]) {
                throw new IllegalArgumentException("fast must be < slow, was fast " + (int) p[0] + ", slow " + (int) p[1]);
              }
            }))
        .register("bb", IndicatorFactory.of("series?, period:int=20, k=2",
            (in, p) -> BollingerBands.of(in, (int) p[0], p[1])))
        .register("roc", IndicatorFactory.seriesAndInts(1, (in, p) -> Roc.of(in, p[0])))
        .register("mom", IndicatorFactory.seriesAndInts(1, (in, p) -> Momentum.of(in, p[0])))
        .register("logret", IndicatorFactory.of("series?, period:int=1", (in, p) -> LogReturn.of(in, (int) p[0])))
        .register("volatility", IndicatorFactory.seriesAndInts(1, (in, p) -> RollingVolatility.of(in, p[0])))
        .register("zscore", IndicatorFactory.seriesAndInts(1, (in, p) -> ZScore.of(in, p[0])))
        .register("max", IndicatorFactory.seriesAndInts(1, (in, p) -> RollingMax.of(in, p[0])))
        .register("min", IndicatorFactory.seriesAndInts(1, (in, p) -> RollingMin.of(in, p[0])))
        // whole-bar indicators (high, low, close, volume): no series argument
        .register("atr", IndicatorFactory.ints(1, p -> Atr.of(p[0])))
        .register("adx", IndicatorFactory.ints(1, p -> Adx.of(p[0])))
        .register("stoch", IndicatorFactory.of("fastk:int=14, slowk:int=3, slowd:int=3",
            (in, p) -> Stochastic.of((int) p[0], (int) p[1], (int) p[2])))
        .register("willr", IndicatorFactory.ints(1, p -> WilliamsR.of(p[0])))
        .register("cci", IndicatorFactory.ints(1, p -> Cci.of(p[0])))
        .register("mfi", IndicatorFactory.ints(1, p -> Mfi.of(p[0])))
        .register("obv", IndicatorFactory.ints(0, p -> Obv.of()))
        .register("vwap", IndicatorFactory.ints(0, p -> SessionVwap.of()))
        .register("supertrend", IndicatorFactory.of("period:int=10, multiplier=3",
            (in, p) -> SuperTrend.of((int) p[0], p[1])))
        .register("donchian", IndicatorFactory.ints(1, p -> Donchian.of(p[0])));
    return b;
  }
}
