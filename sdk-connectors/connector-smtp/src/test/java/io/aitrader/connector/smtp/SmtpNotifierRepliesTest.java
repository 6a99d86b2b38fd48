package io.aitrader.connector.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.aitrader.api.notify.Notification;
import io.aitrader.api.notify.NotificationException;
import io.aitrader.api.notify.Severity;
import io.aitrader.api.Secret;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The notifier against a scripted SMTP peer on 127.0.0.1: the server replies GreenMail cannot give (4xx, 5xx,
 * silence) and STARTTLS end to end.
 */
class SmtpNotifierRepliesTest {
  private static final String PASSWORD = "Scr1pted-s3cret";
  private static final long AT = 1_736_912_730_000L;

  @Test
  void anUnknownRecipientIsPermanentAndNothingIsSent() throws Exception {
    try (ScriptedSmtpPeer peer = ScriptedSmtpPeer.builder()
        .reply("RCPT", "550 5.1.1 <nobody@aitrader.test>: Recipient address rejected: User unknown").start()) {
      // when
      NotificationException e = sendExpectingFailure(settings(peer).to("nobody@aitrader.test").build());

      // then
      assertThat(e.isRetryable()).isFalse();
      assertThat(e.getMessage()).contains("SMTP server 127.0.0.1:" + peer.port()
          + " rejected the recipient nobody@aitrader.test (550 5.1.1").contains("check SMTP_TO");
      assertThat(peer.commands()).noneMatch(c -> c.startsWith("DATA"));
      assertThat(peer.messages()).isEmpty();
    }
  }

  @Test
  void aSenderDeferredWith4xxIsRetryable() throws Exception {
    try (ScriptedSmtpPeer peer = ScriptedSmtpPeer.builder()
        .reply("MAIL", "451 4.3.0 Temporary local problem, try again later").start()) {
      // when
      NotificationException e = sendExpectingFailure(settings(peer).build());

      // then
      assertThat(e.isRetryable()).isTrue();
      assertThat(e.getMessage()).contains("temporarily refused (451 4.3.0 Temporary local problem");
    }
  }

  @Test
  void aMessageRejectedAfterItsDataWith5xxIsPermanent() throws Exception {
    try (ScriptedSmtpPeer peer = ScriptedSmtpPeer.builder()
        .reply(ScriptedSmtpPeer.END_OF_DATA, "554 5.7.1 Message rejected as spam").start()) {
      // when
      NotificationException e = sendExpectingFailure(settings(peer).build());

      // then
      assertThat(e.isRetryable()).isFalse();
      assertThat(e.getMessage()).contains("rejected the message permanently (554 5.7.1 Message rejected as spam)");
    }
  }

  @Test
  void aServerThatIsBusyAtTheGreetingIsRetryable() throws Exception {
    try (ScriptedSmtpPeer peer = ScriptedSmtpPeer.builder()
        .greeting("421 4.3.2 Service not available, closing transmission channel").start()) {
      // when
      NotificationException e = sendExpectingFailure(settings(peer).build());

      // then
      assertThat(e.isRetryable()).isTrue();
      assertThat(e.getMessage()).contains("421 4.3.2");
    }
  }

  @Test
  void aTemporaryLoginFailureIsRetryable() throws Exception {
    try (ScriptedSmtpPeer peer = ScriptedSmtpPeer.builder()
        .reply("AUTH", "454 4.7.0 Temporary authentication failure").start()) {
      // when
      NotificationException e = sendExpectingFailure(settings(peer).build());

      // then
      assertThat(e.isRetryable()).isTrue();
      assertThat(e.getMessage()).contains("could not check the login for alerts just now");
      assertThat(SmtpNotifierGreenMailTest.everythingPrinted(e)).doesNotContain(PASSWORD);
    }
  }

  @Test
  void aServerThatNeverAnswersTimesOutAndIsRetryable() throws Exception {
    try (ScriptedSmtpPeer peer = ScriptedSmtpPeer.builder().silent().start()) {
      // when
      NotificationException e = sendExpectingFailure(settings(peer).readTimeout(Duration.ofMillis(300)).build());

      // then
      assertThat(e.isRetryable()).isTrue();
      assertThat(e.getMessage()).contains("SMTP server 127.0.0.1:" + peer.port() + " did not answer in time")
          .contains("read timeout 300 ms");
    }
  }

  @Test
  void requiredStartTlsUpgradesBeforeLoggingInAndSending() throws Exception {
    try (ScriptedSmtpPeer peer = ScriptedSmtpPeer.builder().offerStartTls().start()) {
      // given
      SmtpNotifier notifier = SmtpNotifier.create(settings(peer).security(SmtpSecurity.STARTTLS)
          .trustAllCertificates(true).build());

      // when
      notifier.send(Notification.of(Severity.CRITICAL, "Loss limit hit", "Day loss ₹25,000 reached", AT));

      // then
      assertThat(peer.messages()).hasSize(1);
      assertThat(peer.messages().get(0)).contains("X-Aitrader-Severity: CRITICAL");
      List<String> commands = peer.commands();
      int startTls = commands.indexOf("STARTTLS");
      assertThat(startTls).isPositive();
      assertThat(commands.subList(0, startTls)).allMatch(c -> c.startsWith("EHLO"));
      assertThat(commands.subList(startTls + 1, commands.size())).allMatch(c -> c.startsWith("[tls] "))
          .anyMatch(c -> c.startsWith("[tls] AUTH")).anyMatch(c -> c.startsWith("[tls] MAIL FROM:<alerts@aitrader.test>"));
    }
  }

  @Test
  void requiredStartTlsNeitherLogsInNorSendsWhenNotOffered() throws Exception {
    try (ScriptedSmtpPeer peer = ScriptedSmtpPeer.builder().start()) {
      // when
      NotificationException e = sendExpectingFailure(settings(peer).security(SmtpSecurity.STARTTLS).build());

      // then
      assertThat(e.isRetryable()).isFalse();
      assertThat(e.getMessage()).contains("does not offer STARTTLS");
      assertThat(peer.commands()).isNotEmpty().allMatch(c -> c.startsWith("EHLO") || c.startsWith("QUIT"));
    }
  }

  @Test
  void startTlsIfOfferedUpgradesWhenTheServerOffersIt() throws Exception {
    try (ScriptedSmtpPeer peer = ScriptedSmtpPeer.builder().offerStartTls().start()) {
      // given
      SmtpNotifier notifier = SmtpNotifier.create(settings(peer).security(SmtpSecurity.STARTTLS_IF_OFFERED)
          .trustAllCertificates(true).build());

      // when
      notifier.send(Notification.of(Severity.INFO, "Daily summary", "", AT));

      // then
      assertThat(peer.messages()).hasSize(1);
      assertThat(peer.commands()).contains("STARTTLS").anyMatch(c -> c.startsWith("[tls] MAIL FROM:"));
    }
  }

  private static SmtpSettings.Builder settings(ScriptedSmtpPeer peer) {
    return SmtpSettings.builder().host("127.0.0.1").port(peer.port()).security(SmtpSecurity.NONE)
        .username("alerts").password(Secret.of("SMTP_PASSWORD", PASSWORD))
        .from("alerts@aitrader.test").to("trader@aitrader.test").timeouts(Duration.ofSeconds(5));
  }

  private static NotificationException sendExpectingFailure(SmtpSettings settings) {
    SmtpNotifier notifier = SmtpNotifier.create(settings);
    NotificationException e = catchThrowableOfType(NotificationException.class,
        () -> notifier.send(Notification.of(Severity.WARNING, "Order rejected", "insufficient margin", AT)));
    assertThat(e).as("the send should have failed").isNotNull();
    return e;
  }
}
