package io.aitrader.core.notify;

import io.aitrader.api.notify.Notification;
import io.aitrader.api.notify.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default channel (name {@code log}): writes each notification to SLF4J — INFO, WARN or ERROR by
 * severity — on the logger {@code io.aitrader.core.notify.LogNotifier}, so the SDK notifies someone with nothing
 * configured. Never fails.
 *
 * <pre>{@code
 * NotificationService.builder().channel(new LogNotifier()).build();
 * // WARN  ... LogNotifier - [WARNING] Order rejected: mom5m-000042 NSE:RELIANCE BUY 10: insufficient margin
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class LogNotifier implements Notifier {
  /** The channel name. */
  public static final String NAME = "log";
  private static final Logger LOG = LoggerFactory.getLogger(LogNotifier.class);

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void send(Notification notification) {
    String format = notification.body().isEmpty() ? "[{}] {}{}" : "[{}] {}: {}";
    switch (notification.severity()) {
      case CRITICAL -> LOG.error(format, notification.severity(), notification.title(), notification.body());
      case WARNING -> LOG.warn(format, notification.severity(), notification.title(), notification.body());
      case INFO -> LOG.info(format, notification.severity(), notification.title(), notification.body());
    }
  }

  @Override
  public String toString() {
    return "LogNotifier";
  }
}
