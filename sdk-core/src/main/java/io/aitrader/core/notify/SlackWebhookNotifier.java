package io.aitrader.core.notify;

import io.aitrader.api.Secret;
import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.requireText;
import static io.aitrader.api.ValidationException.required;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aitrader.api.ValidationException;
import io.aitrader.api.notify.Notification;
import io.aitrader.api.notify.NotificationException;
import io.aitrader.api.notify.NotificationRateLimitedException;
import io.aitrader.api.notify.Notifier;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A channel (name {@code slack} by default) posting to a Slack incoming webhook: an HTTPS POST of
 * {@code {"text": ":warning: WARNING *Order rejected*\nmom5m-000042 ... insufficient margin"}}, the JSON built by
 * Jackson and the text escaped for Slack ({@code & < >}).
 *
 * <pre>{@code
 * Notifier slack = SlackWebhookNotifier.builder()
 *     .webhookUrl(secrets.require("SLACK_WEBHOOK_URL"))
 *     .connectTimeout(Duration.ofSeconds(5))
 *     .requestTimeout(Duration.ofSeconds(10))
 *     .build();
 * }</pre>
 *
 * <p><b>Outcomes.</b> A 2xx answer is success. HTTP 429 throws a {@link NotificationRateLimitedException} carrying
 * the {@code Retry-After} seconds when given; 5xx, timeouts and I/O errors throw a retryable
 * {@link NotificationException}; any other status (400 {@code invalid_payload}, 403, 404 {@code no_service} for a
 * revoked webhook) a non-retryable one. Messages name the secret ({@code SLACK_WEBHOOK_URL=***}), never the URL: text
 * coming from the HTTP client passes through {@link Secret#redact}.
 *
 * <p>Works with {@code https://} (Slack) and {@code http://} (a local test server). Thread-safe: one shared
 * {@link HttpClient}; {@link #send} blocks for at most about connect timeout + request timeout.
 */
public final class SlackWebhookNotifier implements Notifier {
  /** The default channel name. */
  public static final String NAME = "slack";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_ANSWER = 200;

  private final String name;
  private final Secret webhookUrl;
  private final URI uri;
  private final Duration requestTimeout;
  private final HttpClient client;

  private SlackWebhookNotifier(Builder b, Secret webhookUrl, URI uri) {
    this.name = b.name;
    this.webhookUrl = webhookUrl;
    this.uri = uri;
    this.requestTimeout = b.requestTimeout;
    this.client = HttpClient.newBuilder().connectTimeout(b.connectTimeout).version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** Starts configuring a notifier; {@link Builder#webhookUrl(Secret)} is required. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void send(Notification notification) {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(requestTimeout)
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofByteArray(payload(notification))).build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new NotificationException(where() + " did not answer in time: " + safe(e), true);
    } catch (IOException e) {
      throw new NotificationException(where() + " could not be reached: " + safe(e), true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NotificationException(where() + ": interrupted while sending", true);
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return;
    }
    String answer = webhookUrl.redact(response.body().strip());
    if (answer.length() > MAX_ANSWER) {
      answer = answer.substring(0, MAX_ANSWER) + "…";
    }
    String message = where() + " answered HTTP " + status + (answer.isEmpty() ? "" : ": " + answer);
    if (status == 429) {
      throw new NotificationRateLimitedException(message, retryAfterMillis(response));
    }
    throw new NotificationException(message, status >= 500);
  }

  /** The JSON body posted for {@code notification}. */
  byte[] payload(Notification notification) {
    ObjectNode body = JSON.createObjectNode();
    body.put("text", text(notification));
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new NotificationException(where() + ": could not write the JSON body: " + e.getOriginalMessage(), false);
    }
  }

  /** Slack message text: severity emoji and label, the title in bold, the body below. */
  static String text(Notification n) {
    String label = switch (n.severity()) {
      case CRITICAL -> ":rotating_light: CRITICAL";
      case WARNING -> ":warning: WARNING";
      case INFO -> ":information_source: INFO";
    };
    String text = label + " *" + escape(n.title()) + "*";
    return n.body().isEmpty() ? text : text + "\n" + escape(n.body());
  }

  /** Escapes the three characters Slack's message formatting reserves. */
  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static long retryAfterMillis(HttpResponse<?> response) {
    Optional<String> header = response.headers().firstValue("Retry-After");
    if (header.isPresent()) {
      String v = header.get().strip();
      if (!v.isEmpty() && v.length() <= 9 && v.chars().allMatch(Character::isDigit)) {
        return Long.parseLong(v) * 1_000L;
      }
    }
    return 0;
  }

  private String where() {
    return "Slack webhook " + webhookUrl;
  }

  private String safe(Exception e) {
    String message = e.getMessage();
    String text = e.getClass().getSimpleName() + (message == null ? "" : " " + message);
    return webhookUrl.redact(text);
  }

  @Override
  public String toString() {
    return "SlackWebhookNotifier[" + name + ", " + webhookUrl + "]";
  }

  /** Configures a {@link SlackWebhookNotifier}; not thread-safe. */
  public static final class Builder {
    private String name = NAME;
    private @Nullable Secret webhookUrl;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(10);

    private Builder() {}

    /** The channel name, for several Slack channels (e.g. {@code slack-ops}); default {@code slack}. */
    public Builder name(String name) {
      this.name = requireText(name, "SlackWebhookNotifier.name");
      return this;
    }

    /** The webhook URL, {@code https://hooks.slack.com/services/...}; required. */
    public Builder webhookUrl(Secret webhookUrl) {
      this.webhookUrl = required(webhookUrl, "SlackWebhookNotifier.webhookUrl");
      return this;
    }

    /** How long to wait for a connection; default 5 s. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive(connectTimeout, "SlackWebhookNotifier.connectTimeout");
      return this;
    }

    /** How long to wait for the answer once connected; default 10 s. */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = positive(requestTimeout, "SlackWebhookNotifier.requestTimeout");
      return this;
    }

    /**
     * The notifier.
     *
     * @throws ValidationException when the webhook URL is missing or not an absolute http(s) URL (the message names
     *     the secret, not its value)
     */
    public SlackWebhookNotifier build() {
      Secret secret = required(webhookUrl, "SlackWebhookNotifier.webhookUrl");
      URI uri;
      try {
        uri = new URI(secret.reveal().strip());
      } catch (URISyntaxException e) {
        throw new ValidationException("SlackWebhookNotifier.webhookUrl",
            "SlackWebhookNotifier.webhookUrl must be a URL, was " + secret + " (not a valid URL)");
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      check((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null,
          "SlackWebhookNotifier.webhookUrl", "must be an absolute http or https URL", secret);
      return new SlackWebhookNotifier(this, secret, uri);
    }

    private static Duration positive(Duration d, String field) {
      required(d, field);
      check(!d.isNegative() && !d.isZero(), field, "must be positive", d);
      return d;
    }
  }
}
