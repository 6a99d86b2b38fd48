/**
 * The compatibility kit for {@link io.aitrader.api.lock.LockRegistry} and its
 * {@link io.aitrader.api.lock.LeaseLock}s: {@link io.aitrader.testing.lock.LeaseLockContract}.
 */
@NullMarked
package io.aitrader.testing.lock;

import org.jspecify.annotations.NullMarked;
