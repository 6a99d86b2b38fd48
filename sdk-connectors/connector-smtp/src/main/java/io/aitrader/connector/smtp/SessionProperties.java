package io.aitrader.connector.smtp;

import java.util.Properties;
import java.util.TreeSet;

/** The Angus Mail session properties ({@code mail.smtp.*}) for some {@link SmtpSettings}. Stateless. */
final class SessionProperties {
  static final String PROTOCOL = "smtp";
  private static final String P = "mail." + PROTOCOL + ".";

  private SessionProperties() {}

  /** The properties for {@code s}; {@code envelopeFrom} is the bare sender address ({@code MAIL FROM}). */
  static Properties of(SmtpSettings s, String envelopeFrom) {
    Properties p = new Properties();
    p.setProperty("mail.transport.protocol", PROTOCOL);
    p.setProperty(P + "host", s.host());
    p.setProperty(P + "port", Integer.toString(s.port()));
    p.setProperty(P + "from", envelopeFrom);
    p.setProperty(P + "connectiontimeout", Long.toString(s.connectTimeout().toMillis()));
    p.setProperty(P + "timeout", Long.toString(s.readTimeout().toMillis()));
    p.setProperty(P + "writetimeout", Long.toString(s.writeTimeout().toMillis()));
    p.setProperty(P + "auth", Boolean.toString(s.username().isPresent()));
    p.setProperty(P + "ssl.enable", Boolean.toString(s.security() == SmtpSecurity.SMTPS));
    boolean startTls = s.security() == SmtpSecurity.STARTTLS || s.security() == SmtpSecurity.STARTTLS_IF_OFFERED;
    p.setProperty(P + "starttls.enable", Boolean.toString(startTls));
    p.setProperty(P + "starttls.required", Boolean.toString(s.security() == SmtpSecurity.STARTTLS));
    if (s.trustAllCertificates()) {
      p.setProperty(P + "ssl.trust", "*");
      p.setProperty(P + "ssl.checkserveridentity", "false");
    } else {
      if (!s.trustedHosts().isEmpty()) {
        p.setProperty(P + "ssl.trust", String.join(" ", new TreeSet<>(s.trustedHosts())));
      }
      p.setProperty(P + "ssl.checkserveridentity", "true");
    }
    return p;
  }
}
