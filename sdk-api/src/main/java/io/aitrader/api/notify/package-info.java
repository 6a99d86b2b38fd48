/**
 * Notifications to people: a {@link io.aitrader.api.notify.Notification} (an alert, a daily summary) and the
 * {@link io.aitrader.api.notify.Notifier} channels that deliver it (log, email, Slack).
 * Delivery is durable and at-least-once through a {@link io.aitrader.api.notify.NotificationQueue} of
 * {@link io.aitrader.api.notify.Delivery deliveries}: the in-memory queue is the embedded default, a connector may
 * keep it in Redis.
 */
@NullMarked
package io.aitrader.api.notify;

import org.jspecify.annotations.NullMarked;
