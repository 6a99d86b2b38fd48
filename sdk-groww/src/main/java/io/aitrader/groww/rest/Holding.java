package io.aitrader.groww.rest;

import io.aitrader.api.money.Price;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * One demat holding ({@code GET /v1/holdings/user}). Quantities may be fractional; the average price is rupees.
 */
public record Holding(Optional<String> isin, String tradingSymbol, BigDecimal quantity, Optional<Price> averagePrice,
    BigDecimal pledgeQuantity, BigDecimal dematLockedQuantity, BigDecimal growwLockedQuantity,
    BigDecimal repledgeQuantity, BigDecimal t1Quantity, BigDecimal dematFreeQuantity,
    BigDecimal corporateActionAdditionalQuantity, BigDecimal activeDematTransferQuantity) {
}
