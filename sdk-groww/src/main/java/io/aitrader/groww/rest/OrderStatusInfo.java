package io.aitrader.groww.rest;

import io.aitrader.api.ValidationException;
import io.aitrader.api.order.OrderStatus;
import java.util.Optional;

/**
 * The answer of the order-status calls (by Groww id or by reference id).
 *
 * @param growwOrderId   the {@code groww_order_id}
 * @param status         the {@code order_status}
 * @param filledQuantity the {@code filled_quantity}, 0 when absent
 * @param referenceId    the {@code order_reference_id}, when present
 * @param remark         Groww's remark, when present
 */
public record OrderStatusInfo(String growwOrderId, OrderStatus status, long filledQuantity,
    Optional<String> referenceId, Optional<String> remark) {
  public OrderStatusInfo {
    ValidationException.requireText(growwOrderId, "OrderStatusInfo.growwOrderId");
    ValidationException.required(status, "OrderStatusInfo.status");
    ValidationException.check(filledQuantity >= 0, "OrderStatusInfo.filledQuantity", "must be >= 0", filledQuantity);
    ValidationException.required(referenceId, "OrderStatusInfo.referenceId");
    ValidationException.required(remark, "OrderStatusInfo.remark");
  }
}
