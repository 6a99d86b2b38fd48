/** Reference strategies: small, readable examples that run unchanged in backtest, paper and live. */
@NullMarked
package io.aitrader.core.strategy.reference;

import org.jspecify.annotations.NullMarked;
