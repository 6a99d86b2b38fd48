package io.aitrader.connector.smtp;

/**
 * How the connection to the SMTP server is protected. Configured as {@code SMTP_SECURITY}.
 *
 * <p>Use {@link #STARTTLS} (port 587) or {@link #SMTPS} (port 465) for any server across a network; {@link #NONE} and
 * {@link #STARTTLS_IF_OFFERED} only for a relay on the same host or a trusted network, since both let the password
 * and the message cross the wire in clear text.
 */
public enum SmtpSecurity {
  /** Plain SMTP, no TLS at all. Default port 25. */
  NONE(25),
  /**
   * Plain SMTP upgraded with {@code STARTTLS} before logging in; if the server does not offer STARTTLS the notifier
   * refuses to log in or send anything. Default port 587.
   */
  STARTTLS(587),
  /**
   * Upgrade with {@code STARTTLS} when the server offers it, otherwise carry on in clear text (opportunistic TLS,
   * open to a downgrade by anyone on the path). Default port 587.
   */
  STARTTLS_IF_OFFERED(587),
  /** Implicit TLS: the connection is TLS from its first byte ("SMTPS", "SSL"). Default port 465. */
  SMTPS(465);

  private final int defaultPort;

  SmtpSecurity(int defaultPort) {
    this.defaultPort = defaultPort;
  }

  /** The port servers conventionally listen on for this mode: 25, 587 or 465. */
  public int defaultPort() {
    return defaultPort;
  }
}
