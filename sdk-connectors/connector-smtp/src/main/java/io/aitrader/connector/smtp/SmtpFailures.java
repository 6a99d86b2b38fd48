package io.aitrader.connector.smtp;

import io.aitrader.api.notify.NotificationException;
import io.aitrader.api.Secret;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.jspecify.annotations.Nullable;

/**
 * Turns what Angus Mail throws into a {@link NotificationException} that says what happened and whether to retry:
 * a refused login, a required STARTTLS the server lacks, a failed TLS handshake and a 5xx reply are permanent; a 4xx
 * reply, a refused connection, a timeout and other I/O errors are worth retrying. Every message is redacted of the
 * password. Immutable and thread-safe.
 */
final class SmtpFailures {
  private static final String STARTTLS_MISSING = "STARTTLS is required";

  private final SmtpSettings settings;
  private final String server;

  SmtpFailures(SmtpSettings settings) {
    this.settings = settings;
    this.server = "SMTP server " + settings.host() + ":" + settings.port();
  }

  /**
   * The failure for {@code e}; {@code lastCode} and {@code lastResponse} are the transport's last reply ({@code -1}
   * and empty when there was none), used when the exception itself carries no reply code.
   */
  NotificationException translate(MessagingException e, int lastCode, String lastResponse) {
    if (e instanceof AuthenticationFailedException) {
      return login(e, lastCode);
    }
    if (settings.security() == SmtpSecurity.STARTTLS && mentions(e, STARTTLS_MISSING)) {
      return fail(false, server + " does not offer STARTTLS, which security STARTTLS requires; nothing was sent. "
          + "Use SMTPS if the server supports it (usually port 465); accept clear text (STARTTLS_IF_OFFERED or NONE) "
          + "only for a relay on a trusted network", e);
    }
    if (find(e, SSLHandshakeException.class) != null || find(e, CertificateException.class) != null) {
      return fail(false, "the TLS handshake with " + server + " failed (" + detail(e) + "); check SMTP_SECURITY "
          + "and SMTP_PORT, and for a server with a self-signed certificate add its host to the trusted hosts", e);
    }
    MessagingException reply = smtpReply(e);
    int code = reply == null ? lastCode : returnCode(reply);
    String response = reply == null ? lastResponse : oneLine(reply.getMessage());
    if (code >= 500 && code < 600) {
      return fail(false, permanent(reply, response), e);
    }
    if (code >= 400 && code < 500) {
      return fail(true, server + " temporarily refused (" + response + "); retry later", e);
    }
    if (find(e, SocketTimeoutException.class) != null) {
      return fail(true, server + " did not answer in time (connect timeout " + settings.connectTimeout().toMillis()
          + " ms, read timeout " + settings.readTimeout().toMillis() + " ms): " + detail(e), e);
    }
    if (find(e, IOException.class) != null) {
      return fail(true, "could not reach " + server + " (" + detail(e) + "); is it running and reachable?", e);
    }
    return fail(true, "sending e-mail through " + server + " failed: " + detail(e), e);
  }

  private NotificationException login(MessagingException e, int lastCode) {
    String user = settings.username().orElse("(no username)");
    if (lastCode >= 400 && lastCode < 500) {
      return fail(true, server + " could not check the login for " + user + " just now (" + detail(e)
          + "); try again later", e);
    }
    return fail(false, server + " refused the login for " + user + "; check SMTP_USERNAME/SMTP_PASSWORD ("
        + detail(e) + ")", e);
  }

  private String permanent(@Nullable MessagingException reply, String response) {
    if (reply instanceof SMTPAddressFailedException a) {
      return server + " rejected the recipient " + a.getAddress() + " (" + response + "); nothing was sent, check "
          + "SMTP_TO";
    }
    if (reply instanceof SMTPSenderFailedException a) {
      return server + " rejected the sender " + a.getAddress() + " (" + response + "); check SMTP_FROM (many "
          + "servers accept only the login's own address)";
    }
    return server + " rejected the message permanently (" + response + ")";
  }

  /** The innermost exception in the chain that carries an SMTP reply code, or null. */
  private static @Nullable MessagingException smtpReply(MessagingException e) {
    MessagingException found = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SMTPAddressFailedException || t instanceof SMTPSenderFailedException
          || t instanceof SMTPSendFailedException) {
        found = (MessagingException) t;
      }
    }
    return found;
  }

  private static int returnCode(MessagingException reply) {
    if (reply instanceof SMTPAddressFailedException a) {
      return a.getReturnCode();
    }
    if (reply instanceof SMTPSenderFailedException s) {
      return s.getReturnCode();
    }
    return ((SMTPSendFailedException) reply).getReturnCode();
  }

  private static <T extends Throwable> @Nullable T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static boolean mentions(Throwable e, String text) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage();
      if (m != null && m.contains(text)) {
        return true;
      }
    }
    return false;
  }

  /** The exception's message and, when different, its root cause's: {@code Couldn't connect…: Connection refused}. */
  private static String detail(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    String top = String.valueOf(e.getMessage());
    if (root == e) {
      return oneLine(top);
    }
    String rootText = root.getClass().getSimpleName() + ": " + root.getMessage();
    return oneLine(top.contains(String.valueOf(root.getMessage())) ? top : top + ": " + rootText);
  }

  private static String oneLine(@Nullable String text) {
    return text == null ? "" : text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }

  private NotificationException fail(boolean retryable, String message, Throwable cause) {
    String safe = message;
    if (settings.password().isPresent()) {
      Secret password = settings.password().get();
      safe = password.redact(message);
    }
    return new NotificationException(safe, retryable, cause);
  }
}
