package io.aitrader.core.services;

import io.aitrader.api.ValidationException;
import io.aitrader.api.bus.EventBus;
import io.aitrader.api.notify.Notification;
import io.aitrader.core.notify.Alert;
import io.aitrader.core.notify.AlertRules;
import io.aitrader.core.notify.NotificationService;
import io.aitrader.core.notify.NotificationStats;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notification service as a service: {@link AlertRules} attached to the bus turn fills, rejections, feed outages
 * and the day's summary (as chosen) into notifications for a {@link NotificationService} — its queue (in memory or
 * shared, e.g. Redis) and channels configured by the caller — which de-duplicates, rate-limits and delivers them.
 * The rules are attached to a private synchronous bus that the fills, order updates, feed status and session
 * summaries are forwarded to, so the unit subscribes only to topics that cross the bus (risk checks and kill-switch
 * events stay inside the order service's process: {@link Alert#RISK_LIMIT} and the kill-switch alerts do not fire
 * here).
 *
 * <p>The session is done for it when the order updates' and fills' watermarks (published by the order unit) have
 * passed {@link SessionPlan#endMillis()}, the day's summary alert has been raised (when {@link Alert#SESSION_SUMMARY}
 * is among the alerts) and the queue holds nothing waiting or in flight (every delivery sent or dead-lettered). The
 * thread that brings the last of these waits (up to 30 s) for the deliveries to settle, so that with synchronous
 * delivery the session is done when the ingestor's last mark has been published. One instance per queue (a queue is
 * meant to have one consuming service).
 *
 * <pre>{@code
 * NotificationService service = NotificationService.builder().queue(queue).channel(new LogNotifier())
 *     .digestKind(AlertRules::digestKind).build();
 * NotificationUnit unit = new NotificationUnit(bus, plan, EnumSet.of(Alert.SESSION_SUMMARY), service);
 * }</pre>
 *
 * <p>Thread-safe: events may arrive on any bus thread.
 */
public final class NotificationUnit implements ServiceUnit {
  private static final Logger LOG = LoggerFactory.getLogger(NotificationUnit.class);
  private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(30);

  private final SessionPlan plan;
  private final Set<Alert> alerts;
  private final NotificationService notifications;
  private final AlertRules rules;
  private final OrderStreamRelay relay;
  private final String summaryKey;
  private boolean marksPassed;
  private boolean summarySeen;
  private volatile boolean done;

  /**
   * @param alerts        the alerts raised (at least one)
   * @param notifications delivers them; the unit closes it in {@link #close()}
   */
  public NotificationUnit(EventBus bus, SessionPlan plan, Set<Alert> alerts, NotificationService notifications) {
    ValidationException.check(!alerts.isEmpty(), "NotificationUnit.alerts", "must not be empty",
        alerts);
    this.plan = plan;
    this.alerts = EnumSet.copyOf(alerts);
    this.notifications = notifications;
    this.summaryKey = "session:" + plan.session().date();
    this.relay = new OrderStreamRelay(time -> { }, this::advanced);
    this.rules = AlertRules.builder(this::submit).only(this.alerts).build().attach(relay.local());
    relay.start(bus, false);
  }

  private void submit(Notification n) {
    notifications.submit(n);
    if (n.dedupKey().equals(summaryKey)) {
      synchronized (this) {
        summarySeen = true;
        finish(FLUSH_TIMEOUT);
      }
    }
  }

  private synchronized void advanced(long low) {
    if (low >= plan.endMillis()) {
      marksPassed = true;
      finish(FLUSH_TIMEOUT);
    }
  }

  /** Done once every condition holds and the deliveries settled within {@code timeout}. */
  private void finish(Duration timeout) {
    if (done || !marksPassed || !(summarySeen || !alerts.contains(Alert.SESSION_SUMMARY))) {
      return;
    }
    if (notifications.flush(timeout)) {
      done = true;
    } else if (!timeout.isZero()) {
      LOG.warn("the session's notifications were not all delivered within {} s: {}", timeout.toSeconds(),
          notifications.stats());
    }
  }

  /** The notification service (its counters and dead letters). */
  public NotificationService notifications() {
    return notifications;
  }

  @Override
  public String name() {
    return "notification";
  }

  @Override
  public boolean sessionDone() {
    if (!done) {
      synchronized (this) {
        finish(Duration.ZERO); // deliveries still retried after the wait at the end may have settled since
      }
    }
    return done;
  }

  @Override
  public String report() {
    NotificationStats s = notifications.stats();
    return "notification: " + s.submitted() + " alerts raised, " + s.delivered() + " delivered to "
        + notifications.channelNames() + " (" + s.sent() + " messages, " + s.retries() + " retries, "
        + s.deadLettered() + " dead-lettered, " + s.suppressed() + " suppressed)";
  }

  /** Unsubscribes and stops the notification service (what is undelivered stays in its queue). */
  @Override
  public void close() {
    relay.stop();
    rules.close();
    relay.closeLocal();
    notifications.close();
  }
}
