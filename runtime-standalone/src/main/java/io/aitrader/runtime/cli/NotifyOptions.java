package io.aitrader.runtime.cli;

import io.aitrader.api.Secret;
import io.aitrader.api.notify.Delivery;
import io.aitrader.connector.smtp.SmtpNotifier;
import io.aitrader.connector.smtp.SmtpSettings;
import io.aitrader.core.notify.Alert;
import io.aitrader.core.notify.AlertRules;
import io.aitrader.core.notify.ChannelPolicy;
import io.aitrader.core.notify.LogNotifier;
import io.aitrader.core.notify.NotificationService;
import io.aitrader.core.notify.RateLimit;
import io.aitrader.core.notify.Secrets;
import io.aitrader.core.notify.SlackWebhookNotifier;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --notify email,slack --alerts summary --secrets FILE}: where the demo's alerts go. Settings and secrets come
 * from environment variables ({@code SMTP_HOST}, {@code SMTP_PORT}, {@code SMTP_SECURITY}, {@code SMTP_USERNAME},
 * {@code SMTP_PASSWORD}, {@code SMTP_FROM}, {@code SMTP_TO}, {@code SLACK_WEBHOOK_URL}) or a secrets file of
 * {@code NAME=value} lines; the environment wins.
 */
final class NotifyOptions {
  static final List<String> SMTP_VARIABLES = List.of("SMTP_HOST", "SMTP_PORT", "SMTP_SECURITY", "SMTP_USERNAME",
      "SMTP_PASSWORD", "SMTP_FROM", "SMTP_TO");
  static final String SLACK_VARIABLE = "SLACK_WEBHOOK_URL";

  @Option(names = "--notify", split = ",", paramLabel = "CHANNEL",
      description = "Send alerts to these channels: log, email, slack (comma-separated; default: none).")
  List<String> channels = new ArrayList<>();

  @Option(names = "--alerts", split = ",", paramLabel = "ALERT",
      description = "Which alerts: summary (the day's PnL summary, default), all, or any of fill, order-rejected,"
          + " risk-limit, kill-switch-tripped, kill-switch-reset, feed-disconnected, feed-reconnected.")
  List<String> alerts = new ArrayList<>(List.of("summary"));

  @Option(names = "--secrets", paramLabel = "FILE",
      description = "A file of NAME=value lines with the SMTP_* settings and SLACK_WEBHOOK_URL (chmod 600);"
          + " environment variables win.")
  @Nullable Path secretsFile;

  /** The alerts asked for. */
  Set<Alert> alerts(CommandLine cl) {
    Set<Alert> out = EnumSet.noneOf(Alert.class);
    for (String a : alerts) {
      String name = a.strip().toLowerCase(Locale.ROOT);
      if (name.equals("all")) {
        out.addAll(EnumSet.allOf(Alert.class));
      } else if (name.equals("summary")) {
        out.add(Alert.SESSION_SUMMARY);
      } else {
        try {
          out.add(Alert.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
          throw new CommandLine.ParameterException(cl, "--alerts " + a + " is not an alert; use summary, all or "
              + String.join(", ", EnumSet.allOf(Alert.class).stream()
                  .map(x -> x.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList()));
        }
      }
    }
    return out;
  }

  /** The notification service for the channels asked for; empty without {@code --notify}. */
  Optional<NotificationService> service(CommandLine cl, Map<String, String> env) {
    if (channels.isEmpty()) {
      return Optional.empty();
    }
    if (secretsFile != null && !Files.isRegularFile(secretsFile)) {
      throw new CommandLine.ParameterException(cl, "--secrets " + secretsFile + " is not a file");
    }
    Secrets secrets = Secrets.from(env, Optional.ofNullable(secretsFile));
    NotificationService.Builder b = NotificationService.builder().digestKind(AlertRules::digestKind)
        .dedupWindow(Duration.ofHours(24));
    for (String c : new java.util.LinkedHashSet<>(channels)) {
      switch (c.strip().toLowerCase(Locale.ROOT)) {
        case "log" -> b.channel(new LogNotifier());
        case "email" -> b.channel(SmtpNotifier.create(SmtpSettings.fromEnvironment(smtpSettings(secrets))),
            ChannelPolicy.defaults().withRateLimit(RateLimit.of(10, Duration.ofMinutes(1), 5)));
        case "slack" -> b.channel(SlackWebhookNotifier.builder().webhookUrl(secrets.require(SLACK_VARIABLE)).build(),
            ChannelPolicy.defaults().withRateLimit(RateLimit.of(1, Duration.ofSeconds(1), 5)));
        default -> throw new CommandLine.ParameterException(cl, "--notify " + c
            + " is not a channel; use log, email or slack");
      }
    }
    return Optional.of(b.build());
  }

  private static Map<String, String> smtpSettings(Secrets secrets) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String name : SMTP_VARIABLES) {
      secrets.find(name).map(Secret::reveal).ifPresent(v -> m.put(name, v));
    }
    return m;
  }

  /**
   * Waits for every alert to be delivered or given up on, prints what happened and closes the service; false when
   * some could not be delivered (each is printed with its error).
   */
  static boolean finish(NotificationService service, PrintWriter out, PrintWriter err) {
    boolean settled = service.flush(Duration.ofSeconds(60));
    List<Delivery> dead = service.deadLetters();
    var s = service.stats();
    service.close();
    out.printf(Locale.ROOT, "  alerts        %d delivered to %s (%d messages, %d retries)%s%n", s.delivered(),
        String.join(", ", service.channelNames()), s.sent(), s.retries(),
        dead.isEmpty() ? "" : "; " + dead.size() + " NOT delivered");
    for (Delivery d : dead) {
      err.println("aitrader: alert '" + d.notification().title() + "' could not be sent by " + d.channel() + ": "
          + d.lastError());
    }
    if (!settled) {
      err.println("aitrader: some alerts were still being retried after 60 s; they were not delivered");
    }
    return settled && dead.isEmpty();
  }

}
