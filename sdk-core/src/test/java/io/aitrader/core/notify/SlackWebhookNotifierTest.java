package io.aitrader.core.notify;

import io.aitrader.api.Secret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aitrader.api.ValidationException;
import io.aitrader.api.notify.Delivery;
import io.aitrader.api.notify.Notification;
import io.aitrader.api.notify.NotificationException;
import io.aitrader.api.notify.NotificationRateLimitedException;
import io.aitrader.api.notify.Severity;
import io.aitrader.core.notify.FakeSlack.Answer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlackWebhookNotifierTest {
  private static final long T0 = 1_736_135_100_000L;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration FLUSH = Duration.ofSeconds(10);
  private static final RetryPolicy FAST_RETRIES = RetryPolicy.builder().initialDelay(Duration.ofMillis(1))
      .maxDelay(Duration.ofMillis(5)).maxAttempts(3).jitter(0.5).build();

  private FakeSlack slack;
  private Secret url;
  private NotificationService service;

  @BeforeEach
  void startSlack() throws IOException {
    slack = new FakeSlack();
    url = Secret.of("SLACK_WEBHOOK_URL", slack.url());
  }

  @AfterEach
  void stop() {
    if (service != null) {
      service.close();
    }
    slack.close();
  }

  private SlackWebhookNotifier notifier(Duration requestTimeout) {
    return SlackWebhookNotifier.builder().webhookUrl(url).connectTimeout(Duration.ofSeconds(2))
        .requestTimeout(requestTimeout).build();
  }

  private NotificationService serviceFor(SlackWebhookNotifier notifier) {
    service = NotificationService.builder().channel(notifier).retryPolicy(FAST_RETRIES).random(new Random(7))
        .build();
    return service;
  }

  private static Notification rejected() {
    return Notification.of(Severity.WARNING, "Order rejected", "mom5m-000042 NSE:RELIANCE BUY 10: insufficient margin",
        T0);
  }

  private static String text(FakeSlack.Request request) throws IOException {
    JsonNode json = JSON.readTree(request.body());
    assertThat(json.isObject()).isTrue();
    return json.get("text").asText();
  }

  @Test
  void postsTheNotificationAsJsonToTheWebhook() throws IOException {
    notifier(Duration.ofSeconds(5)).send(rejected());

    assertThat(slack.requests).singleElement().satisfies(r -> {
      assertThat(r.method()).isEqualTo("POST");
      assertThat(r.path()).isEqualTo(FakeSlack.PATH);
      assertThat(r.contentType()).startsWith("application/json");
    });
    assertThat(text(slack.requests.get(0)))
        .isEqualTo(":warning: WARNING *Order rejected*\nmom5m-000042 NSE:RELIANCE BUY 10: insufficient margin");
  }

  @Test
  void escapesJsonAndSlackFormattingCharacters() throws IOException {
    Notification tricky = new Notification(Severity.CRITICAL, "Loss limit \"hit\" on <M&M>",
        "line one\nline two \\ tab\there ₹ 1,200 हिन्दी", T0, "k");

    notifier(Duration.ofSeconds(5)).send(tricky);

    assertThat(text(slack.requests.get(0)))
        .isEqualTo(":rotating_light: CRITICAL *Loss limit \"hit\" on &lt;M&amp;M&gt;*"
            + "\nline one\nline two \\ tab\there ₹ 1,200 हिन्दी");
  }

  @Test
  void aRateLimitAnswerCarriesTheRetryAfterSeconds() {
    slack.answer(new Answer(429, Map.of("Retry-After", "1"), "rate_limited"));

    NotificationRateLimitedException e = catchThrowableOfType(() -> notifier(Duration.ofSeconds(5)).send(rejected()),
        NotificationRateLimitedException.class);

    assertThat(e.isRetryable()).isTrue();
    assertThat(e.retryAfterMillis()).isEqualTo(1_000);
    assertThat(e).hasMessageContaining("HTTP 429").hasMessageContaining("rate_limited");
  }

  @Test
  void serverErrorsAreRetryableAndClientErrorsAreNot() {
    slack.answer(Answer.of(503, "busy"), Answer.of(403, "invalid_token"));
    SlackWebhookNotifier notifier = notifier(Duration.ofSeconds(5));

    NotificationException busy = catchThrowableOfType(() -> notifier.send(rejected()), NotificationException.class);
    NotificationException forbidden = catchThrowableOfType(() -> notifier.send(rejected()),
        NotificationException.class);

    assertThat(busy.isRetryable()).isTrue();
    assertThat(busy).hasMessageContaining("HTTP 503");
    assertThat(forbidden.isRetryable()).isFalse();
    assertThat(forbidden).hasMessage("Slack webhook SLACK_WEBHOOK_URL=*** answered HTTP 403: invalid_token");
  }

  @Test
  void retriesAfter500And429AndDeliversOnce() throws IOException {
    slack.answer(Answer.of(500, "oops"), new Answer(429, Map.of("Retry-After", "0"), "rate_limited"));
    NotificationService service = serviceFor(notifier(Duration.ofSeconds(5)));

    service.submit(rejected());

    assertThat(service.flush(FLUSH)).isTrue();
    assertThat(slack.requests).hasSize(3);
    for (FakeSlack.Request r : slack.requests) {
      assertThat(text(r)).startsWith(":warning: WARNING *Order rejected*");
    }
    NotificationStats stats = service.stats();
    assertThat(stats.delivered()).isEqualTo(1);
    assertThat(stats.retries()).isEqualTo(2);
    assertThat(stats.deadLettered()).isZero();
  }

  @Test
  void aBadRequestIsDeadLetteredWithoutRetryingOrRevealingTheUrl() {
    slack.answer(Answer.of(400, "invalid_payload for " + slack.url()));
    NotificationService service = serviceFor(notifier(Duration.ofSeconds(5)));

    service.submit(rejected());

    assertThat(service.flush(FLUSH)).isTrue();
    assertThat(slack.requests).hasSize(1);
    Delivery dead = service.deadLetters().get(0);
    assertThat(dead.lastError())
        .isEqualTo("Slack webhook SLACK_WEBHOOK_URL=*** answered HTTP 400: invalid_payload for ***")
        .doesNotContain(FakeSlack.PATH);
  }

  @Test
  void isDeadLetteredWhenTheAttemptsAreExhausted() {
    slack.answer(Answer.of(503, ""), Answer.of(502, ""), Answer.of(500, ""), Answer.of(500, ""));
    NotificationService service = serviceFor(notifier(Duration.ofSeconds(5)));

    service.submit(rejected());

    assertThat(service.flush(FLUSH)).isTrue();
    assertThat(slack.requests).hasSize(3);
    assertThat(service.deadLetters()).singleElement().satisfies(d -> {
      assertThat(d.attempts()).isEqualTo(3);
      assertThat(d.lastError()).isEqualTo("Slack webhook SLACK_WEBHOOK_URL=*** answered HTTP 500");
    });
  }

  @Test
  void aWebhookThatDoesNotAnswerInTimeIsRetried() {
    slack.answer(FakeSlack.HANG);
    NotificationService service = serviceFor(notifier(Duration.ofMillis(300)));

    service.submit(rejected());

    assertThat(service.flush(FLUSH)).isTrue();
    assertThat(slack.requests).hasSize(2);
    assertThat(service.stats().retries()).isEqualTo(1);
    assertThat(service.stats().delivered()).isEqualTo(1);
  }

  @Test
  void anUnreachableWebhookIsRetryableAndTheMessageNeverShowsTheUrl() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    String secretUrl = "http://127.0.0.1:" + closedPort + FakeSlack.PATH;
    SlackWebhookNotifier notifier = SlackWebhookNotifier.builder()
        .webhookUrl(Secret.of("SLACK_WEBHOOK_URL", secretUrl)).build();

    NotificationException e = catchThrowableOfType(() -> notifier.send(rejected()), NotificationException.class);

    assertThat(e.isRetryable()).isTrue();
    assertThat(e.getMessage()).contains("SLACK_WEBHOOK_URL=***").doesNotContain(secretUrl, FakeSlack.PATH);
    assertThat(e.getCause()).isNull();
    assertThat(notifier.toString()).isEqualTo("SlackWebhookNotifier[slack, SLACK_WEBHOOK_URL=***]");
  }

  @Test
  void refusesAnInvalidUrlWithoutShowingIt() {
    assertThatThrownBy(() -> SlackWebhookNotifier.builder()
        .webhookUrl(Secret.of("SLACK_WEBHOOK_URL", "ftp://hooks.example/s3cr3t")).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("SlackWebhookNotifier.webhookUrl must be an absolute http or https URL, was SLACK_WEBHOOK_URL=***");
    assertThatThrownBy(() -> SlackWebhookNotifier.builder()
        .webhookUrl(Secret.of("SLACK_WEBHOOK_URL", "https://hooks slack/s3cr3t")).build())
        .isInstanceOf(ValidationException.class).message().doesNotContain("s3cr3t");
    assertThatThrownBy(() -> SlackWebhookNotifier.builder().build())
        .hasMessageContaining("SlackWebhookNotifier.webhookUrl is required");
  }

  @Test
  void worksAsOneChannelAmongOthers() {
    RecordingNotifier audit = new RecordingNotifier("audit-trail");
    service = NotificationService.builder().channel(notifier(Duration.ofSeconds(5))).channel(audit)
        .channel(new LogNotifier()).build();

    service.submit(rejected());

    assertThat(service.flush(FLUSH)).isTrue();
    assertThat(service.channelNames()).containsExactly("slack", "audit-trail", "log");
    assertThat(slack.requests).hasSize(1);
    assertThat(audit.received).containsExactly(rejected());
    assertThat(service.stats().delivered()).isEqualTo(3);
  }
}
