/**
 * The Notification service: alert rules turn bus events into {@link io.aitrader.api.notify.Notification}s, which
 * are queued, de-duplicated, rate-limited (bursts coalesce into a digest) and delivered to each configured
 * {@link io.aitrader.api.notify.Notifier} channel with retries and a dead-letter list. Secrets such as webhook
 * URLs and SMTP passwords are held as {@link io.aitrader.api.Secret}s and never printed.
 */
@NullMarked
package io.aitrader.core.notify;

import io.aitrader.api.Secret;
import org.jspecify.annotations.NullMarked;
