package io.aitrader.groww.rest;

import io.aitrader.api.instrument.Segment;
import io.aitrader.api.money.Price;
import java.util.Optional;

/**
 * A GTT or OCO order as Groww reports it ({@code order-advance} calls). Prices in rupees, exact.
 *
 * @param smartOrderId    {@code smart_order_id}, e.g. {@code gtt_91a7f4}
 * @param type            GTT or OCO
 * @param status          ACTIVE, TRIGGERED, CANCELLED, EXPIRED, FAILED, COMPLETED
 * @param tradingSymbol   {@code trading_symbol}
 * @param exchange        {@code exchange}
 * @param segment         {@code segment}
 * @param quantity        {@code quantity}
 * @param productType     {@code product_type}
 * @param duration        {@code duration} (validity)
 * @param triggerPrice    {@code trigger_price} (GTT)
 * @param triggerDirection {@code trigger_direction} UP/DOWN (GTT)
 * @param remark          {@code remark}
 * @param createdAtMillis {@code created_at}
 * @param expireAtMillis  {@code expire_at}
 */
public record SmartOrder(String smartOrderId, SmartOrderType type, String status, String tradingSymbol,
    Optional<String> exchange, Segment segment, long quantity, Optional<String> productType,
    Optional<String> duration, Optional<Price> triggerPrice, Optional<String> triggerDirection,
    Optional<String> remark, Optional<Long> createdAtMillis, Optional<Long> expireAtMillis) {
}
