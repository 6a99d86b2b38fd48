package io.aitrader.groww.rest;

import io.aitrader.api.ValidationException;
import io.aitrader.api.order.OrderStatus;
import java.util.Optional;

/**
 * Groww's answer to a place, modify or cancel call: the order id and its status then.
 *
 * @param growwOrderId the {@code groww_order_id}
 * @param status       the {@code order_status}
 * @param referenceId  the {@code order_reference_id}, when Groww echoed it
 * @param remark       Groww's remark, when it gave one
 */
public record OrderAck(String growwOrderId, OrderStatus status, Optional<String> referenceId,
    Optional<String> remark) {
  public OrderAck {
    ValidationException.requireText(growwOrderId, "OrderAck.growwOrderId");
    ValidationException.required(status, "OrderAck.status");
    ValidationException.required(referenceId, "OrderAck.referenceId");
    ValidationException.required(remark, "OrderAck.remark");
  }
}
