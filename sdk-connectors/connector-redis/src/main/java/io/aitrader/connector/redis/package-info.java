/** Redis connector: feature cache, distributed rate limits and locks, notification queue (Redisson). */
@NullMarked
package io.aitrader.connector.redis;

import org.jspecify.annotations.NullMarked;
