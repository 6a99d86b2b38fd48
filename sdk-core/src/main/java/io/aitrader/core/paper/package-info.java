/**
 * The paper broker: a simulated exchange implementing the {@link io.aitrader.api.order.Broker} SPI for paper
 * trading and backtests. Orders fill from the market stream (ticks or bars) by a deterministic fill model —
 * MARKET at the next tick or bar open with a {@link io.aitrader.core.paper.Slippage} model, LIMIT when the price
 * trades through (or touches) the limit, SL and SL-M triggers, partial fills capped by a share of the traded
 * volume, DAY/IOC expiry and rejections for price bands and funds — and emit the same order and fill events as a
 * real broker adapter. Start at {@link io.aitrader.core.paper.PaperBroker}.
 */
@NullMarked
package io.aitrader.core.paper;

import org.jspecify.annotations.NullMarked;
