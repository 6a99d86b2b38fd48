package io.aitrader.api.notify;

import static io.aitrader.api.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ValidationException;
import org.junit.jupiter.api.Test;

class DeliveryTest {
  private final Notification fill =
      new Notification(Severity.INFO, "Filled BUY 10 RELIANCE", "at 2534.05", T0, "fill:42");

  @Test
  void idIsDeterministicFromChannelDedupKeyAndTimestamp() {
    Delivery a = Delivery.of("slack", fill, T0);
    Delivery b = Delivery.of("slack", new Notification(Severity.CRITICAL, "other title", "", T0, "fill:42"), T0 + 5);

    assertThat(a.id()).isEqualTo(b.id()).startsWith("slack:").hasSize("slack:".length() + 32);
    assertThat(Delivery.of("email", fill, T0).id()).isNotEqualTo(a.id());
    assertThat(Delivery.of("slack", new Notification(Severity.INFO, "t", "", T0 + 1, "fill:42"), T0).id())
        .isNotEqualTo(a.id());
    assertThat(Delivery.of("slack", new Notification(Severity.INFO, "t", "", T0, "fill:43"), T0).id())
        .isNotEqualTo(a.id());
  }

  @Test
  void aFreshDeliveryHasNoAttemptsAndNoError() {
    Delivery d = Delivery.of("slack", fill, T0 + 7);

    assertThat(d.attempts()).isZero();
    assertThat(d.lastError()).isEmpty();
    assertThat(d.notBeforeMillis()).isEqualTo(T0 + 7);
    assertThat(d.channel()).isEqualTo("slack");
  }

  @Test
  void retriedAndFailedCountOneMoreAttemptAndKeepTheError() {
    Delivery d = Delivery.of("slack", fill, T0);

    Delivery retried = d.retried(T0 + 2_000, "HTTP 503");
    Delivery dead = retried.failed("HTTP 400");

    assertThat(retried.attempts()).isEqualTo(1);
    assertThat(retried.notBeforeMillis()).isEqualTo(T0 + 2_000);
    assertThat(retried.lastError()).isEqualTo("HTTP 503");
    assertThat(dead.attempts()).isEqualTo(2);
    assertThat(dead.notBeforeMillis()).isEqualTo(T0 + 2_000);
    assertThat(dead.lastError()).isEqualTo("HTTP 400");
    assertThat(dead.id()).isEqualTo(d.id());
  }

  @Test
  void rejectsBadComponentsNamingTheField() {
    assertThatThrownBy(() -> new Delivery(" ", "slack", fill, 0, T0, ""))
        .isInstanceOf(ValidationException.class).hasMessageContaining("Delivery.id must not be blank");
    assertThatThrownBy(() -> Delivery.of("", fill, T0)).hasMessageContaining("Delivery.channel must not be blank");
    assertThatThrownBy(() -> new Delivery("x", "slack", fill, -1, T0, ""))
        .hasMessage("Delivery.attempts must be >= 0, was -1");
    assertThatThrownBy(() -> new Delivery("x", "slack", fill, 0, -1, ""))
        .hasMessage("Delivery.notBeforeMillis must be >= 0, was -1");
  }

  @Test
  void aRateLimitIsRetryableAndCarriesItsHint() {
    NotificationRateLimitedException e = new NotificationRateLimitedException("Slack answered 429", 1_000);

    assertThat(e.isRetryable()).isTrue();
    assertThat(e.retryAfterMillis()).isEqualTo(1_000);
    assertThat(new NotificationRateLimitedException("no hint", -5).retryAfterMillis()).isZero();
  }
}
