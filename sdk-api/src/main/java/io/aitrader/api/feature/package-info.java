/**
 * Features: the {@link io.aitrader.api.feature.FeatureVector} computed from the bars of one instrument and
 * interval, and the {@link io.aitrader.api.feature.FeatureService} that computes them from feature expressions
 * such as {@code rsi(14)} or {@code ema(20)/ema(50)}, and the online {@link io.aitrader.api.feature.FeatureCache} of
 * the latest vector per instrument and interval (in memory by default, in Redis to share it between processes).
 *
 * <p>Feature values are {@code double}s: they are model inputs (ratios, oscillators), never money.
 */
@NullMarked
package io.aitrader.api.feature;

import org.jspecify.annotations.NullMarked;
