package io.aitrader.groww.feed.nats;

import io.aitrader.api.Secret;
import io.aitrader.api.ValidationException;

/**
 * What Groww's socket-token endpoint ({@code POST /v1/api/apex/v1/socket/token/create/}) answers for a user
 * public nkey: the NATS user JWT bound to that key, and the subscription id used in the account-stream subjects
 * ({@code stocks/order/updates.apex.{subscriptionId}}, …).
 *
 * <p>The token is a {@link Secret}: {@link #toString()} shows {@code Secret[****]}. Immutable.
 *
 * @param token the NATS user JWT
 * @param subscriptionId the id in the order- and position-update subjects
 */
public record SocketGrant(Secret token, String subscriptionId) {

  /** Validates both parts; the subscription id must be one NATS subject token. */
  public SocketGrant {
    ValidationException.required(token, "SocketGrant.token");
    ValidationException.requireText(subscriptionId, "SocketGrant.subscriptionId");
    ValidationException.check(
        subscriptionId.chars().noneMatch(c -> c == '.' || c == '*' || c == '>' || Character.isWhitespace(c)),
        "SocketGrant.subscriptionId",
        "must be one subject token (no '.', '*', '>' or whitespace)",
        "'" + subscriptionId + "'");
  }

  /** A grant from the raw JWT text as the endpoint returns it. */
  public static SocketGrant of(String jwt, String subscriptionId) {
    return new SocketGrant(Secret.of("GROWW_SOCKET_JWT", jwt), subscriptionId);
  }
}
