package io.aitrader.connector.smtp;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.ConfigurationException;
import io.aitrader.api.ValidationException;
import io.aitrader.api.Secret;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Where and how {@link SmtpNotifier} sends e-mail: the server, its security mode, the login, the sender and the
 * recipients. Immutable and thread-safe; build with {@link #builder()} or read from the environment with
 * {@link #fromEnvironment(Map)}.
 *
 * <pre>{@code
 * SmtpSettings settings = SmtpSettings.builder()
 *     .host("smtp.example.com").security(SmtpSecurity.STARTTLS)          // port 587 by default
 *     .username("alerts@example.com").password(Secret.of("SMTP_PASSWORD", System.getenv("SMTP_PASSWORD")))
 *     .from("AI Trader <alerts@example.com>")
 *     .to("me@example.com", "desk@example.com")
 *     .build();
 * }</pre>
 *
 * <p>Rules (each failure is a {@link ValidationException} naming the field and the bad value): host non-blank
 * without spaces; port 1–65535; username and password both present or both absent; from and every recipient a
 * single valid address with a domain ({@code name@host}, optionally {@code Name <name@host>}); at least one
 * recipient; subject prefix one line of at most {@value #MAX_PREFIX} characters; timeouts positive and at most
 * {@code Integer.MAX_VALUE} ms; trusted hosts non-blank. {@link #toString()} shows the password only as its name.
 *
 * @param host                 the SMTP server's host name or address
 * @param port                 its port
 * @param security             plain, STARTTLS (required or opportunistic) or implicit TLS
 * @param username             the login, if the server needs one
 * @param password             the login's password; present exactly when {@code username} is
 * @param from                 the sender address ({@code From:} and the envelope sender)
 * @param to                   the recipients, at least one
 * @param subjectPrefix        put before every subject, e.g. {@code [aitrader]}; may be empty
 * @param connectTimeout       how long to wait for the TCP connection
 * @param readTimeout          how long to wait for each reply of the server
 * @param writeTimeout         how long a write to the server may block
 * @param trustedHosts         hosts whose certificate is accepted without a certificate authority (a self-signed
 *                             certificate); the name in the certificate is still checked against the host
 * @param trustAllCertificates for tests only: accept any certificate from any host and skip the name check
 */
public record SmtpSettings(
    String host,
    int port,
    SmtpSecurity security,
    Optional<String> username,
    Optional<Secret> password,
    String from,
    List<String> to,
    String subjectPrefix,
    Duration connectTimeout,
    Duration readTimeout,
    Duration writeTimeout,
    Set<String> trustedHosts,
    boolean trustAllCertificates) {

  /** The subject prefix unless one is given. */
  public static final String DEFAULT_SUBJECT_PREFIX = "[aitrader]";
  /** Each timeout unless one is given. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  /** The longest subject prefix accepted. */
  public static final int MAX_PREFIX = 50;

  /** Validates every component; see the type's rules. */
  public SmtpSettings {
    host = checkHost("SmtpSettings.host", host);
    checkPort("SmtpSettings.port", port);
    required(security, "SmtpSettings.security");
    required(username, "SmtpSettings.username");
    required(password, "SmtpSettings.password");
    username.ifPresent(u -> check(!u.isBlank(), "SmtpSettings.username", "must not be blank when present", "'" + u + "'"));
    check(password.isEmpty() || username.isPresent(), "SmtpSettings.username",
        "is required when a password is given (" + password.map(Secret::toString).orElse("") + ")", "absent");
    check(username.isEmpty() || password.isPresent(), "SmtpSettings.password",
        "is required when a username is given (" + username.orElse("") + ")", "absent");
    from = Addresses.check("SmtpSettings.from", from);
    required(to, "SmtpSettings.to");
    check(!to.isEmpty(), "SmtpSettings.to", "must name at least one recipient", to);
    List<String> recipients = new ArrayList<>(to.size());
    for (int i = 0; i < to.size(); i++) {
      recipients.add(Addresses.check("SmtpSettings.to[" + i + "]", to.get(i)));
    }
    to = List.copyOf(recipients);
    required(subjectPrefix, "SmtpSettings.subjectPrefix");
    check(subjectPrefix.length() <= MAX_PREFIX, "SmtpSettings.subjectPrefix",
        "must be at most " + MAX_PREFIX + " characters", "'" + subjectPrefix + "'");
    check(subjectPrefix.chars().noneMatch(Character::isISOControl), "SmtpSettings.subjectPrefix",
        "must be one line without control characters", "'" + subjectPrefix + "'");
    checkTimeout("SmtpSettings.connectTimeout", connectTimeout);
    checkTimeout("SmtpSettings.readTimeout", readTimeout);
    checkTimeout("SmtpSettings.writeTimeout", writeTimeout);
    required(trustedHosts, "SmtpSettings.trustedHosts");
    for (String h : trustedHosts) {
      checkHost("SmtpSettings.trustedHosts", h);
    }
    trustedHosts = Set.copyOf(trustedHosts);
  }

  /** A builder with the defaults: security STARTTLS, its port 587, prefix {@code [aitrader]}, 10 s timeouts. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these settings, to vary one of them. */
  public Builder toBuilder() {
    Builder b = new Builder()
        .host(host).port(port).security(security).from(from).to(to).subjectPrefix(subjectPrefix)
        .connectTimeout(connectTimeout).readTimeout(readTimeout).writeTimeout(writeTimeout)
        .trustedHosts(trustedHosts).trustAllCertificates(trustAllCertificates);
    username.ifPresent(b::username);
    password.ifPresent(b::password);
    return b;
  }

  /**
   * Settings from environment variables: {@code SMTP_HOST} (required), {@code SMTP_PORT} (default: the security
   * mode's port), {@code SMTP_SECURITY} ({@code NONE}, {@code STARTTLS} — the default —, {@code STARTTLS_IF_OFFERED}
   * or {@code SMTPS}), {@code SMTP_USERNAME} and {@code SMTP_PASSWORD} (both or neither), {@code SMTP_FROM}
   * (required) and {@code SMTP_TO} (required, comma-separated). Blank values count as absent.
   *
   * <pre>{@code
   * SmtpSettings settings = SmtpSettings.fromEnvironment(System.getenv());
   * }</pre>
   *
   * @throws ConfigurationException listing every missing or bad variable by name (never a password's value)
   */
  public static SmtpSettings fromEnvironment(Map<String, String> env) {
    EnvReader r = new EnvReader(env);
    Optional<String> host = r.required("SMTP_HOST", "the SMTP server's host name, e.g. smtp.gmail.com",
        v -> checkHost("SMTP_HOST", v.trim()));
    SmtpSecurity security = r.optional("SMTP_SECURITY", SmtpSettings::parseSecurity).orElse(SmtpSecurity.STARTTLS);
    Optional<Integer> port = r.optional("SMTP_PORT", SmtpSettings::parsePort);
    Optional<String> username = r.optional("SMTP_USERNAME", v -> v);
    Optional<Secret> password = r.optional("SMTP_PASSWORD", v -> Secret.of("SMTP_PASSWORD", v));
    if (username.isPresent() && password.isEmpty()) {
      r.problem("SMTP_PASSWORD is required when SMTP_USERNAME is set");
    }
    if (password.isPresent() && username.isEmpty()) {
      r.problem("SMTP_USERNAME is required when SMTP_PASSWORD is set");
    }
    Optional<String> from = r.required("SMTP_FROM", "the sender address, e.g. alerts@example.com",
        v -> Addresses.check("SMTP_FROM", v));
    Optional<List<String>> to = r.required("SMTP_TO", "the recipients, comma-separated", SmtpSettings::parseRecipients);
    r.throwIfAnyProblem();
    Builder b = builder().host(host.orElseThrow()).security(security).from(from.orElseThrow()).to(to.orElseThrow());
    port.ifPresent(b::port);
    username.ifPresent(b::username);
    password.ifPresent(b::password);
    try {
      return b.build();
    } catch (ValidationException e) {
      throw new ConfigurationException("the SMTP_* variables: " + e.getMessage(), e);
    }
  }

  private static String checkHost(String field, @Nullable String host) {
    ValidationException.requireText(host, field);
    check(host.chars().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)), field,
        "must be a host name or address without spaces", "'" + host + "'");
    return host;
  }

  private static void checkPort(String field, int port) {
    check(port >= 1 && port <= 65_535, field, "must be a port number in 1..65535", port);
  }

  private static void checkTimeout(String field, @Nullable Duration timeout) {
    required(timeout, field);
    check(!timeout.isNegative() && !timeout.isZero() && timeout.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) <= 0,
        field, "must be positive and at most " + Integer.MAX_VALUE + " ms", timeout);
  }

  private static SmtpSecurity parseSecurity(String value) {
    String v = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (SmtpSecurity s : SmtpSecurity.values()) {
      if (s.name().equals(v)) {
        return s;
      }
    }
    throw new ValidationException("SMTP_SECURITY",
        "SMTP_SECURITY must be one of NONE, STARTTLS, STARTTLS_IF_OFFERED, SMTPS, was '" + value + "'");
  }

  private static int parsePort(String value) {
    int port;
    try {
      port = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new ValidationException("SMTP_PORT", "SMTP_PORT must be a port number in 1..65535, was '" + value + "'");
    }
    checkPort("SMTP_PORT", port);
    return port;
  }

  private static List<String> parseRecipients(String value) {
    List<String> to = new ArrayList<>();
    String[] parts = value.split(",", -1);
    for (int i = 0; i < parts.length; i++) {
      if (!parts[i].isBlank()) {
        to.add(Addresses.check("SMTP_TO[" + to.size() + "]", parts[i]));
      }
    }
    check(!to.isEmpty(), "SMTP_TO", "must name at least one recipient", "'" + value + "'");
    return to;
  }

  /** Builds {@link SmtpSettings}. Not thread-safe; {@link #build()} validates. */
  public static final class Builder {
    private @Nullable String host;
    private @Nullable Integer port;
    private SmtpSecurity security = SmtpSecurity.STARTTLS;
    private @Nullable String username;
    private @Nullable Secret password;
    private @Nullable String from;
    private List<String> to = List.of();
    private String subjectPrefix = DEFAULT_SUBJECT_PREFIX;
    private Duration connectTimeout = DEFAULT_TIMEOUT;
    private Duration readTimeout = DEFAULT_TIMEOUT;
    private Duration writeTimeout = DEFAULT_TIMEOUT;
    private Set<String> trustedHosts = Set.of();
    private boolean trustAllCertificates;

    private Builder() {}

    /** The SMTP server's host name or address. Required. */
    public Builder host(String host) {
      this.host = host;
      return this;
    }

    /** The server's port; by default the security mode's ({@link SmtpSecurity#defaultPort()}). */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** How the connection is protected; default {@link SmtpSecurity#STARTTLS}. */
    public Builder security(SmtpSecurity security) {
      this.security = security;
      return this;
    }

    /** The login; give {@link #password(Secret)} too. */
    public Builder username(String username) {
      this.username = username;
      return this;
    }

    /** The login's password, e.g. {@code Secret.of("SMTP_PASSWORD", value)}. */
    public Builder password(Secret password) {
      this.password = password;
      return this;
    }

    /** The sender address, e.g. {@code alerts@example.com} or {@code AI Trader <alerts@example.com>}. Required. */
    public Builder from(String from) {
      this.from = from;
      return this;
    }

    /** The recipients (replacing any given before); at least one. */
    public Builder to(String... to) {
      this.to = List.of(to);
      return this;
    }

    /** The recipients (replacing any given before); at least one. */
    public Builder to(Collection<String> to) {
      this.to = List.copyOf(to);
      return this;
    }

    /** Put before every subject; default {@code [aitrader]}; empty for none. */
    public Builder subjectPrefix(String subjectPrefix) {
      this.subjectPrefix = subjectPrefix;
      return this;
    }

    /** How long to wait for the TCP connection (and the TLS handshake of SMTPS); default 10 s. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout;
      return this;
    }

    /** How long to wait for each reply of the server; default 10 s. */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = timeout;
      return this;
    }

    /** How long a write to the server may block; default 10 s. */
    public Builder writeTimeout(Duration timeout) {
      this.writeTimeout = timeout;
      return this;
    }

    /** Connect, read and write timeouts at once. */
    public Builder timeouts(Duration timeout) {
      return connectTimeout(timeout).readTimeout(timeout).writeTimeout(timeout);
    }

    /**
     * Hosts whose certificate is accepted without a certificate authority, e.g. a relay with a self-signed
     * certificate; the certificate must still name the host.
     */
    public Builder trustedHosts(Collection<String> hosts) {
      this.trustedHosts = Set.copyOf(hosts);
      return this;
    }

    /**
     * For tests only: accept any certificate from any host, without checking its name (a test server's self-signed
     * certificate). Never in production: anyone on the path could read the password.
     */
    public Builder trustAllCertificates(boolean trustAll) {
      this.trustAllCertificates = trustAll;
      return this;
    }

    /** Validates and builds; see {@link SmtpSettings} for the rules. */
    public SmtpSettings build() {
      SmtpSecurity s = required(security, "SmtpSettings.security");
      return new SmtpSettings(required(host, "SmtpSettings.host"), port == null ? s.defaultPort() : port, s,
          Optional.ofNullable(username), Optional.ofNullable(password), required(from, "SmtpSettings.from"), to,
          subjectPrefix, connectTimeout, readTimeout, writeTimeout, trustedHosts, trustAllCertificates);
    }
  }
}
