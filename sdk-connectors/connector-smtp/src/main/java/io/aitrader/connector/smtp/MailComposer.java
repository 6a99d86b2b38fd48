package io.aitrader.connector.smtp;

import io.aitrader.api.notify.Notification;
import io.aitrader.api.time.Ist;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Turns a {@link Notification} into a MIME message: subject {@code <prefix> <SEVERITY> <title>}, a UTF-8
 * {@code text/plain} body ending in a footer with the severity and the time in IST, a {@code Message-ID} derived from
 * the de-duplication key and the timestamp (the same notification sent twice carries the same id, so a mail client or
 * a reader recognises a redelivery), an {@code X-Aitrader-Severity} header, and the notification's time as its
 * {@code Date}. Immutable and thread-safe.
 */
final class MailComposer {
  /** The header carrying the severity, for mail filters. */
  static final String SEVERITY_HEADER = "X-Aitrader-Severity";

  private static final DateTimeFormatter FOOTER_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
  private static final String UTF_8 = "UTF-8";

  private final Session session;
  private final InternetAddress from;
  private final InternetAddress[] to;
  private final String subjectPrefix;
  private final String idDomain;

  MailComposer(Session session, InternetAddress from, InternetAddress[] to, String subjectPrefix) {
    this.session = session;
    this.from = from;
    this.to = to.clone();
    this.subjectPrefix = subjectPrefix;
    String address = from.getAddress();
    this.idDomain = address.substring(address.lastIndexOf('@') + 1);
  }

  MimeMessage compose(Notification n) throws MessagingException {
    MimeMessage m = new FixedIdMessage(session, messageId(n, idDomain));
    m.setFrom(from);
    m.setRecipients(Message.RecipientType.TO, to);
    m.setSubject(subject(subjectPrefix, n), UTF_8);
    m.setSentDate(new Date(n.timestampMillis()));
    m.setHeader(SEVERITY_HEADER, n.severity().name());
    m.setText(text(n), UTF_8);
    m.saveChanges();
    return m;
  }

  /** {@code [aitrader] WARNING Order rejected}: line breaks and control characters in the title become spaces. */
  static String subject(String prefix, Notification n) {
    StringBuilder sb = new StringBuilder(prefix.length() + n.title().length() + 12);
    if (!prefix.isEmpty()) {
      sb.append(prefix).append(' ');
    }
    sb.append(n.severity().name()).append(' ');
    String title = n.title();
    for (int i = 0; i < title.length(); i++) {
      char c = title.charAt(i);
      sb.append(Character.isISOControl(c) ? ' ' : c);
    }
    return sb.toString();
  }

  /** The body, a blank line, then the footer: {@code -- }, the severity and the time in IST. */
  static String text(Notification n) {
    StringBuilder sb = new StringBuilder(n.body().length() + 96);
    if (!n.body().isEmpty()) {
      sb.append(n.body());
      if (!n.body().endsWith("\n")) {
        sb.append('\n');
      }
      sb.append('\n');
    }
    sb.append("-- \n");
    sb.append("Severity: ").append(n.severity().name()).append('\n');
    sb.append("Time: ").append(FOOTER_TIME.format(Ist.at(n.timestampMillis()))).append(" IST\n");
    sb.append("Sent by Indian AI Trader\n");
    return sb.toString();
  }

  /**
   * {@code <k.t.aitrader@domain>} with {@code k} the first 128 bits of SHA-256 of the de-duplication key in hex and
   * {@code t} the timestamp in epoch milliseconds: stable across redeliveries, different for a later occurrence.
   */
  static String messageId(Notification n, String domain) {
    byte[] digest = sha256().digest(n.dedupKey().getBytes(StandardCharsets.UTF_8));
    String key = HexFormat.of().formatHex(digest, 0, 16);
    return "<" + key + "." + n.timestampMillis() + ".aitrader@" + domain + ">";
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }

  /** A message whose {@code Message-ID} is given rather than generated when the message is saved. */
  private static final class FixedIdMessage extends MimeMessage {
    private final String messageId;

    FixedIdMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
