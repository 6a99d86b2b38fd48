/**
 * The compatibility kit for {@link io.aitrader.api.notify.NotificationQueue}:
 * {@link io.aitrader.testing.notify.NotificationQueueContract}.
 */
@NullMarked
package io.aitrader.testing.notify;

import org.jspecify.annotations.NullMarked;
