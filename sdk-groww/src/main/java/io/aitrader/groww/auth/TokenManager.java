package io.aitrader.groww.auth;

import io.aitrader.api.ValidationException;
import io.aitrader.api.time.Ist;
import io.aitrader.api.time.TimeSource;
import java.time.Duration;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a valid Groww access token. Tokens expire daily at 06:00 IST: with an API key the manager mints a new one
 * {@code refreshMargin} before that (a token minted inside the margin is used until it expires) and again when
 * Groww answers 401, so callers never notice. A pre-generated token is used as given; when it is rejected there is
 * nothing to re-mint and {@link #renewAfterRejection} returns empty.
 *
 * <pre>{@code
 * TokenManager tokens = new TokenManager(creds, minter, clock, Duration.ofMinutes(5));
 * BearerToken t = tokens.current();                       // mints on first use
 * // on HTTP 401 with t:
 * Optional<BearerToken> fresh = tokens.renewAfterRejection(t);
 * }</pre>
 *
 * <p>Thread-safe: one mint at a time; threads that saw the same rejected token share the one new token.
 */
public final class TokenManager {
  /** When Groww's access tokens expire each day, IST. */
  public static final LocalTime DAILY_EXPIRY = LocalTime.of(6, 0);

  private static final Logger LOG = LoggerFactory.getLogger(TokenManager.class);
  private static final long EXPIRY_MILLIS_OF_DAY = DAILY_EXPIRY.toSecondOfDay() * 1000L;

  private final GrowwCredentials credentials;
  private final TokenMinter minter;
  private final TimeSource clock;
  private final long marginMillis;
  private @Nullable BearerToken token;

  /**
   * @param credentials   the login flow
   * @param minter        sends mint requests (unused for a pre-generated token)
   * @param clock         the time for TOTP codes, checksums and expiry
   * @param refreshMargin how long before the daily expiry to mint the next token (0 to 1 hour)
   */
  public TokenManager(GrowwCredentials credentials, TokenMinter minter, TimeSource clock, Duration refreshMargin) {
    this.credentials = ValidationException.required(credentials, "TokenManager.credentials");
    this.minter = ValidationException.required(minter, "TokenManager.minter");
    this.clock = ValidationException.required(clock, "TokenManager.clock");
    ValidationException.required(refreshMargin, "TokenManager.refreshMargin");
    ValidationException.check(!refreshMargin.isNegative() && refreshMargin.compareTo(Duration.ofHours(1)) <= 0,
        "TokenManager.refreshMargin", "must be between 0 and 1 hour", refreshMargin);
    this.marginMillis = refreshMargin.toMillis();
  }

  /** The credentials this manager uses (their values never print). */
  public GrowwCredentials credentials() {
    return credentials;
  }

  /** A token to send now: the current one, or a newly minted one when there is none or it is (about to be) expired. */
  public synchronized BearerToken current() {
    long now = clock.currentTimeMillis();
    BearerToken t = token;
    if (t != null && !needsRenewal(t, now)) {
      return t;
    }
    if (credentials instanceof GrowwCredentials.AccessToken) {
      GrowwCredentials.AccessToken pre = (GrowwCredentials.AccessToken) credentials;
      // the creation time of a pre-generated token is unknown: it is used until Groww rejects it
      BearerToken given = new BearerToken(pre.token(), now, Long.MAX_VALUE);
      token = given;
      return given;
    }
    return mint(now);
  }

  /**
   * A new token after Groww rejected {@code rejected} with 401: minted once however many threads report the same
   * rejected token; empty when the credentials cannot mint (a pre-generated token).
   */
  public synchronized Optional<BearerToken> renewAfterRejection(BearerToken rejected) {
    ValidationException.required(rejected, "TokenManager.rejected");
    BearerToken t = token;
    if (t != null && t != rejected) {
      return Optional.of(t);
    }
    if (!credentials.canMint()) {
      return Optional.empty();
    }
    LOG.info("Groww rejected the access token (HTTP 401); minting a new one");
    return Optional.of(mint(clock.currentTimeMillis()));
  }

  /** Forgets the current token, so the next {@link #current()} mints (or re-reads) one. */
  public synchronized void invalidate() {
    token = null;
  }

  private boolean needsRenewal(BearerToken t, long now) {
    if (now >= t.expiresAtMillis()) {
      return true;
    }
    long renewFrom = t.expiresAtMillis() - marginMillis;
    return now >= renewFrom && t.obtainedAtMillis() < renewFrom;
  }

  private BearerToken mint(long now) {
    Map<String, Object> body = mintBody(credentials, now);
    BearerToken minted = new BearerToken(minter.mint(apiKeyOf(credentials), body), now, nextExpiryMillis(now));
    token = minted;
    LOG.info("Minted a Groww access token ({} flow), valid until {}", body.get("key_type"),
        Ist.at(minted.expiresAtMillis()).toLocalDateTime());
    return minted;
  }

  private static io.aitrader.api.Secret apiKeyOf(GrowwCredentials c) {
    if (c instanceof GrowwCredentials.ApiKeyTotp) {
      return ((GrowwCredentials.ApiKeyTotp) c).apiKey();
    }
    return ((GrowwCredentials.ApiKeySecret) c).apiKey();
  }

  /**
   * The JSON body of a mint request at {@code nowMillis}: {@code {"key_type":"totp","totp":"123456"}} or
   * {@code {"key_type":"approval","checksum":"<hex>","timestamp":<epoch seconds>}} (an integer, as the official
   * SDK sends it).
   */
  public static Map<String, Object> mintBody(GrowwCredentials credentials, long nowMillis) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (credentials instanceof GrowwCredentials.ApiKeyTotp) {
      body.put("key_type", "totp");
      body.put("totp", Totp.code(((GrowwCredentials.ApiKeyTotp) credentials).totpSecret(), nowMillis));
    } else if (credentials instanceof GrowwCredentials.ApiKeySecret) {
      long ts = Math.floorDiv(nowMillis, 1000L);
      body.put("key_type", "approval");
      body.put("checksum", ApprovalChecksum.of(((GrowwCredentials.ApiKeySecret) credentials).apiSecret(), ts));
      body.put("timestamp", ts);
    } else {
      throw new ValidationException("GrowwCredentials", "a pre-generated access token cannot mint a new token");
    }
    return body;
  }

  /** The first 06:00 IST strictly after {@code epochMillis}: when a token obtained then expires. */
  public static long nextExpiryMillis(long epochMillis) {
    long day = Ist.epochDayOf(epochMillis);
    long todayExpiry = Ist.midnightMillis(day) + EXPIRY_MILLIS_OF_DAY;
    return epochMillis < todayExpiry ? todayExpiry : todayExpiry + Ist.MILLIS_PER_DAY;
  }

  @Override
  public String toString() {
    return "TokenManager[" + credentials.getClass().getSimpleName() + "]";
  }
}
