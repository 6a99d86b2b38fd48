package io.aitrader.groww.rest;

import io.aitrader.api.instrument.Segment;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * One position ({@code GET /v1/positions/user} or {@code /v1/positions/trading-symbol}). The <b>unit of the price
 * fields is UNCONFIRMED</b>: Groww's docs say rupees but their examples look like paise, so the values are kept
 * exactly as the wire says ({@code BigDecimal}, no conversion); check against a live account before using them as
 * rupees.
 */
public record GrowwPosition(String tradingSymbol, Segment segment, Optional<String> exchange, Optional<String> product,
    Optional<String> symbolIsin, BigDecimal quantity, BigDecimal creditQuantity, BigDecimal creditPrice,
    BigDecimal debitQuantity, BigDecimal debitPrice, BigDecimal carryForwardCreditQuantity,
    BigDecimal carryForwardCreditPrice, BigDecimal carryForwardDebitQuantity, BigDecimal carryForwardDebitPrice,
    BigDecimal netCarryForwardQuantity, BigDecimal netPrice, BigDecimal netCarryForwardPrice,
    BigDecimal realisedPnl) {
}
