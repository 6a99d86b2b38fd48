package io.aitrader.core.notify;

import io.aitrader.api.notify.Delivery;
import io.aitrader.api.notify.Notification;
import io.aitrader.api.notify.Severity;
import io.aitrader.api.time.Ist;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Coalesces several deliveries waiting for one channel into one digest notification: the title counts them by kind
 * ({@code "12 notifications: 9 fills, 2 rejections, 1 critical"}), the body lists each one's time, title and first
 * body line, oldest first. Stateless.
 */
final class Digests {
  /** The longest line of a digest body, one per notification. */
  static final int MAX_LINE = 300;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final Comparator<Notification> OLDEST_FIRST = Comparator.comparingLong(Notification::timestampMillis);

  private Digests() {}

  /** The default kind of a notification in a digest's title: its severity in lower case. */
  static String severityKind(Notification notification) {
    return notification.severity().name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * One notification standing for {@code batch} (two or more deliveries to one channel): the highest severity of the
   * batch, the newest timestamp, and a dedupKey derived from the first delivery's id and the batch size.
   */
  static Notification digest(List<Delivery> batch, Function<? super Notification, String> kind) {
    List<Notification> items = new ArrayList<>(batch.size());
    for (Delivery d : batch) {
      items.add(d.notification());
    }
    items.sort(OLDEST_FIRST);
    Severity severity = Severity.INFO;
    Map<String, Integer> counts = new LinkedHashMap<>();
    StringBuilder body = new StringBuilder();
    for (Notification n : items) {
      if (n.severity().compareTo(severity) > 0) {
        severity = n.severity();
      }
      counts.merge(kindOf(n, kind), 1, Integer::sum);
      if (body.length() > 0) {
        body.append('\n');
      }
      body.append(line(n));
    }
    long newest = items.get(items.size() - 1).timestampMillis();
    String dedupKey = "digest:" + batch.get(0).id() + "+" + (batch.size() - 1);
    return new Notification(severity, title(items.size(), counts), body.toString(), newest, dedupKey);
  }

  private static String kindOf(Notification n, Function<? super Notification, String> kind) {
    String k = kind.apply(n);
    return k == null || k.isBlank() ? severityKind(n) : k.strip();
  }

  private static String title(int total, Map<String, Integer> counts) {
    List<Map.Entry<String, Integer>> byCount = new ArrayList<>(counts.entrySet());
    byCount.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
    StringBuilder title = new StringBuilder().append(total).append(" notifications: ");
    int start = title.length();
    for (Map.Entry<String, Integer> e : byCount) {
      String part = (title.length() > start ? ", " : "") + e.getValue() + " " + e.getKey();
      if (title.length() + part.length() > Notification.MAX_TITLE - 3) {
        title.append(title.length() > start ? ", …" : "…");
        break;
      }
      title.append(part);
    }
    return title.toString();
  }

  private static String line(Notification n) {
    String body = n.body().strip();
    int newline = body.indexOf('\n');
    String first = (newline < 0 ? body : body.substring(0, newline)).strip();
    String line = TIME.format(Ist.at(n.timestampMillis())) + " " + n.title() + (first.isEmpty() ? "" : " — " + first);
    return line.length() <= MAX_LINE ? line : line.substring(0, MAX_LINE - 1) + "…";
  }
}
