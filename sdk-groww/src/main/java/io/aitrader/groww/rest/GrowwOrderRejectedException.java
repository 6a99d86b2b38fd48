package io.aitrader.groww.rest;

import io.aitrader.api.OrderRejectedException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Groww refused an order call as invalid or impossible (GA001, GA006, HTTP 400): {@link #reason()} carries Groww's
 * message. Not retryable as is.
 */
public class GrowwOrderRejectedException extends OrderRejectedException implements GrowwFailure {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final @Nullable String errorCode;
  private final String endpoint;

  public GrowwOrderRejectedException(String reason, int httpStatus, Optional<String> errorCode, String endpoint) {
    super(reason);
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
