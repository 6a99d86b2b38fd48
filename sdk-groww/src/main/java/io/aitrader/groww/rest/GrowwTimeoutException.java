package io.aitrader.groww.rest;

import java.util.Optional;

/**
 * Groww did not answer within the timeout (or answered 504): the outcome of the call is unknown. Retryable; an
 * order placement that times out must be looked up by its reference id before it is sent again.
 */
public class GrowwTimeoutException extends GrowwApiException {
  private static final long serialVersionUID = 1L;

  public GrowwTimeoutException(String message, int httpStatus, String endpoint, Throwable cause) {
    super(message, true, httpStatus, Optional.empty(), endpoint, cause);
  }

  public GrowwTimeoutException(String message, int httpStatus, String endpoint) {
    super(message, true, httpStatus, Optional.empty(), endpoint);
  }
}
