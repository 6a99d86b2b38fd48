package io.aitrader.groww.feed.nats;

/**
 * Mints a socket token for a NATS user public nkey: Groww's {@code POST /v1/api/apex/v1/socket/token/create/}
 * with {@code {"socketKey": userPublicKey}} and the access-token bearer. The REST client implements it; tests use
 * a lambda over the fake feed.
 *
 * <pre>{@code
 * SocketTokenSource tokens = key -> restClient.createSocketToken(key);
 * }</pre>
 *
 * <p>Called by {@link GrowwFeedConnection} on connect and on reconnects, from one thread at a time. May block
 * (it is a network call).
 */
@FunctionalInterface
public interface SocketTokenSource {

  /**
   * A JWT bound to {@code userPublicKey} (a {@code U…} nkey) and the account's subscription id.
   *
   * @throws io.aitrader.api.BrokerException when the token cannot be minted (retryable or not)
   */
  SocketGrant mint(String userPublicKey);
}
