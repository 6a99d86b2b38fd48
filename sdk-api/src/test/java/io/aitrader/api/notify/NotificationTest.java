package io.aitrader.api.notify;

import static io.aitrader.api.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.AitraderException;
import io.aitrader.api.ValidationException;
import org.junit.jupiter.api.Test;

class NotificationTest {

  @Test
  void defaultDedupKeyIsSeverityAndTitle() {
    Notification n = Notification.of(Severity.WARNING, "Order rejected", "insufficient margin", T0);

    assertThat(n.dedupKey()).isEqualTo("WARNING:Order rejected");
    assertThat(Notification.of(Severity.INFO, "Daily summary", "", T0).body()).isEmpty();
  }

  @Test
  void rejectsBlankOrLongTitlesAndBadTimes() {
    assertThatThrownBy(() -> Notification.of(Severity.INFO, " ", "b", T0))
        .isInstanceOf(ValidationException.class).hasMessageContaining("Notification.title must not be blank");
    assertThatThrownBy(() -> Notification.of(Severity.INFO, "x".repeat(201), "b", T0))
        .hasMessage("Notification.title must be at most 200 characters, was 201 characters");
    assertThatThrownBy(() -> Notification.of(Severity.INFO, "t", "b", 0)).hasMessage("Notification.timestampMillis must be > 0, was 0");
    assertThatThrownBy(() -> new Notification(Severity.INFO, "t", "b", T0, "")).hasMessageContaining("Notification.dedupKey");
  }

  @Test
  void notifierFailuresSayWhetherToRetry() {
    NotificationException timeout = new NotificationException("Slack timed out", true);
    NotificationException badToken = new NotificationException("Slack token rejected", false, new IllegalStateException("401"));

    assertThat(timeout.isRetryable()).isTrue();
    assertThat(badToken.isRetryable()).isFalse();
    assertThat(badToken).isInstanceOf(AitraderException.class).hasCauseInstanceOf(IllegalStateException.class);
  }
}
