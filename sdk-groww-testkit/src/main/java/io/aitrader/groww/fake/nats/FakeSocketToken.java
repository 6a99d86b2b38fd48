package io.aitrader.groww.fake.nats;

import io.aitrader.api.ValidationException;

/**
 * What the fake's socket-token endpoint hands out ({@code POST /v1/api/apex/v1/socket/token/create/} answers
 * {@code {"token": …, "subscriptionId": …}}): a NATS user JWT bound to the caller's public nkey, and the
 * subscription id used in the order- and position-update subjects.
 *
 * <p>{@link #toString()} never shows the token (it is a credential). Immutable.
 *
 * @param token the NATS user JWT, signed by the fake's account nkey
 * @param subscriptionId the id in {@code stocks/order/updates.apex.{subscriptionId}} and friends
 */
public record FakeSocketToken(String token, String subscriptionId) {

  /** Validates both parts. */
  public FakeSocketToken {
    ValidationException.requireText(token, "FakeSocketToken.token");
    ValidationException.requireText(subscriptionId, "FakeSocketToken.subscriptionId");
  }

  @Override
  public String toString() {
    return "FakeSocketToken[token=****, subscriptionId=" + subscriptionId + "]";
  }
}
