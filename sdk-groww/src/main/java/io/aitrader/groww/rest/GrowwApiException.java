package io.aitrader.groww.rest;

import io.aitrader.api.BrokerException;
import java.util.Optional;

/**
 * A Groww REST call failed: an error answer (GA000, GA001, GA003, GA005, GA006, HTTP 400/403/5xx), no answer, or
 * an answer that could not be read. {@link #isRetryable()} is true for server errors, GA003 and when Groww could
 * not be reached. The message says what happened and what to do, and never contains a credential.
 *
 * <p>Subtypes: {@link GrowwAuthenticationException}, {@link GrowwTimeoutException},
 * {@link MalformedResponseException}. Other failures use the sdk-api types: {@link GrowwNotFoundException},
 * {@link GrowwRateLimitedException}, {@link DuplicateReferenceException}, {@link GrowwOrderRejectedException}.
 */
public class GrowwApiException extends BrokerException implements GrowwFailure {
  private static final long serialVersionUID = 1L;

  private final FailedCall call;

  public GrowwApiException(String message, boolean retryable, int httpStatus, Optional<String> errorCode,
      String endpoint) {
    super(message, retryable);
    this.call = FailedCall.of(httpStatus, errorCode, endpoint);
  }

  public GrowwApiException(String message, boolean retryable, int httpStatus, Optional<String> errorCode,
      String endpoint, Throwable cause) {
    super(message, retryable, cause);
    this.call = FailedCall.of(httpStatus, errorCode, endpoint);
  }

  @Override
  public FailedCall failedCall() {
    return call;
  }
}
