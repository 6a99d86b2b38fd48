package io.aitrader.groww.rest;

import io.aitrader.api.OrderRejectedException;
import java.util.Optional;

/**
 * Groww refused an order call as invalid or impossible (GA001, GA006, HTTP 400): {@link #reason()} carries Groww's
 * message. Not retryable as is.
 */
public class GrowwOrderRejectedException extends OrderRejectedException implements GrowwFailure {
  private static final long serialVersionUID = 1L;

  private final FailedCall call;

  public GrowwOrderRejectedException(String reason, int httpStatus, Optional<String> errorCode, String endpoint) {
    super(reason);
    this.call = FailedCall.of(httpStatus, errorCode, endpoint);
  }

  @Override
  public FailedCall failedCall() {
    return call;
  }
}
