package io.aitrader.groww.fake.nats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nats.client.NKey;
import io.nats.client.support.Encoding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

/**
 * Writes standard NATS JWTs (operator, account, user) as nats-server's operator mode reads them: header
 * {@code {"typ":"JWT","alg":"ed25519-nkey"}}, base64url claims with {@code jti}/{@code iat}/{@code iss}/
 * {@code sub}/{@code name}/{@code nats}, and an Ed25519 signature by the issuer's nkey over
 * {@code header.claims}. Stateless; thread-safe.
 */
final class NatsJwts {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
  private static final String HEADER =
      B64URL.encodeToString("{\"typ\":\"JWT\",\"alg\":\"ed25519-nkey\"}".getBytes(StandardCharsets.UTF_8));

  private NatsJwts() {}

  /** The operator's self-signed JWT. */
  static String operator(NKey operator, String name, long issuedAtSeconds) {
    ObjectNode nats = JSON.createObjectNode();
    nats.put("type", "operator");
    nats.put("version", 2);
    return sign(operator, publicKey(operator), name, issuedAtSeconds, 0, nats);
  }

  /** An account JWT signed by the operator, without limits (every -1), wildcard exports allowed. */
  static String account(NKey operator, String accountPublicKey, String name, long issuedAtSeconds) {
    ObjectNode nats = JSON.createObjectNode();
    ObjectNode limits = nats.putObject("limits");
    for (String key : List.of("subs", "data", "payload", "imports", "exports", "conn", "leaf")) {
      limits.put(key, -1);
    }
    limits.put("wildcards", true);
    ObjectNode defaults = nats.putObject("default_permissions");
    defaults.putObject("pub");
    defaults.putObject("sub");
    nats.put("type", "account");
    nats.put("version", 2);
    return sign(operator, accountPublicKey, name, issuedAtSeconds, 0, nats);
  }

  /**
   * A user JWT signed by the account.
   *
   * @param subAllow subjects the user may subscribe to; empty = any
   * @param denyPublish whether the user may publish nothing at all
   * @param maxSubscriptions the most subscriptions at once, -1 for no limit
   * @param expiresAtSeconds epoch seconds when the JWT expires, 0 for never
   */
  static String user(
      NKey account,
      String userPublicKey,
      String name,
      long issuedAtSeconds,
      long expiresAtSeconds,
      List<String> subAllow,
      boolean denyPublish,
      long maxSubscriptions) {
    ObjectNode nats = JSON.createObjectNode();
    ObjectNode pub = nats.putObject("pub");
    if (denyPublish) {
      pub.putArray("deny").add(">");
    }
    ObjectNode sub = nats.putObject("sub");
    if (!subAllow.isEmpty()) {
      ArrayNode allow = sub.putArray("allow");
      subAllow.forEach(allow::add);
    }
    nats.put("subs", maxSubscriptions);
    nats.put("data", -1);
    nats.put("payload", -1);
    nats.put("type", "user");
    nats.put("version", 2);
    return sign(account, userPublicKey, name, issuedAtSeconds, expiresAtSeconds, nats);
  }

  static String publicKey(NKey key) {
    try {
      return new String(key.getPublicKey());
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot read the public key of a freshly made nkey", e);
    }
  }

  private static String sign(
      NKey issuer, String subject, String name, long iat, long exp, ObjectNode nats) {
    try {
      ObjectNode claims = JSON.createObjectNode();
      if (exp > 0) {
        claims.put("exp", exp);
      }
      claims.put("iat", iat);
      claims.put("iss", publicKey(issuer));
      claims.put("name", name);
      claims.put("sub", subject);
      claims.set("nats", nats);
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(JSON.writeValueAsBytes(claims));
      claims.put("jti", new String(Encoding.base32Encode(digest)));
      String body = B64URL.encodeToString(JSON.writeValueAsBytes(claims));
      String signed = HEADER + "." + body;
      byte[] signature = issuer.sign(signed.getBytes(StandardCharsets.UTF_8));
      return signed + "." + B64URL.encodeToString(signature);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JWT claims", e);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot sign a JWT with an nkey", e);
    }
  }
}
