package io.aitrader.groww.rest;

import java.io.Serializable;
import java.util.Optional;

/**
 * What every exception of the Groww REST client tells about the failed call, whatever sdk-api exception type it
 * is (a {@link io.aitrader.api.BrokerException}, {@link io.aitrader.api.NotFoundException},
 * {@link io.aitrader.api.RateLimitedException} or {@link io.aitrader.api.OrderRejectedException}). An exception
 * keeps one {@link FailedCall} and answers the three questions from it.
 */
public interface GrowwFailure {

  /** The failed call's HTTP status, Groww error code and endpoint. */
  FailedCall failedCall();

  /** The HTTP status Groww answered with; 0 when there was no answer (timeout, connection failure). */
  default int httpStatus() {
    return failedCall().httpStatus();
  }

  /** Groww's error code ({@code GA000}…{@code GA007}) when the body carried one. */
  default Optional<String> errorCode() {
    return failedCall().errorCode().isEmpty() ? Optional.empty() : Optional.of(failedCall().errorCode());
  }

  /** The call, e.g. {@code POST /v1/order/create}. */
  default String endpoint() {
    return failedCall().endpoint();
  }

  /**
   * A failed call, as an exception carries it (serializable, like the exception).
   *
   * @param httpStatus the HTTP status; 0 without an answer
   * @param errorCode  Groww's error code, empty when the body carried none
   * @param endpoint   the call, e.g. {@code POST /v1/order/create}
   */
  record FailedCall(int httpStatus, String errorCode, String endpoint) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A failed call with an optional error code. */
    public static FailedCall of(int httpStatus, Optional<String> errorCode, String endpoint) {
      return new FailedCall(httpStatus, errorCode.orElse(""), endpoint);
    }
  }
}
