package io.aitrader.groww.rest;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Available margin ({@code GET /v1/margins/detail/user}), rupees. The three detail groups keep Groww's field names
 * ({@code cnc_balance_available}, {@code span_margin_used}, …) as keys.
 */
public record Margins(BigDecimal clearCash, BigDecimal netMarginUsed, BigDecimal brokerageAndCharges,
    BigDecimal collateralUsed, BigDecimal collateralAvailable, BigDecimal adhocMargin,
    Map<String, BigDecimal> fnoMarginDetails, Map<String, BigDecimal> equityMarginDetails,
    Map<String, BigDecimal> commodityMarginDetails) {
  public Margins {
    fnoMarginDetails = Map.copyOf(fnoMarginDetails);
    equityMarginDetails = Map.copyOf(equityMarginDetails);
    commodityMarginDetails = Map.copyOf(commodityMarginDetails);
  }
}
