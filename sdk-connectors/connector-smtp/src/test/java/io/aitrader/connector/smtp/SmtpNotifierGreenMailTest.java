package io.aitrader.connector.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.aitrader.api.notify.Notification;
import io.aitrader.api.notify.NotificationException;
import io.aitrader.api.notify.Severity;
import io.aitrader.api.time.Ist;
import io.aitrader.api.Secret;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The notifier against GreenMail's in-JVM SMTP and SMTPS servers on 127.0.0.1. */
class SmtpNotifierGreenMailTest {
  private static final String USER = "alerts";
  private static final String PASSWORD = "Gr33n-Ma1l-s3cret!";
  private static final String FROM = "alerts@aitrader.test";
  private static final long AT = Ist.toEpochMillis(LocalDate.of(2025, 1, 15), LocalTime.of(9, 15, 30));
  private static final long WAIT_MS = 5_000;

  private GreenMail greenMail;

  @BeforeEach
  void startGreenMail() {
    greenMail = new GreenMail(new ServerSetup[] {
        ServerSetup.SMTP.createCopy("127.0.0.1").dynamicPort(),
        ServerSetup.SMTPS.createCopy("127.0.0.1").dynamicPort()});
    greenMail.start();
    greenMail.setUser(FROM, USER, PASSWORD);
  }

  @AfterEach
  void stopGreenMail() {
    greenMail.stop();
  }

  @Test
  void deliversUtf8PlainTextMailWithSubjectFooterHeadersToEveryRecipient() throws Exception {
    // given
    SmtpNotifier notifier = SmtpNotifier.create(plainWithLogin().to("trader@aitrader.test", "desk@aitrader.test").build());
    Notification n = new Notification(Severity.WARNING, "Order rejected: RELIANCE ₹2,534.05",
        "mom5m-000042 NSE:RELIANCE BUY 10 @ ₹2,534.05 — मार्जिन अपर्याप्त है", AT, "order-rejected:mom5m-000042");

    // when
    notifier.send(n);

    // then
    assertThat(greenMail.waitForIncomingEmail(WAIT_MS, 2)).isTrue();
    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).hasSize(2);
    MimeMessage m = received[0];
    assertThat(m.getSubject()).isEqualTo("[aitrader] WARNING Order rejected: RELIANCE ₹2,534.05");
    assertThat(m.getFrom()).extracting(Address::toString).containsExactly(FROM);
    assertThat(m.getRecipients(Message.RecipientType.TO)).extracting(a -> ((InternetAddress) a).getAddress())
        .containsExactly("trader@aitrader.test", "desk@aitrader.test");
    assertThat(m.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
    assertThat((String) m.getContent())
        .startsWith("mom5m-000042 NSE:RELIANCE BUY 10 @ ₹2,534.05 — मार्जिन अपर्याप्त है")
        .contains("Severity: WARNING")
        .contains("Time: 2025-01-15 09:15:30 IST");
    assertThat(m.getHeader(MailComposer.SEVERITY_HEADER)).containsExactly("WARNING");
    assertThat(m.getMessageID()).matches("<[0-9a-f]{32}\\." + AT + "\\.aitrader@aitrader\\.test>");
    assertThat(m.getSentDate().getTime()).isEqualTo(AT);
    assertThat(Arrays.stream(received).map(this::messageId)).containsOnly(m.getMessageID());
  }

  @Test
  void givesARedeliveryTheSameMessageIdAndALaterOccurrenceANewOne() throws Exception {
    // given
    SmtpNotifier notifier = SmtpNotifier.create(plainWithLogin().build());
    Notification first = Notification.of(Severity.CRITICAL, "Broker unreachable", "Groww API down", AT);
    Notification later = Notification.of(Severity.CRITICAL, "Broker unreachable", "Groww API down", AT + 60_000);

    // when
    notifier.send(first);
    notifier.send(first);
    notifier.send(later);

    // then
    assertThat(greenMail.waitForIncomingEmail(WAIT_MS, 3)).isTrue();
    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(messageId(received[0])).isEqualTo(messageId(received[1]));
    assertThat(messageId(received[2])).isNotEqualTo(messageId(received[0])).contains("." + (AT + 60_000) + ".");
  }

  @Test
  void wrongPasswordIsPermanentAndNamesServerAndUserButNeverThePassword() {
    // given
    String wrong = "not-the-Pa55word-" + PASSWORD.hashCode();
    SmtpSettings settings = plainWithLogin().password(Secret.of("SMTP_PASSWORD", wrong)).build();
    String log;
    NotificationException e;

    // when
    try (CapturedStderr captured = new CapturedStderr()) {
      SmtpNotifier notifier = SmtpNotifier.create(settings);
      e = catchThrowableOfType(NotificationException.class, () -> notifier.send(note("Loss limit hit")));
      log = captured.text() + notifier + settings;
    }

    // then
    assertThat(e).isNotNull();
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.getMessage()).contains("SMTP server 127.0.0.1:" + smtpPort() + " refused the login for " + USER
        + "; check SMTP_USERNAME/SMTP_PASSWORD");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
    assertThat(log).contains("e-mail notifier").contains("not sent");
    assertThat(everythingPrinted(e) + log).doesNotContain(wrong);
  }

  @Test
  void neverPrintsThePasswordWhenSendingSucceeds() {
    // given
    SmtpSettings settings = plainWithLogin().build();
    String log;

    // when
    try (CapturedStderr captured = new CapturedStderr()) {
      SmtpNotifier notifier = SmtpNotifier.create(settings);
      notifier.send(note("Daily summary"));
      log = captured.text() + notifier + settings;
    }

    // then
    assertThat(greenMail.waitForIncomingEmail(WAIT_MS, 1)).isTrue();
    assertThat(log).contains("sent through 127.0.0.1:" + smtpPort()).contains("SMTP_PASSWORD=***");
    assertThat(log).doesNotContain(PASSWORD);
  }

  @Test
  void deliversOverSmtpsWhenTheTestCertificateIsTrusted() throws Exception {
    // given
    SmtpNotifier notifier = SmtpNotifier.create(smtps().trustAllCertificates(true).build());

    // when
    notifier.send(note("Over TLS"));

    // then
    assertThat(greenMail.waitForIncomingEmail(WAIT_MS, 1)).isTrue();
    assertThat(greenMail.getReceivedMessages()[0].getSubject()).isEqualTo("[aitrader] INFO Over TLS");
  }

  @Test
  void refusesAnSmtpsCertificateNoAuthoritySigned() {
    // given GreenMail's self-signed certificate and no trust configured
    SmtpNotifier notifier = SmtpNotifier.create(smtps().build());

    // when
    NotificationException e = catchThrowableOfType(NotificationException.class, () -> notifier.send(note("x")));

    // then
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.getMessage()).contains("TLS handshake with SMTP server 127.0.0.1:" + smtpsPort() + " failed");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void aTrustedHostMustStillBeNamedInItsCertificate() {
    // given GreenMail's certificate names "GreenMail selfsigned Test Certificate", not 127.0.0.1
    SmtpNotifier notifier = SmtpNotifier.create(smtps().trustedHosts(Set.of("127.0.0.1")).build());

    // when
    NotificationException e = catchThrowableOfType(NotificationException.class, () -> notifier.send(note("x")));

    // then
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.getMessage()).contains("TLS handshake with SMTP server 127.0.0.1:" + smtpsPort() + " failed")
        .contains("No subject alternative names");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void requiredStartTlsThatTheServerDoesNotOfferRefusesBeforeSendingAnything() {
    // given GreenMail's plain SMTP server, which does not offer STARTTLS
    SmtpNotifier notifier = SmtpNotifier.create(plainWithLogin().security(SmtpSecurity.STARTTLS).build());

    // when
    NotificationException e = catchThrowableOfType(NotificationException.class, () -> notifier.send(note("x")));

    // then
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.getMessage()).contains("SMTP server 127.0.0.1:" + smtpPort() + " does not offer STARTTLS")
        .contains("nothing was sent");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void startTlsIfOfferedSendsInClearTextWhenTheServerDoesNotOfferIt() {
    // given
    SmtpNotifier notifier = SmtpNotifier.create(plainWithLogin().security(SmtpSecurity.STARTTLS_IF_OFFERED).build());

    // when
    notifier.send(note("Opportunistic"));

    // then
    assertThat(greenMail.waitForIncomingEmail(WAIT_MS, 1)).isTrue();
  }

  @Test
  void sendsWithoutALoginWhenNoUsernameIsConfigured() {
    // given
    SmtpNotifier notifier = SmtpNotifier.create(SmtpSettings.builder().host("127.0.0.1").port(smtpPort())
        .security(SmtpSecurity.NONE).from(FROM).to("trader@aitrader.test").build());

    // when
    notifier.send(note("No login"));

    // then
    assertThat(greenMail.waitForIncomingEmail(WAIT_MS, 1)).isTrue();
  }

  @Test
  void aServerThatIsDownIsRetryable() throws IOException {
    // given a port nothing listens on
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    SmtpNotifier notifier = SmtpNotifier.create(plainWithLogin().port(closedPort).build());

    // when
    NotificationException e = catchThrowableOfType(NotificationException.class, () -> notifier.send(note("x")));

    // then
    assertThat(e.isRetryable()).isTrue();
    assertThat(e.getMessage()).contains("could not reach SMTP server 127.0.0.1:" + closedPort)
        .containsIgnoringCase("connection refused");
    assertThat(everythingPrinted(e)).doesNotContain(PASSWORD);
  }

  @Test
  void isTheEmailChannel() {
    assertThat(SmtpNotifier.create(plainWithLogin().build()).name()).isEqualTo("email");
  }

  private SmtpSettings.Builder plainWithLogin() {
    return SmtpSettings.builder().host("127.0.0.1").port(smtpPort()).security(SmtpSecurity.NONE)
        .username(USER).password(Secret.of("SMTP_PASSWORD", PASSWORD))
        .from(FROM).to("trader@aitrader.test").timeouts(Duration.ofSeconds(5));
  }

  private SmtpSettings.Builder smtps() {
    return plainWithLogin().security(SmtpSecurity.SMTPS).port(smtpsPort());
  }

  private int smtpPort() {
    return greenMail.getSmtp().getPort();
  }

  private int smtpsPort() {
    return greenMail.getSmtps().getPort();
  }

  private static Notification note(String title) {
    return Notification.of(Severity.INFO, title, "details", AT);
  }

  private String messageId(MimeMessage m) {
    try {
      return m.getMessageID();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What printing {@code e} can show: the toString and message of it, every cause and every suppressed one. */
  static String everythingPrinted(Throwable e) {
    StringBuilder sb = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      sb.append(t).append('\n').append(t.getMessage()).append('\n');
      for (Throwable s : t.getSuppressed()) {
        sb.append(everythingPrinted(s));
      }
    }
    return sb.toString();
  }
}
