/**
 * Notifications to people: a {@link io.aitrader.api.notify.Notification} (an alert, a daily summary) and the
 * {@link io.aitrader.api.notify.Notifier} channels that deliver it (log, email, Slack).
 */
@NullMarked
package io.aitrader.api.notify;

import org.jspecify.annotations.NullMarked;
