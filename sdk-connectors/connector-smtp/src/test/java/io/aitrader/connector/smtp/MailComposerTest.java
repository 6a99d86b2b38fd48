package io.aitrader.connector.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.notify.Notification;
import io.aitrader.api.notify.Severity;
import io.aitrader.api.time.Ist;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class MailComposerTest {
  private static final long AT = Ist.toEpochMillis(LocalDate.of(2025, 3, 31), LocalTime.of(15, 29, 59));

  @Test
  void subjectIsPrefixSeverityAndTitleOnOneLine() {
    Notification n = Notification.of(Severity.CRITICAL, "Audit chain broken\r\nBcc: evil@example.com", "", AT);

    assertThat(MailComposer.subject("[aitrader]", n))
        .isEqualTo("[aitrader] CRITICAL Audit chain broken  Bcc: evil@example.com");
    assertThat(MailComposer.subject("", n)).startsWith("CRITICAL Audit chain broken");
  }

  @Test
  void footerGivesSeverityAndTimeInIst() {
    Notification n = Notification.of(Severity.WARNING, "Feed reconnecting", "NATS disconnected", AT);

    assertThat(MailComposer.text(n)).isEqualTo("""
        NATS disconnected

        --\s
        Severity: WARNING
        Time: 2025-03-31 15:29:59 IST
        Sent by Indian AI Trader
        """);
  }

  @Test
  void anEmptyBodyIsJustTheFooter() {
    assertThat(MailComposer.text(Notification.of(Severity.INFO, "Strategy started", "", AT))).startsWith("-- \n");
  }

  @Test
  void messageIdDependsOnTheDedupKeyAndTheTimeOnly() {
    Notification a = new Notification(Severity.INFO, "A", "one body", AT, "key-1");
    Notification sameAlertOtherWords = new Notification(Severity.WARNING, "B", "other body", AT, "key-1");
    Notification otherKey = new Notification(Severity.INFO, "A", "one body", AT, "key-2");

    assertThat(MailComposer.messageId(a, "aitrader.test")).isEqualTo(MailComposer.messageId(sameAlertOtherWords, "aitrader.test"))
        .isNotEqualTo(MailComposer.messageId(otherKey, "aitrader.test"))
        .endsWith("." + AT + ".aitrader@aitrader.test>");
  }
}
