/**
 * Rate limits shared by every caller of a budget: a {@link io.aitrader.api.limits.RateBucket} (the Groww API buckets,
 * the orders-per-second throttle) and the {@link io.aitrader.api.limits.RateLimiter} that grants permits from it.
 * The embedded limiter in sdk-core serves one process; the Redis connector's serves every process on one server.
 *
 * <p>Not to be confused with the notification channels' token bucket ({@code io.aitrader.core.notify.RateLimit}),
 * which paces one channel's messages inside one process and turns a backlog into digests.
 */
@NullMarked
package io.aitrader.api.limits;

import org.jspecify.annotations.NullMarked;
