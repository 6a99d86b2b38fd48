package io.aitrader.groww.rest;

import java.util.Optional;

/**
 * Groww answered with a body that is not what the protocol says (not JSON, a missing field, a bad number or CSV
 * row). Not retryable as such; the client keeps running and the message names the call and what was wrong.
 */
public class MalformedResponseException extends GrowwApiException {
  private static final long serialVersionUID = 1L;

  public MalformedResponseException(String message, int httpStatus, String endpoint) {
    super(message, false, httpStatus, Optional.empty(), endpoint);
  }
}
