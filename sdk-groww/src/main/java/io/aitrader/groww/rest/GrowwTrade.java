package io.aitrader.groww.rest;

import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import java.util.Optional;

/**
 * One execution of an order (a {@code trade_list} row). Field shape UNCONFIRMED against the official page (read
 * from third-party code): unknown fields are ignored, missing optional ones are empty.
 *
 * @param growwTradeId     {@code groww_trade_id}
 * @param growwOrderId     {@code groww_order_id}
 * @param exchangeTradeId  {@code exchange_trade_id}
 * @param exchangeOrderId  {@code exchange_order_id}
 * @param tradingSymbol    {@code trading_symbol}
 * @param exchange         {@code exchange}
 * @param segment          {@code segment}
 * @param product          {@code product}
 * @param side             {@code transaction_type}
 * @param quantity         {@code quantity}
 * @param price            {@code price}, rupees
 * @param tradeStatus      {@code trade_status} (EXECUTED, DELIVERY_AWAITED, COMPLETED, CANCELLED)
 * @param tradeTimeMillis  {@code trade_date_time}, else {@code created_at}
 * @param isin             {@code isin}
 * @param settlementNumber {@code settlement_number}
 * @param remark           {@code remark}
 */
public record GrowwTrade(String growwTradeId, String growwOrderId, Optional<String> exchangeTradeId,
    Optional<String> exchangeOrderId, String tradingSymbol, Exchange exchange, Segment segment, Product product,
    Side side, long quantity, Price price, Optional<String> tradeStatus, Optional<Long> tradeTimeMillis,
    Optional<String> isin, Optional<String> settlementNumber, Optional<String> remark) {
}
