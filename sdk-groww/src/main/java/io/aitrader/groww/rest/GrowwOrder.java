package io.aitrader.groww.rest;

import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.OrderStatus;
import io.aitrader.api.order.OrderType;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.api.order.Validity;
import java.util.Optional;

/**
 * Groww's order object (order detail, order list rows). Prices are rupees, exact; a price Groww sends as 0 is
 * empty here. Times are epoch milliseconds (Groww's zone-less times are read as IST).
 *
 * @param growwOrderId       {@code groww_order_id}
 * @param referenceId        {@code order_reference_id}
 * @param tradingSymbol      {@code trading_symbol}
 * @param exchange           {@code exchange}
 * @param segment            {@code segment}
 * @param status             {@code order_status}
 * @param remark             {@code remark}
 * @param quantity           {@code quantity}
 * @param price              {@code price} (empty when 0)
 * @param triggerPrice       {@code trigger_price} (empty when 0)
 * @param filledQuantity     {@code filled_quantity}
 * @param remainingQuantity  {@code remaining_quantity}
 * @param averageFillPrice   {@code average_fill_price} (empty when 0)
 * @param deliverableQuantity {@code deliverable_quantity}
 * @param amoStatus          {@code amo_status}
 * @param validity           {@code validity}
 * @param orderType          {@code order_type}
 * @param side               {@code transaction_type}
 * @param product            {@code product}
 * @param createdAtMillis    {@code created_at}
 * @param exchangeTimeMillis {@code exchange_time}
 */
public record GrowwOrder(String growwOrderId, Optional<String> referenceId, String tradingSymbol, Exchange exchange,
    Segment segment, OrderStatus status, Optional<String> remark, long quantity, Optional<Price> price,
    Optional<Price> triggerPrice, long filledQuantity, long remainingQuantity, Optional<Price> averageFillPrice,
    long deliverableQuantity, Optional<String> amoStatus, Validity validity, OrderType orderType, Side side,
    Product product, Optional<Long> createdAtMillis, Optional<Long> exchangeTimeMillis) {
}
