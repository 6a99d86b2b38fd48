package io.aitrader.groww.auth;

import io.aitrader.api.Secret;
import io.aitrader.api.ValidationException;

/**
 * An access token as sent in {@code Authorization: Bearer …}, with when it was obtained and when it expires.
 * Prints as {@code BearerToken[value=Secret[****], …]}: the value never shows. Immutable and thread-safe.
 *
 * @param value           the token
 * @param obtainedAtMillis when it was minted (or, for a pre-generated token, first used), epoch milliseconds
 * @param expiresAtMillis when it stops working, epoch milliseconds; {@link Long#MAX_VALUE} when unknown
 */
public record BearerToken(Secret value, long obtainedAtMillis, long expiresAtMillis) {
  public BearerToken {
    ValidationException.required(value, "BearerToken.value");
    ValidationException.check(expiresAtMillis > obtainedAtMillis, "BearerToken.expiresAtMillis",
        "must be after obtainedAtMillis " + obtainedAtMillis, expiresAtMillis);
  }
}
