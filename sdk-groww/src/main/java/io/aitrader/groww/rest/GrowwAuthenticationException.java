package io.aitrader.groww.rest;

import java.util.Optional;

/**
 * Groww rejected the credentials (HTTP 401, or a failed token mint) and a new token could not fix it. Not
 * retryable: the message names the environment variables to check ({@code GROWW_…}), never their values.
 */
public class GrowwAuthenticationException extends GrowwApiException {
  private static final long serialVersionUID = 1L;

  public GrowwAuthenticationException(String message, int httpStatus, Optional<String> errorCode, String endpoint) {
    super(message, false, httpStatus, errorCode, endpoint);
  }
}
