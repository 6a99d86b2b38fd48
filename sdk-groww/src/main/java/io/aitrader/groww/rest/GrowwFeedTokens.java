package io.aitrader.groww.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.aitrader.api.Secret;
import io.aitrader.api.ValidationException;
import java.util.Map;

/**
 * The live feed's credentials (§3.8): {@code POST /v1/api/apex/v1/socket/token/create/} (trailing slash) with
 * {@code {"socketKey": "<user public nkey>"}} answers a NATS user JWT bound to that key and the account's
 * subscription id (used in the order- and position-update subjects). No documented rate-limit bucket: Non-trading
 * (UNCONFIRMED). Not retried (a POST), though minting twice is harmless. Thread-safe.
 *
 * <pre>{@code
 * SocketToken t = client.feedTokens().mint(nkey.getPublicKey());
 * }</pre>
 */
public final class GrowwFeedTokens {
  /** The socket-token path: the one endpoint that still uses the {@code /v1/api/apex/v1} prefix. */
  public static final String PATH = "/v1/api/apex/v1/socket/token/create/";

  private final GrowwHttp http;

  GrowwFeedTokens(GrowwHttp http) {
    this.http = http;
  }

  /** A socket token: the NATS user JWT (secret: never logged) and the subscription id. */
  public record SocketToken(Secret jwt, String subscriptionId) {
    public SocketToken {
      ValidationException.required(jwt, "SocketToken.jwt");
      ValidationException.requireText(subscriptionId, "SocketToken.subscriptionId");
    }
  }

  /** Mints a socket token for the NATS user public key {@code userPublicKey} ({@code U…}). */
  public SocketToken mint(String userPublicKey) {
    ValidationException.requireText(userPublicKey, "GrowwFeedTokens.userPublicKey");
    GrowwHttp.Call call = http.post(PATH).body(Map.of("socketKey", userPublicKey)).bucket(GrowwHttp.NON_TRADING);
    JsonNode p = call.send();
    String e = call.endpoint();
    return new SocketToken(Secret.of("socket JWT", Wire.text(p, "token", e)), Wire.text(p, "subscriptionId", e));
  }
}
