package io.aitrader.groww.auth;

import io.aitrader.api.Secret;
import java.util.Map;

/**
 * Sends one token-mint request: {@code POST /v1/token/api/access} with {@code Authorization: Bearer <apiKey>} and
 * the JSON {@code body}, returning the {@code token} of the response. The REST client provides the HTTP one; tests
 * may pass a lambda. Failures are unchecked exceptions whose messages never contain the key or the body's values.
 */
@FunctionalInterface
public interface TokenMinter {

  /** Mints a token; {@code body} is {@code {"key_type":"totp","totp":…}} or the approval checksum form. */
  Secret mint(Secret apiKey, Map<String, Object> body);
}
