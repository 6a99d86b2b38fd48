/**
 * A synthetic NSE-like market: {@link io.aitrader.core.market.synthetic.SyntheticMarket} generates deterministic,
 * realistic-looking quotes for demos, paper trading without a broker, tests and benchmarks.
 */
@NullMarked
package io.aitrader.core.market.synthetic;

import org.jspecify.annotations.NullMarked;
