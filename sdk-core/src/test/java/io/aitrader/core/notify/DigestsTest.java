package io.aitrader.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.notify.Delivery;
import io.aitrader.api.notify.Notification;
import io.aitrader.api.notify.Severity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigestsTest {
  /** 2025-01-06 09:15:00 IST. */
  private static final long T0 = 1_736_135_100_000L;

  private static Delivery delivery(Severity severity, String title, String body, long time) {
    return Delivery.of("slack", new Notification(severity, title, body, time, title + "@" + time), T0);
  }

  @Test
  void countsByKindAndListsEachOldestFirstWithTheFirstBodyLine() {
    List<Delivery> batch = List.of(
        delivery(Severity.INFO, "Filled BUY 10 RELIANCE", "at 2534.05\nbroker id 991", T0 + 2_000),
        delivery(Severity.WARNING, "Order rejected", "insufficient margin", T0 + 1_000),
        delivery(Severity.INFO, "Filled SELL 5 INFY", "", T0 + 3_000));

    Notification digest = Digests.digest(batch, n -> n.title().startsWith("Filled") ? "fills" : "rejections");

    assertThat(digest.title()).isEqualTo("3 notifications: 2 fills, 1 rejections");
    assertThat(digest.body()).isEqualTo("""
        09:15:01 Order rejected — insufficient margin
        09:15:02 Filled BUY 10 RELIANCE — at 2534.05
        09:15:03 Filled SELL 5 INFY""");
    assertThat(digest.severity()).isEqualTo(Severity.WARNING);
    assertThat(digest.timestampMillis()).isEqualTo(T0 + 3_000);
    assertThat(digest.dedupKey()).isEqualTo("digest:" + batch.get(0).id() + "+2");
  }

  @Test
  void countsBySeverityByDefault() {
    List<Delivery> batch = List.of(delivery(Severity.INFO, "a", "", T0), delivery(Severity.CRITICAL, "b", "", T0),
        delivery(Severity.INFO, "c", "", T0));

    Notification digest = Digests.digest(batch, Digests::severityKind);

    assertThat(digest.title()).isEqualTo("3 notifications: 2 info, 1 critical");
    assertThat(digest.severity()).isEqualTo(Severity.CRITICAL);
  }

  @Test
  void capsTheTitleAndLongLines() {
    List<Delivery> batch = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      batch.add(delivery(Severity.INFO, "kind number " + i, "x".repeat(500), T0 + i));
    }

    Notification digest = Digests.digest(batch, Notification::title);

    assertThat(digest.title()).startsWith("40 notifications: 1 kind number 0, 1 kind number 1").endsWith(", …")
        .hasSizeLessThanOrEqualTo(Notification.MAX_TITLE);
    assertThat(digest.body().lines()).hasSize(40)
        .allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(Digests.MAX_LINE));
  }
}
