/**
 * The embedded, in-process {@link io.aitrader.api.bus.EventBus}: {@link io.aitrader.core.bus.InProcessEventBus}.
 * Synchronous subscriptions run on the publisher's thread; asynchronous ones each own a bounded, preallocated,
 * multi-producer ring buffer and a daemon consumer thread.
 */
@NullMarked
package io.aitrader.core.bus;

import org.jspecify.annotations.NullMarked;
