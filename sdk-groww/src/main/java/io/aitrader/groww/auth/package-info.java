/**
 * Groww authentication: where the credentials come from ({@link io.aitrader.groww.auth.GrowwCredentials}: a
 * pre-generated access token, an API key with a TOTP secret, or an API key with its secret), the RFC 6238 TOTP
 * code ({@link io.aitrader.groww.auth.Totp}), the approval checksum ({@link io.aitrader.groww.auth.ApprovalChecksum})
 * and the {@link io.aitrader.groww.auth.TokenManager} that keeps a valid access token (re-minted before the daily
 * 06:00 IST expiry and after a 401). Credentials are {@link io.aitrader.api.Secret}s: never logged, never in a message.
 */
@NullMarked
package io.aitrader.groww.auth;

import org.jspecify.annotations.NullMarked;
