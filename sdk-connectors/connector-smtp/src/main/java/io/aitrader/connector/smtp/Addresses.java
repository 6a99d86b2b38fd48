package io.aitrader.connector.smtp;

import static io.aitrader.api.ValidationException.requireText;

import io.aitrader.api.ValidationException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.jspecify.annotations.Nullable;

/** E-mail address checks shared by the settings and the notifier. Stateless. */
final class Addresses {
  private Addresses() {}

  /**
   * {@code value} trimmed when it is one valid address with a domain ({@code name@host} or {@code Name <name@host>}),
   * otherwise a {@link ValidationException} naming {@code field} and the value.
   */
  static String check(String field, @Nullable String value) {
    requireText(value, field);
    String v = value.trim();
    try {
      parse(v);
    } catch (AddressException e) {
      throw new ValidationException(field, field + " must be one e-mail address like alerts@example.com, was '" + value
          + "' (" + e.getMessage() + ")");
    }
    return v;
  }

  /** The one address in {@code value}; fails unless it is a single, strictly valid address with a domain. */
  static InternetAddress parse(String value) throws AddressException {
    InternetAddress[] parsed = InternetAddress.parse(value, true);
    if (parsed.length != 1) {
      throw new AddressException("expected one address, found " + parsed.length, value);
    }
    InternetAddress a = parsed[0];
    if (a.isGroup()) {
      throw new AddressException("a group is not an address", value);
    }
    a.validate();
    String address = a.getAddress();
    int at = address.lastIndexOf('@');
    if (at <= 0 || at == address.length() - 1) {
      throw new AddressException("no domain", value);
    }
    return a;
  }
}
