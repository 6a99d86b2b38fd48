/**
 * The embedded {@link io.aitrader.api.limits.RateLimiter}: {@link io.aitrader.core.limits.InMemoryRateLimiter}, exact
 * sliding-window logs in one process, timed by an injected {@link io.aitrader.api.time.TimeSource}. The Redis
 * connector replaces it behind the same SPI to share the budgets between processes.
 */
@NullMarked
package io.aitrader.core.limits;

import org.jspecify.annotations.NullMarked;
