/**
 * Clocks: {@link io.aitrader.core.time.SystemTimeSource}, the one place that reads the wall clock, and
 * {@link io.aitrader.core.time.ManualTimeSource}, a monotonic clock set by replays, backtests and tests.
 */
@NullMarked
package io.aitrader.core.time;

import org.jspecify.annotations.NullMarked;
