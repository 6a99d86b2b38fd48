package io.aitrader.groww.rest;

import io.aitrader.api.NotFoundException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Groww has no such entity (GA004 or HTTP 404): an unknown order id, reference id, symbol or contract. */
public class GrowwNotFoundException extends NotFoundException implements GrowwFailure {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final @Nullable String errorCode;
  private final String endpoint;

  public GrowwNotFoundException(String message, int httpStatus, Optional<String> errorCode, String endpoint) {
    super(message);
    this.httpStatus = httpStatus;
    this.errorCode = errorCode.orElse(null);
    this.endpoint = endpoint;
  }

  @Override
  public int httpStatus() {
    return httpStatus;
  }

  @Override
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  @Override
  public String endpoint() {
    return endpoint;
  }
}
