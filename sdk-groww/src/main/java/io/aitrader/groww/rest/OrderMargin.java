package io.aitrader.groww.rest;

import java.math.BigDecimal;

/** The margin a basket of orders needs ({@code POST /v1/margins/detail/orders}), rupees. */
public record OrderMargin(BigDecimal exposureRequired, BigDecimal spanRequired, BigDecimal optionBuyPremium,
    BigDecimal brokerageAndCharges, BigDecimal totalRequirement, BigDecimal cashCncMarginRequired,
    BigDecimal cashMisMarginRequired, BigDecimal physicalDeliveryMarginRequirement) {
}
