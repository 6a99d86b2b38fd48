package io.aitrader.groww.auth;

import io.aitrader.api.ConfigurationException;
import io.aitrader.api.Secret;
import io.aitrader.api.ValidationException;
import io.aitrader.core.notify.Secrets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * How the client authenticates with Groww: one of the three flows of Groww's Trading API.
 *
 * <ul>
 *   <li>{@link AccessToken}: a token generated in the Groww web UI; it expires daily at 06:00 IST and cannot be
 *       re-minted by the client;</li>
 *   <li>{@link ApiKeyTotp}: an API key and the TOTP secret shown with it; the client mints tokens itself;</li>
 *   <li>{@link ApiKeySecret}: an API key and its secret (the key must be approved once a day on Groww's API keys
 *       page); the client mints tokens itself.</li>
 * </ul>
 *
 * <pre>{@code
 * GrowwCredentials creds = GrowwCredentials.fromEnvironment(Optional.of(Path.of("/etc/aitrader/groww.properties")));
 * // GROWW_API_KEY + GROWW_TOTP_SECRET, or GROWW_API_KEY + GROWW_API_SECRET, or GROWW_ACCESS_TOKEN
 * }</pre>
 *
 * <p>Every value is a {@link Secret}: {@code toString()} shows only the variable names. Immutable and thread-safe.
 */
public sealed interface GrowwCredentials
    permits GrowwCredentials.AccessToken, GrowwCredentials.ApiKeyTotp, GrowwCredentials.ApiKeySecret {

  /** Environment variable (or secrets-file entry) of a pre-generated access token. */
  String ACCESS_TOKEN = "GROWW_ACCESS_TOKEN";
  /** Environment variable of the API key. */
  String API_KEY = "GROWW_API_KEY";
  /** Environment variable of the TOTP secret (base32) that goes with the API key. */
  String TOTP_SECRET = "GROWW_TOTP_SECRET";
  /** Environment variable of the API secret that goes with the API key. */
  String API_SECRET = "GROWW_API_SECRET";

  /** Whether the client can mint a new access token itself (the API-key flows). */
  boolean canMint();

  /** What to check when Groww rejects these credentials, naming the variables (never their values). */
  String whatToCheck();

  /** A pre-generated access token (Groww web UI, Trading APIs page); valid until the next 06:00 IST. */
  record AccessToken(Secret token) implements GrowwCredentials {
    public AccessToken {
      ValidationException.required(token, "GrowwCredentials.token");
    }

    @Override
    public boolean canMint() {
      return false;
    }

    @Override
    public String whatToCheck() {
      return "check " + ACCESS_TOKEN + ": pre-generated tokens expire daily at 06:00 IST, so generate a new one on "
          + "Groww's Trading APIs page, or set " + API_KEY + " with " + TOTP_SECRET + " (or " + API_SECRET
          + ") so the client mints tokens itself";
    }
  }

  /** An API key with its TOTP secret (base32): the client mints tokens with RFC 6238 codes. */
  record ApiKeyTotp(Secret apiKey, Secret totpSecret) implements GrowwCredentials {
    public ApiKeyTotp {
      ValidationException.required(apiKey, "GrowwCredentials.apiKey");
      ValidationException.required(totpSecret, "GrowwCredentials.totpSecret");
    }

    @Override
    public boolean canMint() {
      return true;
    }

    @Override
    public String whatToCheck() {
      return "check " + API_KEY + " and " + TOTP_SECRET + " (the TOTP secret shown with that key on Groww's API keys "
          + "page) and that this machine's clock is correct to within a few seconds";
    }
  }

  /** An API key with its secret: the client mints tokens with a SHA-256 checksum (key approved daily on Groww). */
  record ApiKeySecret(Secret apiKey, Secret apiSecret) implements GrowwCredentials {
    public ApiKeySecret {
      ValidationException.required(apiKey, "GrowwCredentials.apiKey");
      ValidationException.required(apiSecret, "GrowwCredentials.apiSecret");
    }

    @Override
    public boolean canMint() {
      return true;
    }

    @Override
    public String whatToCheck() {
      return "check " + API_KEY + " and " + API_SECRET + ", and approve the key for today on Groww's API keys page";
    }
  }

  /** Credentials from this process's environment variables. */
  static GrowwCredentials fromEnvironment() {
    return from(Secrets.fromEnvironment());
  }

  /** Credentials from this process's environment variables, then a secrets file of {@code NAME=value} lines. */
  static GrowwCredentials fromEnvironment(Optional<Path> secretsFile) {
    return from(Secrets.fromEnvironment(secretsFile));
  }

  /** Credentials from a map standing in for the environment (tests), then an optional secrets file. */
  static GrowwCredentials from(Map<String, String> environment, Optional<Path> secretsFile) {
    return from(Secrets.from(environment, secretsFile));
  }

  /**
   * Credentials from {@code secrets}: an API key with exactly one of a TOTP secret or an API secret wins (the
   * client can then re-mint tokens); otherwise a pre-generated access token.
   *
   * @throws ConfigurationException saying which variables to set when no flow is complete, or when both a TOTP
   *     secret and an API secret are set
   */
  static GrowwCredentials from(Secrets secrets) {
    ValidationException.required(secrets, "GrowwCredentials.secrets");
    Optional<Secret> apiKey = secrets.find(API_KEY);
    Optional<Secret> totp = secrets.find(TOTP_SECRET);
    Optional<Secret> apiSecret = secrets.find(API_SECRET);
    Optional<Secret> token = secrets.find(ACCESS_TOKEN);
    if (totp.isPresent() && apiSecret.isPresent()) {
      throw new ConfigurationException("both " + TOTP_SECRET + " and " + API_SECRET + " are set: set only one of "
          + "them (with " + API_KEY + ") to choose the Groww login flow");
    }
    if (apiKey.isPresent() && totp.isPresent()) {
      return new ApiKeyTotp(apiKey.get(), totp.get());
    }
    if (apiKey.isPresent() && apiSecret.isPresent()) {
      return new ApiKeySecret(apiKey.get(), apiSecret.get());
    }
    if (token.isPresent()) {
      return new AccessToken(token.get());
    }
    if (apiKey.isPresent()) {
      throw new ConfigurationException(API_KEY + " is set without " + TOTP_SECRET + " or " + API_SECRET
          + ": set one of them, or set " + ACCESS_TOKEN + " instead");
    }
    throw new ConfigurationException("no Groww credentials: set " + ACCESS_TOKEN + ", or " + API_KEY + " with "
        + TOTP_SECRET + " or " + API_SECRET + " (environment variables or lines of the secrets file)");
  }
}
