package io.aitrader.groww.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aitrader.api.Secret;
import io.aitrader.api.time.TimeSource;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fake's credentials and access tokens: mints tokens by the TOTP and approval flows (§1.3 of the protocol
 * reference), checks bearer tokens, expires them at the next 06:00 IST of the fake's clock or on demand.
 * Thread-safe (callers hold the fake's lock). Never logs or echoes a credential.
 */
final class Auth {
  private static final Logger log = LoggerFactory.getLogger(Auth.class);
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final Secret apiKey;
  private final Secret totpSecret;
  private final Secret apiSecret;
  private final TimeSource clock;
  private final byte[] signingKey = new byte[32];
  /** Token → expiry (epoch ms). Expired or revoked tokens are removed. */
  private final Map<String, Long> tokens = new HashMap<>();
  private long issued;
  private int mints;
  private boolean loggedIntTimestamp;
  private boolean loggedStringTimestamp;

  Auth(Secret apiKey, Secret totpSecret, Secret apiSecret, Optional<Secret> preGenerated, TimeSource clock) {
    this.apiKey = apiKey;
    this.totpSecret = totpSecret;
    this.apiSecret = apiSecret;
    this.clock = clock;
    new SecureRandom().nextBytes(signingKey);
    preGenerated.ifPresent(t -> tokens.put(t.reveal(), Wire.nextSixAm(clock.currentTimeMillis())));
  }

  int mints() {
    return mints;
  }

  /** A fresh access token valid until the next 06:00 IST (like one generated in Groww's web UI). */
  String issue() {
    long now = clock.currentTimeMillis();
    long expiry = Wire.nextSixAm(now);
    issued++;
    String header = B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String payload = B64.encodeToString(("{\"sub\":\"fake-groww-user\",\"jti\":\"" + issued + "\",\"iat\":"
        + now / 1000 + ",\"exp\":" + expiry / 1000 + "}").getBytes(StandardCharsets.UTF_8));
    String signature = B64.encodeToString(hmacSha256(signingKey, header + "." + payload));
    String token = header + "." + payload + "." + signature;
    tokens.put(token, expiry);
    return token;
  }

  /** Every token issued so far stops working: the next call with one gets 401. */
  void expireAll() {
    tokens.clear();
  }

  /** Checks {@code Authorization: Bearer <access token>}; 401 FAILURE otherwise. */
  void requireAccessToken(Optional<String> authorization) {
    String token = bearer(authorization).orElseThrow(() -> unauthorised(
        "Authorization header with a Bearer access token is required"));
    Long expiry = tokens.get(token);
    if (expiry == null) {
      throw unauthorised("access token is invalid or was revoked: mint a new one");
    }
    if (clock.currentTimeMillis() >= expiry) {
      tokens.remove(token);
      throw unauthorised("access token expired at " + Wire.localIso(expiry) + " IST: mint a new one");
    }
  }

  /** {@code POST /v1/token/api/access}: the top-level token response (no envelope). */
  ObjectNode mint(Optional<String> authorization, JsonNode body) {
    String key = bearer(authorization).orElseThrow(() -> unauthorised(
        "Authorization header 'Bearer <API key>' is required to mint an access token"));
    if (!Secret.of(key).matches(apiKey)) {
      throw unauthorised("API key is not valid");
    }
    String keyType = Wire.text(body, "key_type").toLowerCase(Locale.ROOT);
    long now = clock.currentTimeMillis();
    switch (keyType) {
      case "totp" -> {
        String code = Wire.text(body, "totp");
        if (!code.matches("[0-9]{6}") || !Totp.verify(totpSecret.reveal(), code, now, 1)) {
          throw ApiError.badRequest("TOTP code is invalid or expired: use the current 6-digit code of the key's "
              + "TOTP secret");
        }
      }
      case "approval" -> checkApproval(body);
      default -> throw ApiError.badRequest("'key_type' must be 'totp' or 'approval', was '" + keyType + "'");
    }
    mints++;
    String token = issue();
    ObjectNode out = Json.object();
    out.put("token", token);
    out.put("tokenRefId", "fake-ref-" + issued);
    out.put("sessionName", "fake-groww");
    out.put("expiry", Wire.localIso(tokens.get(token)));
    out.put("active", true);
    return out;
  }

  private void checkApproval(JsonNode body) {
    JsonNode ts = body.get("timestamp");
    if (ts == null || ts.isNull() || ts.asText().isBlank()) {
      throw ApiError.badRequest("'timestamp' is required (Unix seconds)");
    }
    if (ts.isIntegralNumber() && !loggedIntTimestamp) {
      loggedIntTimestamp = true;
      log.info("token mint: approval timestamp sent as a JSON integer (the SDK's form)");
    } else if (ts.isTextual() && !loggedStringTimestamp) {
      loggedStringTimestamp = true;
      log.info("token mint: approval timestamp sent as a JSON string (OpenAlgo's form)");
    }
    String tsText = ts.asText().trim();
    if (!tsText.matches("[0-9]{1,12}")) {
      throw ApiError.badRequest("'timestamp' must be Unix seconds, was '" + tsText + "'");
    }
    String checksum = Wire.text(body, "checksum");
    byte[] expected = HexFormat.of().formatHex(sha256(apiSecret.reveal() + tsText)).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, checksum.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
      throw ApiError.badRequest("checksum is invalid: it must be the lower-case hex SHA-256 of the API secret "
          + "followed by the timestamp");
    }
  }

  private static Optional<String> bearer(Optional<String> authorization) {
    if (authorization.isEmpty()) {
      return Optional.empty();
    }
    String h = authorization.get().trim();
    if (h.length() <= 7 || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    String token = h.substring(7).trim();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }

  private static ApiError unauthorised(String message) {
    return new ApiError(401, ApiError.UNAUTHORISED, message);
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }

  private static byte[] hmacSha256(byte[] key, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }
}
