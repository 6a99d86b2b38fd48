package io.aitrader.groww.rest;

import io.aitrader.api.OrderRejectedException;
import java.util.Optional;

/**
 * GA007: the order reference id was already used, so an order with it exists at Groww. Do not resend: look the
 * order up by its reference id ({@code GrowwBroker} does this itself).
 */
public class DuplicateReferenceException extends OrderRejectedException implements GrowwFailure {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final String endpoint;

  public DuplicateReferenceException(String reason, int httpStatus, String endpoint) {
    super(reason);
    this.httpStatus = httpStatus;
    this.endpoint = endpoint;
  }

  @Override
  public int httpStatus() {
    return httpStatus;
  }

  @Override
  public Optional<String> errorCode() {
    return Optional.of("GA007");
  }

  @Override
  public String endpoint() {
    return endpoint;
  }
}
