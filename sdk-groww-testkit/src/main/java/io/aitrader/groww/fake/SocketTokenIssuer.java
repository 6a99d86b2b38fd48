package io.aitrader.groww.fake;

import static io.aitrader.api.ValidationException.requireText;

/**
 * Issues the live feed's credentials for the fake's socket-token endpoint ({@code POST
 * /v1/api/apex/v1/socket/token/create/}, body {@code {"socketKey": "U…"}}): a NATS user JWT bound to the caller's
 * public nkey and the subscription id used in order-update subjects. The fake NATS feed implements it; without one
 * the endpoint answers a FAILURE envelope {@code GA003} (the feed is not running).
 *
 * <pre>{@code
 * FakeGroww fake = FakeGroww.builder().socketTokenIssuer(natsFeed::grant).build().start();
 * }</pre>
 *
 * <p>Called on the fake's HTTP threads, under its lock: implementations must be thread-safe and quick. An
 * exception is answered as {@code GA000} (HTTP 500).
 */
@FunctionalInterface
public interface SocketTokenIssuer {

  /** Credentials for the NATS user whose public nkey is {@code socketKey} ({@code U…}, already checked). */
  Grant issue(String socketKey);

  /**
   * A socket token grant. {@link #toString()} never shows the token.
   *
   * @param token          the NATS user JWT
   * @param subscriptionId the id in {@code stocks/order/updates.apex.{subscriptionId}} and similar subjects
   */
  record Grant(String token, String subscriptionId) {
    public Grant {
      requireText(token, "SocketTokenIssuer.Grant.token");
      requireText(subscriptionId, "SocketTokenIssuer.Grant.subscriptionId");
    }

    @Override
    public String toString() {
      return "Grant[token=***, subscriptionId=" + subscriptionId + "]";
    }
  }
}
