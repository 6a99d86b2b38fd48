package io.aitrader.core.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.aitrader.api.notify.Notification;
import io.aitrader.api.notify.Severity;
import org.junit.jupiter.api.Test;

class LogNotifierTest {

  @Test
  void isTheLogChannelAndAcceptsEverySeverity() {
    LogNotifier log = new LogNotifier();

    assertThat(log.name()).isEqualTo("log");
    for (Severity severity : Severity.values()) {
      assertThatCode(() -> log.send(Notification.of(severity, "Feed reconnecting", "", 1_736_135_100_000L)))
          .doesNotThrowAnyException();
      assertThatCode(() -> log.send(Notification.of(severity, "Daily summary", "PnL +1200", 1_736_135_100_000L)))
          .doesNotThrowAnyException();
    }
  }
}
