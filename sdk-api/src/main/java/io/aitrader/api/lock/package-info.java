/**
 * Locks for the singleton services (only one order service instance sends orders for a given account): a
 * {@link io.aitrader.api.lock.LeaseLock} obtained by name from a {@link io.aitrader.api.lock.LockRegistry}. The
 * embedded registry in sdk-core locks within one process; the Redis connector's locks across every process on one
 * server.
 */
@NullMarked
package io.aitrader.api.lock;

import org.jspecify.annotations.NullMarked;
