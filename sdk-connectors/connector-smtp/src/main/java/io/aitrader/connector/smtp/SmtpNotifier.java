package io.aitrader.connector.smtp;

import io.aitrader.api.ValidationException;
import io.aitrader.api.notify.Notification;
import io.aitrader.api.notify.NotificationException;
import io.aitrader.api.notify.Notifier;
import io.aitrader.api.Secret;
import jakarta.mail.MessagingException;
import jakarta.mail.NoSuchProviderException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code email} notification channel: sends each {@link Notification} as one plain-text UTF-8 e-mail to every
 * configured recipient over SMTP (plain, STARTTLS or SMTPS, with or without a login), on Angus Mail.
 *
 * <pre>{@code
 * Notifier email = SmtpNotifier.create(SmtpSettings.fromEnvironment(System.getenv()));
 * try {
 *   email.send(Notification.of(Severity.CRITICAL, "Broker unreachable", "Groww API down since 09:31", now));
 * } catch (NotificationException e) {
 *   if (e.isRetryable()) retryLater();
 * }
 * }</pre>
 *
 * <p>The message: subject {@code [aitrader] CRITICAL Broker unreachable}; body the notification's body, then a footer
 * with the severity and the time in IST; {@code Date} the notification's time; a {@code Message-ID} derived from the
 * de-duplication key and the time, so a redelivered notification carries the same id; and an
 * {@code X-Aitrader-Severity} header for mail filters.
 *
 * <p>Failures are {@link NotificationException}s: not retryable for a refused login (the message names the server
 * and the user, never the password), a required STARTTLS the server does not offer (nothing is sent), a failed TLS
 * handshake or a 5xx reply such as an unknown recipient; retryable for a refused connection, a timeout or a 4xx
 * reply. The password is a {@link Secret}: it is passed to the server only and never logged or put in a message.
 *
 * <p>Threading: thread-safe; each {@link #send} opens its own connection, blocks for at most about the configured
 * timeouts per step, and closes it.
 */
public final class SmtpNotifier implements Notifier {
  /** The channel's name in configuration. */
  public static final String NAME = "email";

  private static final Logger LOG = LoggerFactory.getLogger(SmtpNotifier.class);

  private final SmtpSettings settings;
  private final Session session;
  private final MailComposer composer;
  private final SmtpFailures failures;
  private final String server;

  private SmtpNotifier(SmtpSettings settings) {
    this.settings = ValidationException.required(settings, "SmtpNotifier.settings");
    InternetAddress from = address("SmtpSettings.from", settings.from());
    List<String> to = settings.to();
    InternetAddress[] recipients = new InternetAddress[to.size()];
    for (int i = 0; i < recipients.length; i++) {
      recipients[i] = address("SmtpSettings.to[" + i + "]", to.get(i));
    }
    this.session = Session.getInstance(SessionProperties.of(settings, from.getAddress()));
    this.composer = new MailComposer(session, from, recipients, settings.subjectPrefix());
    this.failures = new SmtpFailures(settings);
    this.server = settings.host() + ":" + settings.port();
    LOG.info("e-mail notifier: {} ({}) as {}, from {} to {} recipient(s)", server, settings.security(),
        settings.username().orElse("(no login)"), from.getAddress(), recipients.length);
    if (settings.security() == SmtpSecurity.NONE && settings.username().isPresent()) {
      LOG.warn("e-mail notifier: security NONE sends the password for {} to {} in clear text; use STARTTLS or SMTPS",
          settings.username().get(), server);
    }
    if (settings.trustAllCertificates()) {
      LOG.warn("e-mail notifier: trusting any TLS certificate without checking its name (for tests only)");
    }
  }

  /** A notifier sending with {@code settings}; connects only when sending. */
  public static SmtpNotifier create(SmtpSettings settings) {
    return new SmtpNotifier(settings);
  }

  /**
   * A notifier configured by the {@code SMTP_*} variables of {@code env}; see
   * {@link SmtpSettings#fromEnvironment(Map)}.
   *
   * @throws io.aitrader.api.ConfigurationException listing every missing or bad variable
   */
  public static SmtpNotifier fromEnvironment(Map<String, String> env) {
    return new SmtpNotifier(SmtpSettings.fromEnvironment(env));
  }

  /** {@value #NAME}. */
  @Override
  public String name() {
    return NAME;
  }

  /** The settings it sends with. */
  public SmtpSettings settings() {
    return settings;
  }

  /**
   * Sends {@code notification} as one e-mail to every recipient; returns when the server has accepted it.
   *
   * @throws NotificationException when it was not accepted; {@link NotificationException#isRetryable()} tells
   *                               whether trying again later may work
   */
  @Override
  public void send(Notification notification) {
    ValidationException.required(notification, "SmtpNotifier.send.notification");
    MimeMessage message;
    try {
      message = composer.compose(notification);
    } catch (MessagingException e) {
      throw new NotificationException("could not compose the e-mail for '" + notification.title() + "': "
          + e.getMessage(), false, e);
    }
    Transport transport;
    try {
      transport = session.getTransport(SessionProperties.PROTOCOL);
    } catch (NoSuchProviderException e) {
      throw new NotificationException("Angus Mail's SMTP transport is missing from the class path: "
          + e.getMessage(), false, e);
    }
    try {
      transport.connect(settings.host(), settings.port(), settings.username().orElse(null),
          settings.password().map(Secret::reveal).orElse(null));
      transport.sendMessage(message, message.getAllRecipients());
    } catch (MessagingException e) {
      NotificationException failure = failures.translate(e, lastReturnCode(transport), lastResponse(transport));
      LOG.debug("e-mail '{}' not sent ({}): {}", notification.title(),
          failure.isRetryable() ? "retryable" : "permanent", failure.getMessage());
      throw failure;
    } finally {
      close(transport);
    }
    LOG.debug("e-mail '{}' sent through {} to {} recipient(s)", notification.title(), server,
        settings.to().size());
  }

  @Override
  public String toString() {
    return "SmtpNotifier[" + NAME + " via " + server + " " + settings.security() + ", login "
        + settings.username().orElse("(none)") + ", " + settings.to().size() + " recipient(s)]";
  }

  private static InternetAddress address(String field, String value) {
    try {
      return Addresses.parse(value);
    } catch (AddressException e) {
      throw new ValidationException(field, field + " must be one e-mail address, was '" + value + "'");
    }
  }

  private static int lastReturnCode(Transport transport) {
    return transport instanceof SMTPTransport t ? t.getLastReturnCode() : -1;
  }

  private static String lastResponse(Transport transport) {
    if (transport instanceof SMTPTransport t) {
      String response = t.getLastServerResponse();
      return response == null ? "" : response.strip();
    }
    return "";
  }

  private void close(Transport transport) {
    if (!transport.isConnected()) {
      return;
    }
    try {
      transport.close();
    } catch (MessagingException e) {
      LOG.debug("closing the connection to {} failed: {}", server, e.getMessage());
    }
  }
}
