/**
 * Incremental technical indicators: O(1) per bar, no allocation per update, {@code NaN} until warmed up, TA-Lib
 * conventions, composable (an indicator over another one's output, e.g. EMA of RSI).
 */
@NullMarked
package io.aitrader.core.indicators;

import org.jspecify.annotations.NullMarked;
