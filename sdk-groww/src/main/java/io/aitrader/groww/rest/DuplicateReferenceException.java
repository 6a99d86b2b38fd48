package io.aitrader.groww.rest;

import io.aitrader.api.OrderRejectedException;

/**
 * GA007: the order reference id was already used, so an order with it exists at Groww. Do not resend: look the
 * order up by its reference id ({@code GrowwBroker} does this itself).
 */
public class DuplicateReferenceException extends OrderRejectedException implements GrowwFailure {
  private static final long serialVersionUID = 1L;

  private final FailedCall call;

  public DuplicateReferenceException(String reason, int httpStatus, String endpoint) {
    super(reason);
    this.call = new FailedCall(httpStatus, "GA007", endpoint);
  }

  @Override
  public FailedCall failedCall() {
    return call;
  }
}
