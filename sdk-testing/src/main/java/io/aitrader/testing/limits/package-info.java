/**
 * The compatibility kit for {@link io.aitrader.api.limits.RateLimiter}:
 * {@link io.aitrader.testing.limits.RateLimiterContract}.
 */
@NullMarked
package io.aitrader.testing.limits;

import org.jspecify.annotations.NullMarked;
