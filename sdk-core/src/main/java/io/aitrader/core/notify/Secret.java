package io.aitrader.core.notify;

import static io.aitrader.api.ValidationException.requireText;

import java.util.Objects;

/**
 * A credential (an SMTP password, a webhook URL, an API token) that must never be printed: {@link #toString()}
 * shows only its name, so a secret that ends up in a log line, an exception message or a debugger shows
 * {@code SLACK_WEBHOOK_URL=***}. Read the value with {@link #reveal()} only where it is sent.
 *
 * <pre>{@code
 * Secret url = Secret.of("SLACK_WEBHOOK_URL", System.getenv("SLACK_WEBHOOK_URL"));
 * log.info("posting to {}", url);        // posting to SLACK_WEBHOOK_URL=***
 * http.post(URI.create(url.reveal()), body);
 * }</pre>
 *
 * <p>Immutable and thread-safe. Two secrets are equal when name and value are.
 */
public final class Secret {
  private final String name;
  private final String value;

  private Secret(String name, String value) {
    this.name = requireText(name, "Secret.name");
    this.value = requireText(value, "Secret " + name);
  }

  /** A secret called {@code name} (where it came from, e.g. the environment variable) holding {@code value}. */
  public static Secret of(String name, String value) {
    return new Secret(name, value);
  }

  /** Where the secret came from, e.g. {@code SMTP_PASSWORD}: safe to print. */
  public String name() {
    return name;
  }

  /** The secret value itself: pass it straight to the protocol, never to a log. */
  public String reveal() {
    return value;
  }

  /**
   * {@code text} with every occurrence of this secret's value replaced by {@code ***}: for messages that come back
   * from a library and may quote it (an exception naming the URL it failed to reach).
   */
  public String redact(String text) {
    return text.replace(value, "***");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret s && s.name.equals(name) && s.value.equals(value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, value);
  }

  @Override
  public String toString() {
    return name + "=***";
  }
}
