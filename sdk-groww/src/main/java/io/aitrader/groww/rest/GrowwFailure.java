package io.aitrader.groww.rest;

import java.util.Optional;

/**
 * What every exception of the Groww REST client tells about the failed call, whatever sdk-api exception type it
 * is (a {@link io.aitrader.api.BrokerException}, {@link io.aitrader.api.NotFoundException},
 * {@link io.aitrader.api.RateLimitedException} or {@link io.aitrader.api.OrderRejectedException}).
 */
public interface GrowwFailure {

  /** The HTTP status Groww answered with; 0 when there was no answer (timeout, connection failure). */
  int httpStatus();

  /** Groww's error code ({@code GA000}…{@code GA007}) when the body carried one. */
  Optional<String> errorCode();

  /** The call, e.g. {@code POST /v1/order/create}. */
  String endpoint();
}
