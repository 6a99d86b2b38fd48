package io.aitrader.groww.rest;

import io.aitrader.api.NotFoundException;
import java.util.Optional;

/** Groww has no such entity (GA004 or HTTP 404): an unknown order id, reference id, symbol or contract. */
public class GrowwNotFoundException extends NotFoundException implements GrowwFailure {
  private static final long serialVersionUID = 1L;

  private final FailedCall call;

  public GrowwNotFoundException(String message, int httpStatus, Optional<String> errorCode, String endpoint) {
    super(message);
    this.call = FailedCall.of(httpStatus, errorCode, endpoint);
  }

  @Override
  public FailedCall failedCall() {
    return call;
  }
}
