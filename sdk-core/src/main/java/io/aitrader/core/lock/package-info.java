/**
 * The embedded {@link io.aitrader.api.lock.LockRegistry}: {@link io.aitrader.core.lock.InMemoryLockRegistry}, lease
 * locks within one process, timed by an injected {@link io.aitrader.api.time.TimeSource}. The Redis connector
 * replaces it behind the same SPI to lock across processes.
 */
@NullMarked
package io.aitrader.core.lock;

import org.jspecify.annotations.NullMarked;
